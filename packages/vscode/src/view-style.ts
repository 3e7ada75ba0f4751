// One visual style for the extension's views: the report preview, the
// comparison with a revision and the balance. Colours come from the editor's
// theme (VS Code's CSS variables in every webview) under the report's own
// names, so the three views read alike in a light and a dark theme; rises and
// falls are coloured by what they do to the net balance.

const soft = (colour: string) => `color-mix(in srgb, ${colour} 16%, transparent)`;

/** The report's colour variables, taken from the theme. */
export const THEME_VARIABLES = `
:root {
  --ink: var(--vscode-editor-foreground, #1f2933);
  --muted: var(--vscode-descriptionForeground, #52606d);
  --faint: var(--vscode-disabledForeground, var(--vscode-descriptionForeground, #7b8794));
  --rule: var(--vscode-editorWidget-border, var(--vscode-panel-border, #d9dee3));
  --rule-strong: var(--vscode-editorRuler-foreground, var(--vscode-descriptionForeground, #9aa5b1));
  --paper: var(--vscode-editor-background, #ffffff);
  --desk: var(--vscode-editor-background, #ffffff);
  --accent: var(--vscode-textLink-foreground, #1f3a5f);
  --good: var(--vscode-testing-iconPassed, var(--vscode-charts-green, #2f6f4f));
  --bad: var(--vscode-errorForeground, #9b2c1f);
  --warn: var(--vscode-editorWarning-foreground, #8a5a00);
  --good-soft: ${soft('var(--good)')};
  --bad-soft: ${soft('var(--bad)')};
  --warn-soft: ${soft('var(--warn)')};
  --neutral-soft: ${soft('var(--muted)')};
  --sans: var(--vscode-font-family, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif);
  --mono: var(--vscode-editor-font-family, monospace);
}
`;

/** The comparison's and the balance's page: the report's headings, tables and figures. */
export const VIEW_STYLE = `${THEME_VARIABLES}
* { box-sizing: border-box; }
body { margin: 0; padding: 16px 20px 28px; max-width: 960px; background: var(--paper); color: var(--ink); font-family: var(--sans); font-size: 13px; line-height: 1.5; }
h1, h2, h3, h4, h5, h6 { color: var(--ink); font-weight: 600; line-height: 1.25; margin: 20px 0 10px; }
h1 { font-size: 20px; margin-top: 4px; }
h2, h3:first-child { font-size: 16px; padding-bottom: 6px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 14px; }
p { margin: 0 0 10px; }
.muted { color: var(--muted); }
code { font-family: var(--mono); font-size: 0.92em; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.table-wrap { overflow-x: auto; margin: 0 0 14px; }
table { border-collapse: collapse; margin: 0 0 14px; font-variant-numeric: tabular-nums; }
.table-wrap > table { margin: 0; min-width: 100%; }
th, td { padding: 5px 10px 5px 0; text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule); }
thead th { font-size: 11.5px; font-weight: 600; color: var(--muted); border-bottom: 1.5px solid var(--rule-strong); vertical-align: bottom; }
th.right, td.right, .num { text-align: right; white-space: nowrap; }
td.center, th.center { text-align: center; }
.worse { color: var(--bad); font-weight: 600; }
.better { color: var(--good); font-weight: 600; }
.badge { display: inline-block; padding: 0 7px; border: 1px solid currentColor; border-radius: 3px; font-size: 11px; font-weight: 600; line-height: 1.6; white-space: nowrap; }
.badge.good { color: var(--good); background: var(--good-soft); }
.badge.bad { color: var(--bad); background: var(--bad-soft); }
.badge.quiet { color: var(--muted); background: var(--neutral-soft); border-color: var(--rule); }
.cause { display: block; padding-left: 12px; }
.cause + .cause { margin-top: 2px; }
tr.causes td { padding-top: 0; color: var(--muted); }
tr:has(+ tr.causes) td { border-bottom: 0; }
ul { margin: 4px 0 12px; padding-left: 18px; }
li { margin: 2px 0; }
details { margin: 8px 0; }
summary { font-weight: 600; margin-bottom: 6px; }
.sev-error { color: var(--bad); font-weight: 600; }
.sev-warning { color: var(--warn); font-weight: 600; }
.sev-info { color: var(--muted); }
`;

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A whole page in the views' style: the webview's CSP first in <head>, then `body` (already HTML). */
export function viewPage(options: { csp: string; lang: string; title: string; body: string }): string {
    return [
        `<!DOCTYPE html><html lang="${escapeHtml(options.lang)}"><head>`,
        `<meta http-equiv="Content-Security-Policy" content="${options.csp}">`,
        `<meta charset="utf-8"><title>${escapeHtml(options.title)}</title><style>${VIEW_STYLE}</style></head>`,
        `<body>${options.body}</body></html>`
    ].join('\n');
}
