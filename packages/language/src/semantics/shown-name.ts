/** What every view shows for a declaration whose name the parser could not read (its syntax error says why). */
export const UNREAD_NAME = '—';

/**
 * The name a reader sees of a declaration: its name, or UNREAD_NAME while the
 * name is missing (being typed, or lost to a syntax error), never `undefined`.
 * Its figures still count where they can be computed, so the row stays.
 */
export function shownName(declaration: { readonly name?: string }): string {
    return declaration.name || UNREAD_NAME;
}
