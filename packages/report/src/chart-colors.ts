// The palette of the charts, on its own so that the editor's preview can
// restyle the drawn SVG without loading the chart renderer.
/** The palette of the report (html-style.ts uses the same ink colours). */
export const CHART_COLORS = {
    ink: '#1f2933',
    muted: '#52606d',
    rule: '#cbd2d9',
    grid: '#e4e7eb',
    emissions: '#9b4a33',
    reduction: '#3d7f5e',
    net: '#1f3a5f',
    bar: '#4a6a8a',
    series: ['#1f3a5f', '#9b4a33', '#3d7f5e', '#b07d1a', '#6b4c8a', '#2f7f8a']
} as const;
