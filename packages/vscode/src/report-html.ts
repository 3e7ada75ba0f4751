// The report's HTML as the preview shows it. The report carries a strict
// Content-Security-Policy of its own; the webview does not rely on it: any
// CSP meta tag is replaced by the webview's own, first thing in <head>, so
// that no script, no remote resource and no file of the workspace can load
// whatever the renderer emits.
import { escapeHtml } from './view-style.js';

export const WEBVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${WEBVIEW_CSP}">`;
/** A <meta> tag whose http-equiv is Content-Security-Policy, with any quoting and attribute order. */
const ANY_CSP_META = /<meta\b[^>]*\bhttp-equiv\s*=\s*(["']?)\s*content-security-policy\s*\1[^>]*>/gi;
const HEAD = /<head\b[^>]*>/i;
const HTML = /<html\b[^>]*>/i;

/** `html` with exactly one CSP meta tag, the webview's, as the first element of its head. */
export function withWebviewCsp(html: string): string {
    const body = html.replace(ANY_CSP_META, '');
    const head = HEAD.exec(body);
    if (head) return insertAt(body, head.index + head[0].length, CSP_META);
    const root = HTML.exec(body);
    if (root) return insertAt(body, root.index + root[0].length, `<head>${CSP_META}</head>`);
    const doctype = /^\s*<!doctype[^>]*>/i.exec(body);
    const at = doctype ? doctype[0].length : 0;
    return insertAt(body, at, `<head>${CSP_META}</head>`);
}

/** A page with one message, for a preview whose model has no report (any more). */
export function messagePage(message: string, lang: string): string {
    return withWebviewCsp(
        `<!DOCTYPE html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"></head>` + `<body style="font-family: var(--vscode-font-family, sans-serif); padding: 1em 2em"><p>${escapeHtml(message)}</p></body></html>`
    );
}

function insertAt(text: string, index: number, inserted: string): string {
    return text.slice(0, index) + inserted + text.slice(index);
}
