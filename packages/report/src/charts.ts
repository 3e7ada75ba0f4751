import type { Locale } from '@cnms/language';
import type { TopLevelSpec } from 'vega-lite';
import { chartNumber, figureValue, htmlText, showFigure } from './html-text.js';
import type { ReportModel } from './report-model.js';
import { CHART_COLORS } from './chart-colors.js';

/**
 * The report's three charts, as Vega-Lite specifications rendered to SVG in
 * Node (no browser, no canvas): the waterfall from emissions to the net
 * balance, the breakdown by category and by largest source, and the
 * trajectory of the plan against each target's path. Figures reach Vega as
 * numbers only for geometry; every figure a reader sees is a label formatted
 * from the exact decimal string.
 */
export interface ReportCharts {
    readonly waterfall: string;
    /** Null when the inventory has neither categories nor computed sources. */
    readonly breakdown: string | null;
    /** Null when the model has no plan years. */
    readonly trajectory: string | null;
}

export { CHART_COLORS } from './chart-colors.js';

/** Largest sources shown in the breakdown. */
const LARGEST_SOURCES = 10;
/** Width of the report's content column on screen in CSS pixels; print scales the SVG down to A4. */
const CONTENT_WIDTH = 760;

const CONFIG = {
    font: 'sans-serif',
    aria: false,
    view: { stroke: null },
    padding: 4,
    axis: {
        labelColor: CHART_COLORS.muted,
        titleColor: CHART_COLORS.muted,
        domainColor: CHART_COLORS.rule,
        tickColor: CHART_COLORS.rule,
        gridColor: CHART_COLORS.grid,
        labelFontSize: 11,
        titleFontSize: 11,
        titleFontWeight: 'normal'
    },
    legend: {
        orient: 'bottom',
        direction: 'vertical',
        labelFontSize: 11,
        labelColor: CHART_COLORS.ink,
        labelLimit: 520,
        symbolStrokeWidth: 2.5,
        title: null
    },
    title: { anchor: 'start', fontSize: 12, fontWeight: 'bold', color: CHART_COLORS.ink, offset: 10 },
    text: { fontSize: 11, color: CHART_COLORS.ink }
} as const;

export async function renderCharts(model: ReportModel): Promise<ReportCharts> {
    const trajectory = trajectorySpec(model);
    return {
        waterfall: await renderSvg(waterfallSpec(model), 'cnms-waterfall'),
        breakdown: model.inventory.byCategory.length > 0 || model.inventory.sources.some(source => source.co2e !== null) ? await renderSvg(breakdownSpec(model), 'cnms-breakdown') : null,
        trajectory: trajectory ? await renderSvg(trajectory, 'cnms-trajectory') : null
    };
}

/** Emissions, less removals, less the offsets counted, to the net balance. */
export function waterfallSpec(model: ReportModel): TopLevelSpec {
    const locale = model.locale;
    const { emissions, removals, offsets, net } = model.balance;
    const e = chartNumber(emissions);
    const afterRemovals = e - chartNumber(removals);
    const afterOffsets = afterRemovals - chartNumber(offsets);
    const negated = (text: string) => {
        const value = figureValue(text);
        return value ? showFigure(value.negated().toString(), locale) : text;
    };
    const steps = [
        { step: htmlText('emissions', locale), start: 0, end: e, kind: 'emissions', label: showFigure(emissions, locale) },
        { step: htmlText('removals', locale), start: e, end: afterRemovals, kind: 'reduction', label: negated(removals) },
        { step: htmlText('offsetsTotal', locale), start: afterRemovals, end: afterOffsets, kind: 'reduction', label: negated(offsets) },
        { step: htmlText('net', locale), start: 0, end: chartNumber(net), kind: 'net', label: showFigure(net, locale, 3, true) }
    ].map((row, index, rows) => ({
        ...row,
        order: index,
        top: Math.max(row.start, row.end),
        next: rows[index + 1]?.step ?? null,
        level: row.end
    }));
    const barWidth = 84;
    const width = CONTENT_WIDTH - 80;
    return {
        width,
        height: 260,
        background: null as unknown as string,
        config: CONFIG,
        data: { values: steps },
        encoding: {
            x: { field: 'step', type: 'nominal', sort: null, title: null, axis: { labelAngle: 0, labelFontSize: 11.5, labelColor: CHART_COLORS.ink, labelPadding: 6, ticks: false, labelLimit: width / 4 } }
        },
        layer: [
            {
                mark: { type: 'bar', width: barWidth },
                encoding: {
                    y: { field: 'start', type: 'quantitative', title: 'tCO2e', axis: { format: ',.0f', grid: true, tickCount: 6, labelFlush: false } },
                    y2: { field: 'end' },
                    color: {
                        field: 'kind',
                        type: 'nominal',
                        legend: null,
                        scale: { domain: ['emissions', 'reduction', 'net'], range: [CHART_COLORS.emissions, CHART_COLORS.reduction, CHART_COLORS.net] }
                    }
                }
            },
            {
                transform: [{ filter: 'datum.next !== null' }],
                mark: { type: 'rule', color: CHART_COLORS.muted, strokeDash: [3, 3], xOffset: barWidth / 2, x2Offset: -barWidth / 2 },
                encoding: { x2: { field: 'next' }, y: { field: 'level', type: 'quantitative' } }
            },
            {
                mark: { type: 'text', dy: -7, baseline: 'bottom', fontWeight: 'bold' },
                encoding: { y: { field: 'top', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } }
            }
        ]
    };
}

