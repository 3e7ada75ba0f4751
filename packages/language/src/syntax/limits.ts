/**
 * The sizes CNMS reads (docs/limits.md). Each keeps a file within what the
 * parser and every walk over an expression handle with margin at Node's
 * default stack, so that no text a user can type crashes the CLI or the
 * language server: past a limit, a located diagnostic, never a stack overflow.
 */

/**
 * The largest model file read (2 MiB, some 50,000 lines): the CLI refuses a
 * larger file, the language server does not parse one. A file dense with
 * expressions (a pasted column of `let`s) takes about 300 MB of memory per
 * MiB once parsed, linked and computed (docs/limits.md), so 2 MiB stays under
 * 1 GB, well inside Node's heap; at 10 MiB it would abort out of memory.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** The largest dataset file read (512 MiB): a year of a group's meter readings is a table of millions of rows. */
export const MAX_DATASET_BYTES = 512 * 1024 * 1024;

/**
 * How deep an expression may nest: open parentheses plus unary minus signs in
 * a row (`-(-(1))` is 4 levels). The parser recurses about six calls per
 * parenthesis and overflows past some 110; 64 keeps a wide margin.
 */
export const MAX_EXPRESSION_DEPTH = 64;

/**
 * How many terms (numbers, names and units) one expression may have:
 * `1 + 2 * x` has three, `45000 MWh` two. An expression of n terms is a tree
 * n levels deep (operators nest to the left), and the syntax tree's own walks
 * overflow past some 3,700; 1,000 keeps a wide margin.
 */
export const MAX_EXPRESSION_TERMS = 1000;

/** Whether a text is larger than MAX_FILE_BYTES in UTF-8, counted without encoding it. */
export function exceedsFileLimit(text: string): boolean {
    if (text.length > MAX_FILE_BYTES) return true;
    if (text.length * 3 <= MAX_FILE_BYTES) return false;
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 0x80) bytes += 1;
        else if (code < 0x800) bytes += 2;
        else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
            bytes += 4;
            i++;
        } else bytes += 3;
    }
    return bytes > MAX_FILE_BYTES;
}
