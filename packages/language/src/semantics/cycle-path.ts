/**
 * The path from `start` back to itself through `next` (depth first, with an
 * explicit stack of iterators: a long chain must not exhaust the call stack),
 * or undefined when there is none. `follow` is asked before a node is entered
 * (and may record that it was read); a node it refuses is passed over.
 */
export function cyclePath<T>(start: T, next: (node: T) => Iterable<T>, follow: (node: T) => boolean): T[] | undefined {
    const visited = new Set<T>();
    const path: T[] = [start];
    const stack: Array<Iterator<T>> = [next(start)[Symbol.iterator]()];
    while (stack.length > 0) {
        const step = stack.at(-1)!.next();
        if (step.done) {
            stack.pop();
            path.pop();
            continue;
        }
        const target = step.value;
        if (!follow(target)) continue;
        if (target === start) return [...path, start];
        if (visited.has(target)) continue;
        visited.add(target);
        path.push(target);
        stack.push(next(target)[Symbol.iterator]());
    }
    return undefined;
}