/** Emissions by ISO 14064-1 category, then the largest sources. */
export function breakdownSpec(model: ReportModel): TopLevelSpec {
    const locale = model.locale;
    const categories = model.inventory.byCategory.map((row, order) => ({
        label: categoryLabel(row.category, locale),
        value: chartNumber(row.co2e),
        text: showFigure(row.co2e, locale),
        order
    }));
    const siteNames = new Map(model.boundary.sites.map(site => [site.id, site.name]));
    const largest = model.inventory.sources
        .filter(source => source.co2e !== null && figureValue(source.co2e) !== undefined)
        .map(source => ({ source, value: figureValue(source.co2e!)! }))
        .sort((a, b) => b.value.compare(a.value) || (a.source.id < b.source.id ? -1 : a.source.id > b.source.id ? 1 : 0))
        .slice(0, LARGEST_SOURCES)
        .map(({ source }, order) => ({
            label: source.site ? `${source.name} · ${siteNames.get(source.site) ?? source.site}` : source.name,
            value: chartNumber(source.co2e),
            text: showFigure(source.co2e, locale),
            order
        }));
    const width = CONTENT_WIDTH - 20;
    /** One row per entry: its name above a thin bar, the figure at the bar's end. */
    const bars = (title: string, values: typeof categories, color: string) => {
        const max = Math.max(0, ...values.map(row => row.value));
        const x = { field: 'value', type: 'quantitative', axis: null, scale: { zero: true, nice: false, domain: [0, max > 0 ? max * 1.22 : 1] } };
        return {
            title,
            width,
            height: { step: 36 },
            data: { values },
            encoding: {
                y: { field: 'label', type: 'nominal', sort: { field: 'order', order: 'ascending' }, axis: null, scale: { paddingInner: 0, paddingOuter: 0 } }
            },
            layer: [
                { mark: { type: 'bar', color, height: 11, yOffset: 7 }, encoding: { x } },
                {
                    mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, yOffset: 7, fontWeight: 'bold' },
                    encoding: { x, text: { field: 'text', type: 'nominal' } }
                },
                {
                    mark: { type: 'text', align: 'left', baseline: 'middle', yOffset: -8, limit: width, color: CHART_COLORS.ink },
                    encoding: { x: { value: 0 }, text: { field: 'label', type: 'nominal' } }
                }
            ]
        };
    };
    return {
        background: null as unknown as string,
        config: { ...CONFIG, concat: { spacing: 22 } },
        vconcat: [bars(htmlText('chartCategories', locale), categories, CHART_COLORS.net), bars(htmlText('chartSources', locale), largest, CHART_COLORS.bar)],
        resolve: { scale: { x: 'independent', y: 'independent' } }
    } as TopLevelSpec;
}

