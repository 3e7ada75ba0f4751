// Types of generate-let-paste.mjs, for the TypeScript tests that import it.

/** The let of line `n` (from 0): four terms, two numbers and two units. */
export declare function letLine(n: number): string;
/** Lets up to `bytes` bytes (default 2,000,000). */
export declare function letPaste(bytes?: number): string;
