// Types of seeded-random.mjs, for the TypeScript tests that import it.

/** mulberry32: a small seeded generator of numbers in [0, 1), so that a failing random sequence can be replayed. */
export declare function seededRandom(seed: number): () => number;
