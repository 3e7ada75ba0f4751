import { isAbsolute, relative, sep } from 'node:path';

/** A path as the outputs give it: relative to the working folder when inside it, else as it is. */
export function relativeToWorkingFolder(path: string): string {
    const rel = relative(process.cwd(), path);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return path;
    return rel;
}

/**
 * A path for a line of text output (diagnostics, messages, warnings): relative
 * as above, with its control characters escaped, so that a file named
 * `x\nforged.cnms:1:1  error …` cannot print a line of its own.
 */
export function shownPath(path: string): string {
    return escapeControlCharacters(relativeToWorkingFolder(path));
}

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Escapes what a terminal or a log would not show as itself: C0 and C1
 * controls, DEL, the Unicode line and paragraph separators and the
 * bidirectional overrides (which can reorder what a reader sees).
 */
export function escapeControlCharacters(text: string): string {
    return text.replace(/[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu, char => {
        const named = NAMED[char];
        if (named) return named;
        const code = char.codePointAt(0)!;
        return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u{${code.toString(16).toUpperCase()}}`;
    });
}
