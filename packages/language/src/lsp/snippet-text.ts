/**
 * A snippet (`${1:name}`, `${2|a,b|}`, `$0`) as plain text, with each
 * placeholder's default: what a quick fix inserts for a client that cannot
 * take snippet edits.
 */
export function snippetToText(snippet: string): string {
    return snippet
        .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\}|\$\d+/g, '');
}
