/** A line ending: LF, or CRLF as Windows editors save. */
export type LineEnding = '\n' | '\r\n';

/** The line ending most of the text's lines use; LF when it has no line break, or as many of each. */
export function lineEndingOf(text: string): LineEnding {
    const crlf = text.match(/\r\n/g)?.length ?? 0;
    const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
    return crlf > lf ? '\r\n' : '\n';
}

/** The text with every CRLF as LF, the form the formatter works on. */
export function withLineFeeds(text: string): string {
    return text.replace(/\r\n/g, '\n');
}

/** A text with LF line breaks, given the line ending `ending`. */
export function withLineEnding(text: string, ending: LineEnding): string {
    return ending === '\n' ? text : text.replace(/\n/g, '\r\n');
}
