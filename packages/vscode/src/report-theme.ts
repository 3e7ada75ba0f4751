// The report in the editor's colours. The report's own stylesheet is a page
// of paper (and its print style); inside the webview this sheet, placed after
// it, maps the report's colour variables onto VS Code's theme variables, so a
// dark theme gives a dark report. Only the preview gets it: an exported file
// keeps the report's own style. The charts are SVG with fixed colours: their
// text and lines follow the theme, the coloured bars keep their colours.
// the report's chart palette: a constant that esbuild inlines (the chart renderer is not loaded)
import { CHART_COLORS } from '../../report/src/chart-colors.js';
import { THEME_VARIABLES } from './view-style.js';

export const WEBVIEW_THEME_STYLE = `${THEME_VARIABLES}
body { background: var(--paper); }
.report { background: transparent; border: 0; box-shadow: none; }
.headline { background: var(--neutral-soft); }
a { color: var(--vscode-textLink-foreground); }
.chart-svg [fill="${CHART_COLORS.ink}"] { fill: var(--ink); }
.chart-svg [fill="${CHART_COLORS.muted}"] { fill: var(--muted); }
.chart-svg text[fill="${CHART_COLORS.net}"] { fill: var(--accent); }
.chart-svg [stroke="${CHART_COLORS.rule}"] { stroke: var(--rule-strong); }
.chart-svg [stroke="${CHART_COLORS.grid}"] { stroke: var(--rule); }
.chart-svg [stroke="${CHART_COLORS.muted}"] { stroke: var(--muted); }
`;

/** `html` with the theme sheet as the last element of its head (after the report's own style, so it wins). */
export function withThemeStyle(html: string): string {
    const style = `<style>${WEBVIEW_THEME_STYLE}</style>`;
    const end = /<\/head>/i.exec(html);
    return end ? html.slice(0, end.index) + style + html.slice(end.index) : style + html;
}
