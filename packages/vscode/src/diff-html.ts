// Markdown (the balance's, `cnms diff --format md`'s) as HTML for a webview
// without scripts. A small renderer of our own for the subset the server
// writes (headings, paragraphs, bold, code spans, backslash escapes, pipe
// tables with alignment, lists, <details><summary> blocks and <br> in cells).
// Every character of the input is escaped: the only tags on the page are the
// renderer's own, so nothing in a model (a name, a message, a title) can add
// markup, a script or a link.
import { escapeHtml } from './view-style.js';

/** No script, no resource of any kind: inline styles only. */
export const DIFF_WEBVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** ASCII punctuation that a backslash escapes (CommonMark). */
const ESCAPABLE = /\\([!-/:-@[-`{-~])/g;
const INLINE = /(`+)([\s\S]*?)\1|\\([!-/:-@[-`{-~])|\*\*|<br\s*\/?>/g;

/** One line of text: code spans, `**bold**`, backslash escapes and `<br>`; the rest escaped. */
export function renderInline(text: string): string {
    let out = '';
    let at = 0;
    let bold = false;
    for (const match of text.matchAll(INLINE)) {
        out += escapeHtml(text.slice(at, match.index));
        at = match.index + match[0].length;
        if (match[1] !== undefined) {
            // The diff writes identifiers escaped even in code spans (`purchased\_power`): show them as meant.
            out += `<code>${escapeHtml(match[2].replace(ESCAPABLE, '$1'))}</code>`;
        } else if (match[3] !== undefined) {
            out += escapeHtml(match[3]);
        } else if (match[0] === '**') {
            out += bold ? '</strong>' : '<strong>';
            bold = !bold;
        } else {
            out += '<br>';
        }
    }
    out += escapeHtml(text.slice(at));
    return bold ? `${out}</strong>` : out;
}

/** The cells of a table row: split at the pipes that are not escaped, outer pipes dropped. */
function cells(row: string): string[] {
    const trimmed = row.trim().replace(/^\|/, '');
    const parts: string[] = [];
    let current = '';
    for (let i = 0; i < trimmed.length; i++) {
        const c = trimmed[i];
        if (c === '\\' && i + 1 < trimmed.length) {
            current += c + trimmed[++i];
        } else if (c === '|') {
            parts.push(current);
            current = '';
        } else {
            current += c;
        }
    }
    if (current.trim() !== '') parts.push(current);
    return parts.map(cell => cell.trim());
}

const SEPARATOR = /^\s*\|?(\s*:?-+:?\s*\|)+\s*(:?-+:?\s*)?$/;

function alignment(spec: string): string {
    const s = spec.trim();
    if (s.startsWith(':') && s.endsWith(':')) return ' class="center"';
    if (s.endsWith(':')) return ' class="right"';
    return '';
}

/** The Markdown as HTML body content. */
export function renderMarkdown(markdown: string): string {
    const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
    const out: string[] = [];
    let paragraph: string[] = [];
    let list: string[] = [];
    let openDetails = 0;
    const flush = () => {
        if (paragraph.length > 0) out.push(`<p>${paragraph.map(renderInline).join(' ')}</p>`);
        if (list.length > 0) out.push(`<ul>${list.map(item => `<li>${renderInline(item)}</li>`).join('')}</ul>`);
        paragraph = [];
        list = [];
    };
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
        const details = /^\s*<details>\s*<summary>(.*)<\/summary>\s*$/.exec(line);
        if (heading) {
            flush();
            out.push(`<h${heading[1].length}>${renderInline(heading[2])}</h${heading[1].length}>`);
        } else if (details) {
            flush();
            out.push(`<details open><summary>${renderInline(details[1])}</summary>`);
            openDetails++;
        } else if (/^\s*<\/details>\s*$/.test(line)) {
            flush();
            if (openDetails > 0) {
                out.push('</details>');
                openDetails--;
            } else {
                out.push(`<p>${escapeHtml(line)}</p>`);
            }
        } else if (line.trim().startsWith('|') && i + 1 < lines.length && SEPARATOR.test(lines[i + 1])) {
            flush();
            const header = cells(line);
            const aligns = cells(lines[i + 1]).map(alignment);
            const rows: string[][] = [];
            i += 2;
            while (i < lines.length && lines[i].trim().startsWith('|')) rows.push(cells(lines[i++]));
            i--;
            const width = Math.max(header.length, ...rows.map(row => row.length));
            const row = (values: string[], tag: 'th' | 'td') => `<tr>${Array.from({ length: width }, (_, c) => `<${tag}${aligns[c] ?? ''}>${renderInline(values[c] ?? '')}</${tag}>`).join('')}</tr>`;
            out.push(`<table><thead>${row(header, 'th')}</thead><tbody>${rows.map(r => row(r, 'td')).join('')}</tbody></table>`);
        } else if (/^\s*[-*]\s+/.test(line)) {
            if (paragraph.length > 0) flush();
            list.push(line.replace(/^\s*[-*]\s+/, ''));
        } else if (line.trim() === '') {
            flush();
        } else {
            if (list.length > 0) flush();
            paragraph.push(line.trim());
        }
    }
    flush();
    for (; openDetails > 0; openDetails--) out.push('</details>');
    return out.join('\n');
}