/** Projected emissions of all sources and the path each target allows (targets in tCO2e only). */
export function trajectorySpec(model: ReportModel): TopLevelSpec | null {
    const locale = model.locale;
    const { years, projected, targets } = model.plan;
    if (years.length === 0) return null;
    const projectedName = htmlText('projectedAll', locale);
    const charted = targets.filter(target => isTonnes(target.unit));
    const names = [projectedName, ...charted.map(target => `${htmlText('allowed', locale)} · ${target.name}`)];
    const rows: Array<{ year: number; series: string; value: number; main: boolean }> = [];
    years.forEach((year, index) => {
        if (projected[index] !== undefined && projected[index] !== null) {
            rows.push({ year, series: projectedName, value: chartNumber(projected[index]), main: true });
        }
    });
    charted.forEach((target, t) => {
        years.forEach((year, index) => {
            const allowed = target.allowed[index];
            if (allowed !== null && allowed !== undefined) {
                rows.push({ year, series: names[t + 1], value: chartNumber(allowed), main: false });
            }
        });
    });
    const dashes = names.map((_, i) =>
        i === 0
            ? [1, 0]
            : [
                  [6, 4],
                  [2, 3],
                  [8, 3, 2, 3]
              ][(i - 1) % 3]
    );
    const colors = names.map((_, i) => CHART_COLORS.series[i % CHART_COLORS.series.length]);
    const legend = { symbolType: 'stroke', symbolSize: 360, symbolStrokeWidth: 2.2 };
    return {
        width: CONTENT_WIDTH - 90,
        height: 280,
        background: null as unknown as string,
        config: CONFIG,
        data: { values: rows },
        encoding: {
            x: {
                field: 'year',
                type: 'quantitative',
                title: null,
                scale: { zero: false, nice: false, domain: [years[0], years[years.length - 1]] },
                axis: { format: 'd', tickMinStep: 1, grid: false, labelFlush: true, tickCount: Math.min(years.length, 12) }
            },
            y: { field: 'value', type: 'quantitative', title: 'tCO2e', scale: { zero: true }, axis: { format: ',.0f', tickCount: 6 } },
            color: { field: 'series', type: 'nominal', scale: { domain: names, range: colors }, legend }
        },
        layer: [
            {
                mark: { type: 'line', strokeWidth: 2.2, interpolate: 'linear' },
                encoding: { strokeDash: { field: 'series', type: 'nominal', scale: { domain: names, range: dashes }, legend } }
            },
            {
                mark: { type: 'point', filled: true, size: 28 },
                encoding: { opacity: { condition: { test: 'datum.main', value: 1 }, value: 0 } }
            }
        ]
    };
}

/** Whether a target's unit is tonnes of CO2e, the unit of the trajectory's axis. */
export function isTonnes(unit: string): boolean {
    return unit.replace(/\s+/g, '') === 'tCO2e';
}

/** `1 Direct emissions and removals` for category `1`; the category as written otherwise. */
export function categoryLabel(category: string, locale: Locale): string {
    const number = /^(?:category[\s.-]*)?([1-6])$/i.exec(category.trim())?.[1];
    return number ? `${number} ${htmlText(`category.${number}` as 'category.1', locale)}` : category;
}

/**
 * Compiles a Vega-Lite spec and renders it to SVG headlessly. The SVG is made
 * fit to inline in HTML and deterministic: no namespace URLs, and every id
 * Vega generates (clip paths, gradients, from global counters) renamed in
 * order of appearance under the chart's own prefix, so that two charts in one
 * page never share an id and the same model always gives the same bytes.
 */
export async function renderSvg(spec: TopLevelSpec, prefix: string): Promise<string> {
    // loaded here, not with the package: only an HTML report draws charts
    const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
    // warnings of Vega-Lite's compiler would reach the CLI's stderr: only errors are logged
    const compiled = compile(spec, { logger: vega.logger(vega.Error) }).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
    try {
        const svg = await view.toSVG();
        return stableSvg(svg, prefix);
    } finally {
        view.finalize();
    }
}

/** Renames generated ids (`clip3`, `gradient_0`) to `<prefix>-1`, `<prefix>-2`, … and drops the namespace attributes. */
export function stableSvg(svg: string, prefix: string): string {
    const ids = new Map<string, string>();
    for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
        if (!ids.has(match[1])) ids.set(match[1], `${prefix}-${ids.size + 1}`);
    }
    const result = svg
        .replace(/\s+xmlns(?::xlink)?="[^"]*"/g, '')
        .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${ids.get(id)}"`)
        .replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : whole))
        .replace(/href="#([^"]+)"/g, (whole, id: string) => (ids.has(id) ? `href="#${ids.get(id)}"` : whole));
    return result.replace(/^<svg\b([^>]*?) class="marks"/, (_, attributes: string) => `<svg${attributes} class="marks chart-svg" role="img"`);
}
