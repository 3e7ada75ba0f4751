/**
 * A key of a text's content (two 32-bit FNV-1a hashes and the length): what
 * a table read from a file is kept under (semantics/datasets.ts). Equal keys
 * are confirmed by comparing the texts, so a collision costs a parse, never
 * a wrong figure.
 */
export function contentKey(text: string): string {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ 0x5bd1e995;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        a = Math.imul(a ^ code, 0x01000193);
        b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
    }
    return `${(a >>> 0).toString(16)}${(b >>> 0).toString(16)}:${text.length}`;
}
