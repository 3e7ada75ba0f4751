/**
 * A text cell that a spreadsheet shows as text and never runs: text that
 * begins with `=`, `+`, `-` or `@` (or a tab or a carriage return, which some
 * programs skip before looking) would be read as a formula when a csv is
 * opened, or when a cell of a workbook is edited (CSV/formula injection:
 * `=HYPERLINK(…)` in a source's title). Such text gets a leading single quote,
 * as csv-stringify's `escape_formulas` does; other text is unchanged. For text
 * cells only: a figure (`-12.5`) is a number and keeps its sign.
 */
export function spreadsheetText(text: string): string {
    return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
