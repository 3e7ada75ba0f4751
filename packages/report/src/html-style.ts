/**
 * The stylesheet of the HTML report, inlined in its <style>: system fonts
 * only (no web fonts, no external resource), a paper-like column on screen,
 * and a print stylesheet for A4 (each section on a new page, no backgrounds,
 * table rows and charts never split, header rows repeated).
 */
export const HTML_STYLE = `
:root {
  --ink: #1f2933;
  --muted: #52606d;
  --faint: #7b8794;
  --rule: #d9dee3;
  --rule-strong: #9aa5b1;
  --paper: #ffffff;
  --desk: #eef1f4;
  --accent: #1f3a5f;
  --good: #2f6f4f;
  --good-soft: #e6f2ec;
  --bad: #9b2c1f;
  --bad-soft: #f9e9e6;
  --warn: #8a5a00;
  --warn-soft: #fbf1dc;
  --neutral-soft: #eef1f4;
  --sans: "Segoe UI", "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
  --mono: "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", "WenQuanYi Micro Hei Mono", monospace;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--desk);
  color: var(--ink);
  font-family: var(--sans);
  font-size: 14px;
  line-height: 1.5;
  font-kerning: normal;
}
.report {
  max-width: 900px;
  margin: 28px auto;
  padding: 44px 52px 36px;
  background: var(--paper);
  border: 1px solid var(--rule);
  box-shadow: 0 1px 3px rgba(31, 41, 51, 0.08);
}
h1, h2, h3, h4 { color: var(--ink); line-height: 1.25; margin: 0; font-weight: 600; }
h1 { font-size: 28px; letter-spacing: -0.01em; }
h2 {
  font-size: 19px;
  margin: 0 0 16px;
  padding-bottom: 8px;
  border-bottom: 2px solid var(--accent);
}
h3 { font-size: 15px; margin: 26px 0 10px; }
h4 { font-size: 13.5px; margin: 18px 0 8px; color: var(--muted); }
p { margin: 0 0 10px; }
code, .mono { font-family: var(--mono); font-size: 0.88em; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.nowrap { white-space: nowrap; }

/* Cover */
.cover { margin-bottom: 8px; }
.doc-kind {
  margin: 0 0 6px;
  color: var(--accent);
  font-size: 12.5px;
  font-weight: 600;
  letter-spacing: 0.08em;
  text-transform: uppercase;
}
.cover-meta { margin: 8px 0 0; color: var(--muted); font-size: 13.5px; }
.cover-meta span + span::before { content: "·"; margin: 0 8px; color: var(--faint); }
.headline {
  margin: 26px 0 18px;
  padding: 20px 24px;
  border: 1px solid var(--rule);
  border-left: 6px solid var(--accent);
  background: #f7f9fb;
}
.headline.is-neutral { border-left-color: var(--good); }
.headline.not-neutral { border-left-color: var(--bad); }
.headline-text { margin: 0; }
.headline-label { display: block; font-size: 14px; color: var(--muted); font-weight: 500; margin-bottom: 2px; }
.headline-figure {
  display: inline-block;
  font-size: 36px;
  font-weight: 700;
  letter-spacing: -0.015em;
  font-variant-numeric: tabular-nums;
  color: var(--ink);
}
.headline-unit { font-size: 20px; font-weight: 600; color: var(--muted); margin-left: 4px; }
.verdict { margin: 10px 0 0; display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px 12px; }
.verdict-reasons { color: var(--muted); font-size: 13px; }
.verdict-box { margin: 18px 0 8px; padding: 14px 20px; }
.verdict-box .verdict { margin: 0 0 6px; }
.verdict-box ul.plain { margin: 6px 0 8px; }
.verdict-box p.small { margin: 0; }
.kpis {
  display: grid;
  grid-template-columns: repeat(4, 1fr);
  gap: 0;
  margin: 0 0 22px;
  border: 1px solid var(--rule);
}
.kpi { padding: 10px 14px; border-left: 1px solid var(--rule); }
.kpi:first-child { border-left: 0; }
.kpi dt { font-size: 12px; color: var(--muted); }
.kpi dd { margin: 2px 0 0; font-size: 16px; font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; }
.kpi dd .unit { font-size: 11.5px; font-weight: 400; color: var(--muted); margin-left: 3px; }
.toc { margin-top: 8px; }
.toc h2 { font-size: 14px; border-bottom: 1px solid var(--rule); padding-bottom: 6px; margin-bottom: 8px; }
.toc ol { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: 1fr 1fr; grid-template-rows: repeat(4, auto); grid-auto-flow: column; gap: 4px 32px; }
.toc li { margin: 0; }
.toc a { color: var(--accent); text-decoration: none; }
.toc a:hover { text-decoration: underline; }

/* Sections */
.chapter { margin-top: 44px; }
.lead { color: var(--muted); }
.facts {
  display: grid;
  grid-template-columns: minmax(170px, max-content) 1fr;
  gap: 0;
  margin: 0 0 8px;
  border-top: 1px solid var(--rule);
}
.facts dt, .facts dd { margin: 0; padding: 6px 10px 6px 0; border-bottom: 1px solid var(--rule); }
.facts dt { color: var(--muted); padding-right: 18px; }
.figure-line {
  display: flex;
  justify-content: space-between;
  align-items: baseline;
  gap: 16px;
  margin: 12px 0;
  padding: 8px 12px;
  border: 1px solid var(--rule);
}
.figure-line .label { color: var(--muted); }
.figure-line .value { font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; }

/* Tables */
.table-wrap { overflow-x: auto; margin: 0 0 12px; }
table { width: 100%; border-collapse: collapse; font-size: 12.5px; font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; font-weight: 600; font-size: 13px; padding: 0 0 6px; color: var(--ink); }
th, td { padding: 6px 8px; vertical-align: top; text-align: left; border-bottom: 1px solid var(--rule); }
th:first-child, td:first-child { padding-left: 0; }
th:last-child, td:last-child { padding-right: 0; }
thead th {
  font-weight: 600;
  font-size: 11.5px;
  color: var(--muted);
  border-bottom: 1.5px solid var(--rule-strong);
  vertical-align: bottom;
}
thead tr.group th { border-bottom: 1px solid var(--rule); text-align: center; color: var(--ink); }
tbody tr:last-child td { border-bottom: 1px solid var(--rule-strong); }
tfoot td { font-weight: 600; border-top: 1.5px solid var(--rule-strong); border-bottom: 0; }
th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.num.strong { font-weight: 600; }
.cell-title { font-weight: 600; }
.cell-meta { display: block; color: var(--muted); font-size: 11.5px; margin-top: 1px; }
.cell-code { display: block; font-family: var(--mono); font-size: 11px; color: var(--muted); overflow-wrap: anywhere; }
table.sources th:nth-child(1) { width: 20%; }
table.sources th:nth-child(2) { width: 15%; }
table.sources th:nth-child(3) { width: 21%; }
table.sources th:nth-child(4) { width: 25%; }
table.sources td.num { white-space: normal; }
table.findings { table-layout: fixed; }
table.findings th:nth-child(1) { width: 11%; }
table.findings th:nth-child(2) { width: 15%; }
table.findings th:nth-child(3) { width: 50%; }
table.findings th:nth-child(4) { width: 24%; }
table.coverage td:nth-child(2) { min-width: 150px; }
table.coverage th.num { width: 58px; }
table.coverage td.evidence { font-size: 11.5px; color: var(--muted); }
.wrap-code { overflow-wrap: anywhere; }
.break { word-break: break-all; }
tr.missed td.num:last-child { color: var(--bad); font-weight: 600; }
.table-title { font-weight: 600; font-size: 13px; margin: 16px 0 6px; }
.split { display: grid; grid-template-columns: 1fr 1fr; gap: 0 36px; }
.split .table-wrap, .single .table-wrap { margin-bottom: 12px; }
.single { max-width: 50%; }
table.target-path { margin-top: 14px; table-layout: fixed; }
table.target-path th:nth-child(1) { width: 19%; }
table.target-path th:nth-child(n+2) { width: 27%; }
table.target-path caption { padding-top: 10px; }

/* Badges */
.badge {
  display: inline-block;
  padding: 0 7px;
  border: 1px solid currentColor;
  border-radius: 3px;
  font-size: 11px;
  font-weight: 600;
  line-height: 1.6;
  white-space: nowrap;
  vertical-align: 1px;
}
.badge.good { color: var(--good); background: var(--good-soft); }
.badge.bad { color: var(--bad); background: var(--bad-soft); }
.badge.warn { color: var(--warn); background: var(--warn-soft); }
.badge.quiet { color: var(--muted); background: var(--neutral-soft); border-color: var(--rule); }
.badge.large { font-size: 13px; padding: 1px 10px; }
.sev-error { color: var(--bad); font-weight: 600; }
.sev-warning { color: var(--warn); font-weight: 600; }
.sev-info { color: var(--muted); }

/* Charts */
.chart { margin: 18px 0 22px; break-inside: avoid; page-break-inside: avoid; }
.chart figcaption { font-weight: 600; font-size: 13px; margin-bottom: 8px; }
.chart .note { font-weight: 400; color: var(--muted); font-size: 12px; margin-top: 4px; }
.chart-svg { display: block; max-width: 100%; height: auto; }
.chart-svg text { font-family: var(--sans); }

/* Lists */
ul.plain { margin: 4px 0 10px; padding-left: 18px; }
ul.plain li { margin: 2px 0; }
ul.inline { list-style: none; margin: 0; padding: 0; }
ul.inline li { display: inline; }
ul.inline li + li::before { content: ", "; }
.claim { margin: 20px 0; }
.claim h4 { color: var(--ink); }
.finding-group { margin: 14px 0 18px; }
footer.report-footer {
  margin-top: 40px;
  padding-top: 10px;
  border-top: 1px solid var(--rule);
  color: var(--faint);
  font-size: 11.5px;
  display: flex;
  justify-content: space-between;
  gap: 16px;
}

/* A narrow window (a preview beside the editor, a phone): the page fills it,
   the summary cards wrap, wide tables scroll inside their box, and charts keep
   their drawn size (their text stays legible) and scroll rather than shrink. */
@media screen and (max-width: 760px) {
  .report { margin: 0; padding: 20px 16px 28px; border: 0; box-shadow: none; }
  h1 { font-size: 22px; }
  .headline { margin: 18px 0 14px; padding: 14px 16px; }
  .headline-figure { font-size: 28px; }
  .kpis { grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); border-width: 1px 0 0 1px; }
  .kpi { border-left: 0; border-right: 1px solid var(--rule); border-bottom: 1px solid var(--rule); }
  .kpi:first-child { border-left: 0; }
  .kpi dd { white-space: normal; }
  .kpi dd .unit { display: inline-block; white-space: nowrap; }
  .toc ol { grid-template-columns: 1fr; grid-template-rows: none; grid-auto-flow: row; }
  .facts { grid-template-columns: minmax(96px, 38%) 1fr; }
  .facts dd { overflow-wrap: anywhere; }
  .split { grid-template-columns: 1fr; }
  .single { max-width: none; }
  .table-wrap > table { min-width: 600px; }
  .table-wrap > table.projection { min-width: 0; }
  .chart { overflow-x: auto; }
  .chart-svg { max-width: none; }
  footer.report-footer { flex-direction: column; gap: 4px; }
}

@page {
  size: A4;
  margin: 16mm 15mm 18mm;
  @bottom-right { content: counter(page) " / " counter(pages); font-family: sans-serif; font-size: 8pt; color: #52606d; }
}
@media print {
  *, *::before, *::after { background: transparent !important; box-shadow: none !important; }
  html, body { background: none; }
  body { font-size: 9.5pt; line-height: 1.4; color: #000; }
  .report { max-width: none; margin: 0; padding: 0; border: 0; }
  .chapter { margin-top: 0; break-before: page; page-break-before: always; }
  h2, h3, h4, caption, figcaption { break-after: avoid; page-break-after: avoid; }
  h2 { font-size: 14pt; }
  h3 { font-size: 11pt; }
  h1 { font-size: 20pt; }
  .headline-figure { font-size: 24pt; }
  .headline { border-color: #9aa5b1; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
  tr, td, th, .figure-line, .kpis, .headline, .facts dt, .facts dd { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
  .chart, .claim { break-inside: avoid; page-break-inside: avoid; }
  .chart-svg { max-width: 100%; }
  .toc a { color: inherit; }
  a { color: inherit; text-decoration: none; }
  .badge { border-color: currentColor; }
  footer.report-footer { break-inside: avoid; }
}
`;
