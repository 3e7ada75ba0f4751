// A text for a line of output (a file name, an error's message): what would
// break the line or fool the reader is shown escaped.

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
