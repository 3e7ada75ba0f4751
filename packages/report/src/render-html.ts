import { MONTH_MARK, monthLabel } from './month-marks.js';
import { fillTemplate, TEXTS, type Locale } from '@cnms/language';
import { categoryLabel, isTonnes, renderCharts, type ReportCharts } from './charts.js';
import { HTML_STYLE } from './html-style.js';
import { figureValue, htmlText, keywordText, showExact, showFigure, type HtmlTextId } from './html-text.js';
import type { ReportFinding, ReportModel, ReportSource } from './report-model.js';
import type { ReportTextId } from './report-text.js';
import { yearRunLabel, yearRuns } from './year-runs.js';

/**
 * The report as one self-contained HTML file: inline CSS and inline SVG
 * charts, no script and no external resource (a Content-Security-Policy
 * forbids them), every user string escaped, and byte-identical output for the
 * same model. Prints to a clean A4 document.
 */
export async function renderHtml(model: ReportModel): Promise<string> {
    const charts = await renderCharts(model);
    return new HtmlReport(model, charts).render();
}

export { renderSvg, stableSvg, type ReportCharts } from './charts.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Escapes text for HTML element content and attribute values. */
function escapeHtml(text: string | number): string {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Code (a factor's name, an expression, a path) escaped, with break opportunities after a `.`, `_` or `/` that a letter follows (never inside `1_500` or `2.5`). */
function escapeCode(text: string): string {
    return escapeHtml(text).replace(/([._/])(?=[A-Za-z])/g, '$1<wbr>');
}

const SECTIONS = ['organization', 'inventory', 'uncertainty', 'offsets', 'balance', 'plan', 'coverage', 'provenance'] as const;
type SectionId = (typeof SECTIONS)[number];

class HtmlReport {
    private readonly locale: Locale;
    private readonly siteNames: Map<string, string>;
    private readonly sourceNames: Map<string, string>;
    /** `: ` in English, `：` in Chinese. */
    private readonly colon: string;

    constructor(
        private readonly model: ReportModel,
        private readonly charts: ReportCharts
    ) {
        this.locale = model.locale;
        this.siteNames = new Map(model.boundary.sites.map(site => [site.id, site.name]));
        this.sourceNames = new Map(model.inventory.sources.map(source => [source.id, source.name]));
        this.colon = this.t('colon');
    }

    render(): string {
        const m = this.model;
        const title = [this.t('title'), m.organization.name, m.organization.period?.label].filter(Boolean).join(' — ');
        const body = [
            this.cover(),
            this.organizationSection(),
            this.inventorySection(),
            this.uncertaintySection(),
            this.offsetsSection(),
            this.balanceSection(),
            this.planSection(),
            this.coverageSection(),
            this.provenanceSection(),
            this.productsSection(),
            this.footer()
        ].join('\n');
        return [
            '<!DOCTYPE html>',
            `<html lang="${escapeHtml(this.locale)}">`,
            '<head>',
            '<meta charset="utf-8">',
            `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="color-scheme" content="light">',
            `<meta name="generator" content="${escapeHtml(m.provenance.engine)}">`,
            `<title>${escapeHtml(title)}</title>`,
            `<style>${HTML_STYLE}</style>`,
            '</head>',
            '<body>',
            '<main class="report">',
            body,
            '</main>',
            '</body>',
            '</html>',
            ''
        ].join('\n');
    }

    // ---- words and figures ----

    private t(id: ReportTextId | HtmlTextId, params?: Record<string, string | number>): string {
        return escapeHtml(htmlText(id, this.locale, params));
    }

    /** A tCO2e (or other) figure, 3 decimals, escaped. */
    private fig(text: string | null | undefined, signed = false): string {
        return escapeHtml(showFigure(text, this.locale, 3, signed));
    }

    private pct(text: string | null | undefined): string {
        return escapeHtml(showFigure(text, this.locale, 2));
    }

    private or(text: string | number | null | undefined): string {
        return text === null || text === undefined || text === '' ? '<span class="muted">—</span>' : escapeHtml(text);
    }

    private siteName(id: string | null): string | null {
        return id === null ? null : (this.siteNames.get(id) ?? id);
    }

    private section(id: SectionId, content: string[]): string {
        return [`<section class="chapter" id="sec-${id}" aria-labelledby="h-${id}">`, `<h2 id="h-${id}">${this.t(`section.${id}` as ReportTextId)}</h2>`, ...content, '</section>'].join('\n');
    }

    private table(head: string, rows: string[], options: { caption?: string; foot?: string; className?: string } = {}): string {
        return [
            '<div class="table-wrap">',
            `<table${options.className ? ` class="${options.className}"` : ''}>`,
            options.caption ? `<caption>${options.caption}</caption>` : '',
            `<thead>${head}</thead>`,
            `<tbody>${rows.join('\n')}</tbody>`,
            options.foot ? `<tfoot>${options.foot}</tfoot>` : '',
            '</table>',
            '</div>'
        ]
            .filter(Boolean)
            .join('\n');
    }

    private empty(): string {
        return `<p class="muted">${this.t('noEntries')}</p>`;
    }

    private badge(text: string, tone: 'good' | 'bad' | 'warn' | 'quiet', large = false): string {
        return `<span class="badge ${tone}${large ? ' large' : ''}">${text}</span>`;
    }

    private figureLine(label: string, value: string): string {
        return `<div class="figure-line"><span class="label">${label}</span><span class="value">${value}</span></div>`;
    }

    /** A chart in a figure; `caption: false` when the chart carries its own titles. */
    private chart(label: string, svg: string, note?: string, caption = true): string {
        return [`<figure class="chart" aria-label="${label}">`, caption ? `<figcaption>${label}${note ? `<div class="note">${note}</div>` : ''}</figcaption>` : '', svg, '</figure>'].filter(Boolean).join('\n');
    }

    // ---- cover ----

    private cover(): string {
        const m = this.model;
        const org = m.organization;
        const b = m.balance;
        const label = org.period?.label;
        const headlineLabel = label === undefined ? this.t('headlineNoPeriod') : /^\d{4}$/.test(label) ? this.t('headline', { period: label }) : this.t('headlineRange', { period: label });
        const net = figureValue(b.net);
        const netText = net ? escapeHtml(showFigure(b.net, this.locale, 3, true)) : escapeHtml(b.net);
        const incomplete = b.complete ? '' : `<span class="headline-unit"> · ${escapeHtml(fillTemplate(TEXTS['balance.notComputedCount'][this.locale], { count: b.uncomputed }))}</span>`;
        const verdict = b.neutral ? this.badge(this.t('neutral'), 'good', true) : this.badge(this.t('notNeutral'), 'bad', true);
        const reasons = b.reasons.length > 0 ? `<span class="verdict-reasons">${this.t('whyNot')}${this.colon}${b.reasons.map(escapeHtml).join(this.t('separator'))}</span>` : '';
        const meta = [
            `<span class="mono">${escapeHtml(org.id)}</span>`,
            org.period ? `<span>${this.t('period')}${this.colon}${this.periodText()}</span>` : '',
            `<span>${this.t('consolidation')}${this.colon}${escapeHtml(keywordText('consolidation', org.consolidation, this.locale))}</span>`
        ]
            .filter(Boolean)
            .join('');
        const kpi = (name: string, value: string) => `<div class="kpi"><dt>${name}</dt><dd>${value}<span class="unit">tCO2e</span></dd></div>`;
        const toc = [...SECTIONS.map(id => `<li><a href="#sec-${id}">${this.t(`section.${id}` as ReportTextId)}</a></li>`), ...(m.products ? [`<li><a href="#sec-products">${this.t('section.products')}</a></li>`] : [])].join('\n');
        return [
            '<header class="cover">',
            `<p class="doc-kind">${this.t('title')}</p>`,
            `<h1>${escapeHtml(org.name || org.id)}</h1>`,
            `<p class="cover-meta">${meta}</p>`,
            `<div class="headline ${b.neutral ? 'is-neutral' : 'not-neutral'}">`,
            `<p class="headline-text" id="headline"><span class="headline-label">${headlineLabel}</span><span class="headline-figure">${netText}<span class="headline-unit"> tCO2e</span>${incomplete}</span></p>`,
            `<p class="verdict">${verdict}${reasons}</p>`,
            '</div>',
            `<dl class="kpis" aria-label="${this.t('summary')}">`,
            kpi(this.t('emissions'), this.fig(b.emissions)),
            kpi(this.t('removals'), this.fig(b.removals)),
            kpi(this.t('offsetsTotal'), this.fig(b.offsets)),
            kpi(this.t('net'), this.fig(b.net, true)),
            '</dl>',
            `<nav class="toc" aria-labelledby="h-contents"><h2 id="h-contents">${this.t('contents')}</h2><ol>`,
            toc,
            '</ol></nav>',
            '</header>'
        ].join('\n');
    }

    private periodText(): string {
        const period = this.model.organization.period;
        if (!period) return '—';
        const range = `${period.start} – ${period.end}`;
        return escapeHtml(period.label === `${period.start} .. ${period.end}` ? range : `${period.label} (${range})`);
    }

    // ---- 1 organisation and boundary ----

    private organizationSection(): string {
        const org = this.model.organization;
        const gwp = org.gwp;
        const gwpText =
            gwp.set || gwp.title
                ? [gwp.title ? escapeHtml(gwp.title) : '', gwp.set ? `<span class="mono">${escapeHtml(gwp.set)}</span>` : '', gwp.source ? `<span class="cell-meta">${escapeHtml(gwp.source)}</span>` : ''].filter(Boolean).join(' ')
                : this.or(null);
        const facts: Array<[string, string]> = [
            [this.t('organization'), `${escapeHtml(org.name)} <span class="mono muted">${escapeHtml(org.id)}</span>`],
            [this.t('industry'), this.or(org.industry)],
            [this.t('msScope'), this.or(org.msScope)],
            [this.t('consolidation'), escapeHtml(keywordText('consolidation', org.consolidation, this.locale))],
            [this.t('period'), this.periodText()],
            [this.t('baseYear'), this.or(org.baseYear)],
            [this.t('gwp'), gwpText],
            [this.t('gwpJustification'), this.or(gwp.justification)],
            [this.t('scope2'), escapeHtml(keywordText('scope2', org.scope2, this.locale))]
        ];
        const sites = this.model.boundary.sites;
        const rows = sites.map(site =>
            [
                '<tr>',
                `<td><span class="cell-title">${escapeHtml(site.name)}</span><span class="cell-meta mono">${escapeHtml(site.id)}</span></td>`,
                `<td>${this.or(site.location)}</td>`,
                `<td class="num">${site.sharePercent === null ? this.or(null) : `${this.pct(site.sharePercent)}\u00a0%`}</td>`,
                `<td class="num">${site.sources}</td>`,
                `<td class="num">${this.fig(site.co2e)}</td>`,
                `<td class="num">${site.percentOfTotal === null ? this.or(null) : `${this.pct(site.percentOfTotal)}\u00a0%`}</td>`,
                '</tr>'
            ].join('')
        );
        const head = `<tr><th>${this.t('site')}</th><th>${this.t('location')}</th><th class="num">${this.t('share')}</th><th class="num">${this.t('sourcesCount')}</th><th class="num">${this.t('emissions')} (tCO2e)</th><th class="num">${this.t('percentOfTotal')}</th></tr>`;
        return this.section('organization', [`<dl class="facts">${facts.map(([name, value]) => `<dt>${name}</dt><dd>${value}</dd>`).join('')}</dl>`, `<h3>${this.t('sites')}</h3>`, sites.length > 0 ? this.table(head, rows) : this.empty()]);
    }

    // ---- 2 inventory ----

    private inventorySection(): string {
        const inv = this.model.inventory;
        const org = this.model.organization;
        const emissionsHead = `<th class="num">${this.t('emissions')} (tCO2e)</th>`;
        const totalFoot = `<tr><td>${this.t('total')}</td><td class="num">${this.fig(inv.emissions)}</td></tr>`;

        const byCategory = this.table(
            `<tr><th>${this.t('category')}</th>${emissionsHead}</tr>`,
            inv.byCategory.map(row => `<tr><td>${escapeHtml(categoryLabel(row.category, this.locale))}</td><td class="num">${this.fig(row.co2e)}</td></tr>`),
            { foot: totalFoot }
        );

        const counts = this.badge(this.t('counts'), 'quiet');
        const scopeRows: Array<[string, string, boolean]> = [
            [this.t('scope1'), inv.byScope.scope1, false],
            [this.t('scope2Location'), inv.byScope.scope2Location, org.scope2 === 'location-based'],
            [this.t('scope2Market'), inv.byScope.scope2Market, org.scope2 === 'market-based'],
            [this.t('scope3'), inv.byScope.scope3, false]
        ];
        const byScope = this.table(
            `<tr><th>${this.t('scope')}</th>${emissionsHead}</tr>`,
            scopeRows.map(([name, value, counting]) => `<tr${counting ? ' class="counting"' : ''}><td>${name}${counting ? ` ${counts}` : ''}</td><td class="num">${this.fig(value)}</td></tr>`)
        );

        const byGas = this.table(
            `<tr><th>${this.t('gas')}</th><th class="num">${this.t('mass')}</th><th class="num">${this.t('gwpValue')}</th>${emissionsHead}</tr>`,
            inv.byGas.map(
                row =>
                    `<tr><td>${escapeHtml(row.gas)}</td><td class="num">${this.fig(row.tonnes)}</td><td class="num">${row.gwp === null ? this.or(null) : escapeHtml(showExact(row.gwp, this.locale))}</td><td class="num">${this.fig(row.co2e)}</td></tr>`
            )
        );

        const bySite = this.table(
            `<tr><th>${this.t('site')}</th>${emissionsHead}</tr>`,
            inv.bySite.map(row => `<tr><td>${escapeHtml(this.siteName(row.site) ?? row.site)}</td><td class="num">${this.fig(row.co2e)}</td></tr>`)
        );

        const sources = this.table(
            `<tr><th>${this.t('source')}</th><th>${this.t('activity')}</th><th>${this.t('factor')}</th><th>${this.t('provenance')}</th><th class="num">${this.t('result')}</th></tr>`,
            inv.sources.map(source => this.sourceRow(source)),
            { className: 'sources', foot: `<tr><td colspan="4">${this.t('total')}</td><td class="num">${this.fig(inv.emissions)}</td></tr>` }
        );

        const instrumentRows = inv.instruments.map(row =>
            [
                '<tr>',
                `<td><span class="cell-title">${escapeHtml(row.name)}</span><span class="cell-meta mono">${escapeHtml(row.id)}</span></td>`,
                `<td>${this.or(row.kind)}</td>`,
                `<td class="num">${row.quantityMWh === null ? this.or(null) : this.fig(row.quantityMWh)}</td>`,
                `<td>${row.covers.length > 0 ? row.covers.map(id => escapeHtml(this.sourceNames.get(id) ?? id)).join(', ') : this.or(null)}</td>`,
                `<td>${this.or(row.factor)}</td>`,
                '</tr>'
            ].join('')
        );

        return this.section('inventory', [
            this.figureLine(this.t('inventoryTotal'), `${this.fig(inv.emissions)} tCO2e`),
            this.charts.breakdown ? this.chart(`${this.t('chartCategories')} · ${this.t('chartSources')}`, this.charts.breakdown, undefined, false) : '',
            `<h3>${this.t('byCategory')}</h3>`,
            inv.byCategory.length > 0 ? byCategory : this.empty(),
            `<h3>${this.t('byScope')}</h3>`,
            byScope,
            `<h3>${this.t('byGas')}</h3>`,
            inv.byGas.length > 0 ? byGas : this.empty(),
            `<h3>${this.t('bySite')}</h3>`,
            inv.bySite.length > 0 ? bySite : this.empty(),
            `<h3>${this.t('sourcesTable')}</h3>`,
            inv.sources.length > 0 ? sources : this.empty(),
            this.figureLine(this.t('biogenic'), `${this.fig(inv.biogenicCO2)} tCO2`),
            `<h3>${this.t('instruments')}</h3>`,
            inv.instruments.length > 0
                ? this.table(`<tr><th>${this.t('instrument')}</th><th>${this.t('kind')}</th><th class="num">${this.t('quantity')} (MWh)</th><th>${this.t('covers')}</th><th>${this.t('factor')}</th></tr>`, instrumentRows)
                : this.empty(),
            this.completenessTable()
        ]);
    }

    /** The month × source completeness table, when some source is given month by month. */
    private completenessTable(): string {
        const completeness = this.model.inventory.completeness;
        if (!completeness) return '';
        const head = `<tr><th>${this.t('source')}</th>${completeness.months.map(month => `<th class="num">${escapeHtml(monthLabel(month, completeness.months))}</th>`).join('')}<th class="num">${this.t('filledShare')}</th><th>${this.t('fillMethod')}</th></tr>`;
        const rows = completeness.sources.map(
            row =>
                `<tr><td>${escapeHtml(this.sourceNames.get(row.id) ?? row.id)} <span class="mono muted">${escapeHtml(row.id)}</span></td>${row.months
                    .map(state => `<td class="num" title="${escapeHtml(htmlText(`month.${state}` as HtmlTextId, this.locale, { method: row.fillMethod ?? '' }))}">${MONTH_MARK[state]}</td>`)
                    .join('')}<td class="num">${row.filledPercent === null ? this.or(null) : this.pct(row.filledPercent)}</td><td>${this.or(row.fillMethod)}</td></tr>`
        );
        return [`<h3>${this.t('completeness')}</h3>`, `<p class="lead">${this.t('completenessLegend')}</p>`, this.table(head, rows)].join('');
    }

    private sourceRow(source: ReportSource): string {
        const locale = this.locale;
        const meta = [
            `<span class="mono">${escapeHtml(source.id)}</span>`,
            source.site ? escapeHtml(this.siteName(source.site) ?? source.site) : '',
            source.category ? `${this.t('category')} ${escapeHtml(source.category)}` : '',
            source.scope ? this.t(source.scope === 1 ? 'scope1' : source.scope === 2 ? 'scope2Short' : 'scope3') : '',
            source.significant === 'yes' ? this.t('significant') : ''
        ]
            .filter(Boolean)
            .join(' · ');
        const name = `<span class="cell-title">${escapeHtml(source.name)}</span><span class="cell-meta">${meta}</span>`;

        let activity: string;
        if (source.activity) {
            const { value, unit, expression } = source.activity;
            const shown = value === null ? '' : `${this.fig(value)}${unit ? ` ${escapeHtml(unit)}` : ''}`;
            const plain = value !== null && expression.replace(/[_\s]/g, '') === `${value}${unit ?? ''}`.replace(/\s/g, '');
            activity = `${shown ? `<span class="nowrap">${shown}</span>` : ''}${plain ? '' : `<span class="cell-code">${escapeCode(expression)}</span>`}`;
        } else if (source.emissionsExpression) {
            activity = `<span class="muted">${this.t('givenDirectly')}</span><span class="cell-code">${escapeCode(source.emissionsExpression)}</span>`;
        } else {
            activity = this.or(null);
        }

        let factor = this.or(null);
        const provenance: string[] = [];
        if (source.factor) {
            const f = source.factor;
            const values = f.values.map(v => {
                const gas = v.unit.includes(v.gas) ? '' : `${escapeHtml(v.gas)} `;
                return `<span class="nowrap">${gas}${escapeHtml(showExact(v.value, locale))} ${escapeHtml(v.unit)}</span>`;
            });
            factor = [`<span class="cell-code">${escapeCode(f.name ?? f.expression)}</span>`, values.length > 0 ? `<span class="factor-values">${values.join('<br>')}</span>` : ''].join('');
            if (f.source) provenance.push(`${escapeHtml(f.source)}${f.year !== null ? ` (${f.year})` : ''}`);
            else if (f.year !== null) provenance.push(String(f.year));
            if (f.uncertaintyPercent !== null) provenance.push(`<span class="cell-meta">${this.t('factorUncertainty', { percent: showExact(f.uncertaintyPercent, locale, 2) })}</span>`);
        }
        if (source.dataQuality) {
            provenance.push(`<span class="cell-meta">${this.t('dataQuality')}${this.colon}${escapeHtml(keywordText('dataQuality', source.dataQuality, locale))}</span>`);
        }

        const result: string[] = [];
        result.push(source.co2e === null ? `<span class="muted">${this.t('notComputed')}</span>` : `<span class="cell-title">${this.fig(source.co2e)}</span>`);
        if (source.scope === 2 && (source.co2eLocation !== null || source.co2eMarket !== null)) {
            const counting = this.model.organization.scope2;
            const line = (method: 'location-based' | 'market-based', value: string | null) =>
                `<span class="cell-meta${counting === method ? ' counting' : ''}"><span class="nowrap">${escapeHtml(keywordText('scope2', method, locale))}${counting === method ? ` (${this.t('counts')})` : ''}</span> <span class="nowrap">${this.fig(value)}</span></span>`;
            result.push(line('location-based', source.co2eLocation), line('market-based', source.co2eMarket));
        }
        const gases = Object.entries(source.gases);
        if (gases.length > 0) {
            result.push(`<span class="cell-meta">${gases.map(([gas, tonnes]) => `<span class="nowrap">${escapeHtml(gas)} ${this.fig(tonnes)} t</span>`).join('<br>')}</span>`);
        }
        if (source.biogenicCO2 !== null) {
            result.push(`<span class="cell-meta">${this.t('biogenicApart')} <span class="nowrap">${this.fig(source.biogenicCO2)} t</span></span>`);
        }
        return ['<tr>', `<td>${name}</td>`, `<td>${activity}</td>`, `<td>${factor}</td>`, `<td>${provenance.length > 0 ? provenance.join('') : this.or(null)}</td>`, `<td class="num">${result.join('')}</td>`, '</tr>'].join('');
    }

    // ---- 3 uncertainty ----

    private uncertaintySection(): string {
        const u = this.model.uncertainty;
        const emissionsOf = new Map(this.model.inventory.sources.map(source => [source.id, source.co2e]));
        const rows = u.sources.map(row =>
            [
                '<tr>',
                `<td><span class="cell-title">${escapeHtml(this.sourceNames.get(row.id) ?? row.id)}</span><span class="cell-meta mono">${escapeHtml(row.id)}</span></td>`,
                `<td class="num">${this.fig(emissionsOf.get(row.id) ?? null)}</td>`,
                `<td class="num">±${this.pct(row.percent)}</td>`,
                `<td class="num">±${this.fig(row.absolute)}</td>`,
                '</tr>'
            ].join('')
        );
        const foot = u.total
            ? `<tr><td>${this.t('uncertaintyTotal')}</td><td class="num">${this.fig(u.total.assessedEmissions)}</td><td class="num">±${this.pct(u.total.percent)}</td><td class="num">±${this.fig(u.total.absolute)}</td></tr>`
            : undefined;
        const head = `<tr><th>${this.t('source')}</th><th class="num">${this.t('emissions')} (tCO2e)</th><th class="num">${this.t('uncertaintyPercent')}</th><th class="num">${this.t('uncertaintyAbsolute')}</th></tr>`;
        return this.section('uncertainty', [
            `<p class="lead">${this.t('uncertaintyMethod')}</p>`,
            u.sources.length > 0 ? this.table(head, rows, { foot }) : this.empty(),
            `<h3>${this.t('notAssessed')}</h3>`,
            u.notAssessed.length > 0
                ? `<ul class="plain">${u.notAssessed.map(id => `<li>${escapeHtml(this.sourceNames.get(id) ?? id)} <span class="mono muted">${escapeHtml(id)}</span></li>`).join('')}</ul>`
                : `<p class="muted">${this.t('none')}</p>`
        ]);
    }

    // ---- 4 removals and offsets ----

    private offsetsSection(): string {
        const inv = this.model.inventory;
        const removals = this.table(
            `<tr><th>${this.t('removal')}</th><th>${this.t('site')}</th><th>${this.t('method')}</th><th class="num">${this.t('amount')}</th></tr>`,
            inv.removals.map(row =>
                [
                    '<tr>',
                    `<td><span class="cell-title">${escapeHtml(row.name)}</span><span class="cell-meta mono">${escapeHtml(row.id)}</span></td>`,
                    `<td>${this.or(this.siteName(row.site))}</td>`,
                    `<td>${this.or(row.method)}</td>`,
                    `<td class="num">${row.amount === null ? `<span class="muted">${this.t('notComputed')}</span>` : this.fig(row.amount)}</td>`,
                    '</tr>'
                ].join('')
            ),
            { foot: `<tr><td colspan="3">${this.t('total')}</td><td class="num">${this.fig(inv.removalsTotal)}</td></tr>` }
        );
        const register = this.model.offsets.register;
        const offsets = this.table(
            [
                '<tr>',
                `<th>${this.t('offset')}</th>`,
                `<th>${this.t('standard')} / ${this.t('registry')}</th>`,
                `<th>${this.t('serial')}</th>`,
                `<th class="num">${this.t('vintage')}</th>`,
                `<th class="num">${this.t('quantity')} (tCO2e)</th>`,
                `<th>${this.t('retired')}</th>`,
                `<th>${this.t('counted')}</th>`,
                '</tr>'
            ].join(''),
            register.map(row => {
                const reason = escapeHtml(keywordText('reason', row.reason, this.locale));
                const standard = [
                    row.standard ? `<span class="cell-title">${escapeHtml(row.standard)}</span>` : '',
                    row.registry ? `<span class="cell-meta">${escapeHtml(row.registry)}</span>` : '',
                    row.kind ? `<span class="cell-meta">${this.t('kind')}${this.colon}${escapeHtml(keywordText('offsetKind', row.kind, this.locale))}</span>` : ''
                ].join('');
                const retired = row.retired
                    ? `<span class="nowrap">${escapeHtml(row.retired)}</span>${row.retiredFor ? `<span class="cell-meta">${this.t('retiredFor')}${this.colon}${escapeHtml(row.retiredFor)}</span>` : ''}`
                    : this.or(null);
                const applies = row.appliesTo ? `<span class="cell-meta">${this.t('appliesTo')}${this.colon}${escapeHtml(row.appliesTo)}</span>` : '';
                return [
                    `<tr class="${row.counts ? 'counted' : 'not-counted'}">`,
                    `<td><span class="cell-title">${escapeHtml(row.name)}</span><span class="cell-meta mono">${escapeHtml(row.id)}</span>${row.project ? `<span class="cell-meta">${this.t('project')}${this.colon}${escapeHtml(row.project)}</span>` : ''}</td>`,
                    `<td>${standard || this.or(null)}</td>`,
                    `<td><span class="mono break">${this.or(row.serial)}</span></td>`,
                    `<td class="num">${this.or(row.vintage)}</td>`,
                    `<td class="num">${this.fig(row.quantity)}</td>`,
                    `<td>${retired}${applies}</td>`,
                    `<td>${row.counts ? this.badge(`✓ ${reason}`, 'good') : this.badge(`✗ ${reason}`, 'bad')}</td>`,
                    '</tr>'
                ].join('');
            }),
            { className: 'offsets', foot: `<tr><td colspan="4">${this.t('offsetsTotal')}</td><td class="num">${this.fig(this.model.offsets.counted)}</td><td colspan="2"></td></tr>` }
        );
        return this.section('offsets', [
            `<h3>${this.t('removals')}</h3>`,
            inv.removals.length > 0 ? removals : this.empty(),
            `<h3>${this.t('offsetsRegister')}</h3>`,
            register.length > 0 ? offsets : this.figureLine(this.t('offsetsTotal'), `${this.fig(this.model.offsets.counted)} tCO2e`)
        ]);
    }

    // ---- 5 net balance and neutrality, claims ----

    private balanceSection(): string {
        const b = this.model.balance;
        const less = this.t('less');
        const rows = [
            `<tr><td>${this.t('emissions')}</td><td class="num">${this.fig(b.emissions)}</td></tr>`,
            `<tr><td>${less}${this.t('removals')}</td><td class="num">${this.fig(b.removals)}</td></tr>`,
            `<tr><td>${less}${this.t('offsetsTotal')}</td><td class="num">${this.fig(b.offsets)}</td></tr>`
        ];
        const balance = this.table(`<tr><th>${this.t('balanceTable')}</th><th class="num">tCO2e</th></tr>`, rows, { foot: `<tr><td>${this.t('net')}</td><td class="num">${this.fig(b.net, true)}</td></tr>`, className: 'balance' });
        const verdict = [
            `<div class="headline ${b.neutral ? 'is-neutral' : 'not-neutral'} verdict-box">`,
            `<p class="verdict">${b.neutral ? this.badge(this.t('neutral'), 'good', true) : this.badge(this.t('notNeutral'), 'bad', true)}</p>`,
            b.reasons.length > 0 ? `<ul class="plain">${b.reasons.map(reason => `<li>${escapeHtml(reason)}</li>`).join('')}</ul>` : '',
            `<p class="muted small">${this.t('diagnostics', { errors: b.errors, warnings: b.warnings })}</p>`,
            '</div>'
        ]
            .filter(Boolean)
            .join('\n');
        const claims = this.model.claims.map(claim => {
            const meta = [
                `<span class="mono">${escapeHtml(claim.id)}</span>`,
                claim.kind ? escapeHtml(keywordText('claimKind', claim.kind, this.locale)) : '',
                claim.period ? `${this.t('claimPeriod')}${this.colon}${escapeHtml(claim.period)}` : ''
            ]
                .filter(Boolean)
                .join(' · ');
            const allPassed = claim.gates.every(gate => gate.passed);
            const rows = claim.gates.map(gate =>
                [
                    '<tr>',
                    `<td class="mono nowrap">${escapeHtml(gate.rule)}</td>`,
                    `<td>${escapeHtml(gate.title)}</td>`,
                    `<td>${gate.passed ? this.badge(this.t('passed'), 'good') : this.badge(this.t('failed'), 'bad')}</td>`,
                    `<td>${gate.messages.length > 0 ? gate.messages.map(escapeHtml).join('<br>') : '<span class="muted">—</span>'}</td>`,
                    '</tr>'
                ].join('')
            );
            return [
                '<div class="claim">',
                `<h4>${escapeHtml(claim.name)} ${allPassed ? this.badge(this.t('passed'), 'good') : this.badge(this.t('failed'), 'bad')}</h4>`,
                `<p class="muted small">${meta}</p>`,
                claim.gates.length > 0 ? this.table(`<tr><th>${this.t('rule')}</th><th>${this.t('gate')}</th><th>${this.t('outcome')}</th><th>${this.t('message')}</th></tr>`, rows) : '',
                '</div>'
            ].join('\n');
        });
        return this.section('balance', [this.chart(this.t('chartWaterfall'), this.charts.waterfall), balance, verdict, `<h3>${this.t('claims')}</h3>`, claims.length > 0 ? claims.join('\n') : this.empty()]);
    }

    // ---- 6 targets and plan ----

    private planSection(): string {
        const plan = this.model.plan;
        const targets = plan.targets;
        const targetRows = targets.map(target =>
            [
                '<tr>',
                `<td><span class="cell-title">${escapeHtml(target.name)}</span><span class="cell-meta mono">${escapeHtml(target.id)}</span></td>`,
                `<td>${target.kind ? escapeHtml(keywordText('targetKind', target.kind, this.locale)) : this.or(null)}</td>`,
                `<td class="num">${this.or(target.year)}</td>`,
                `<td>${escapeHtml(target.unit)}</td>`,
                `<td>${target.firstMissed === null ? this.badge(this.t('none'), 'good') : this.badge(String(target.firstMissed), 'bad')}</td>`,
                '</tr>'
            ].join('')
        );
        const targetTable = this.table(`<tr><th>${this.t('target')}</th><th>${this.t('kind')}</th><th class="num">${this.t('year')}</th><th>${this.t('unit')}</th><th>${this.t('firstMissed')}</th></tr>`, targetRows);

        const planParts: string[] = [`<h3>${this.t('plan')}</h3>`];
        if (plan.years.length === 0) {
            planParts.push(`<p class="muted">${this.t('noPlan')}</p>`);
        } else {
            // projected emissions of all sources: two tables side by side when the plan is long
            // identical consecutive years are one row (2027–2060)
            const rows = yearRuns(plan.years, i => plan.projected[i] ?? '').map(run => `<tr><td class="nowrap">${yearRunLabel(run)}</td><td class="num">${this.fig(plan.projected[run.index] ?? null)}</td></tr>`);
            const head = `<tr><th>${this.t('year')}</th><th class="num">${this.t('projected')} (tCO2e)</th></tr>`;
            const half = Math.ceil(rows.length / 2);
            const chunks = rows.length > 12 ? [rows.slice(0, half), rows.slice(half)] : [rows];
            planParts.push(`<p class="table-title">${this.t('projectedAll')}</p>`, `<div class="${chunks.length > 1 ? 'split' : 'single'}">${chunks.map(chunk => this.table(head, chunk, { className: 'projection' })).join('\n')}</div>`);
            // each target: the projection of what it covers, the path it allows, and the gap, over its span
            for (const target of targets) {
                const inSpan = (i: number) => target.projected[i] !== null || target.allowed[i] !== null || target.gap[i] !== null;
                const runs = yearRuns(
                    plan.years,
                    i => (inSpan(i) ? JSON.stringify([target.projected[i], target.allowed[i], target.gap[i]]) : undefined),
                    i => plan.years[i] === target.firstMissed
                );
                const rows = runs.flatMap(run => {
                    const [i, year] = [run.index, run.first];
                    const gap = target.gap[i];
                    const missed = isPositive(gap);
                    return [
                        [
                            `<tr${missed ? ' class="missed"' : ''}>`,
                            `<td class="nowrap">${yearRunLabel(run)}${target.firstMissed === year ? ` ${this.badge(this.t('missed'), 'bad')}` : ''}</td>`,
                            `<td class="num">${this.fig(target.projected[i])}</td>`,
                            `<td class="num">${this.fig(target.allowed[i])}</td>`,
                            `<td class="num">${gap === null ? this.or(null) : this.fig(gap, true)}</td>`,
                            '</tr>'
                        ].join('')
                    ];
                });
                const unit = escapeHtml(target.unit);
                planParts.push(
                    this.table(`<tr><th>${this.t('year')}</th><th class="num">${this.t('projectedCovered')}</th><th class="num">${this.t('allowed')}</th><th class="num">${this.t('gap')}</th></tr>`, rows, {
                        caption: `${this.t('target')}${this.colon}${escapeHtml(target.name)} <span class="muted">(${unit})</span>`,
                        className: 'target-path'
                    })
                );
            }
        }
        const otherUnits = [...new Set(targets.filter(target => !isTonnes(target.unit)).map(target => target.unit))];
        return this.section('plan', [
            `<h3>${this.t('targets')}</h3>`,
            targets.length > 0 ? targetTable : this.empty(),
            this.charts.trajectory ? this.chart(this.t('chartTrajectory'), this.charts.trajectory, otherUnits.length > 0 ? this.t('otherUnitTargets', { units: otherUnits.join(', ') }) : undefined) : '',
            ...planParts
        ]);
    }

    // ---- 7 clause coverage and findings ----

    private coverageSection(): string {
        const tone = { satisfied: 'good', findings: 'bad', 'not-applicable': 'quiet' } as const;
        const rows = this.model.coverage.map(row => {
            const status = row.status === 'findings' && row.errors === 0 ? 'warn' : tone[row.status];
            const count = (n: number, cls: string) => (n > 0 ? `<span class="${cls}">${n}</span>` : '<span class="muted">0</span>');
            return [
                '<tr>',
                `<td class="nowrap cell-title">${escapeHtml(row.clause)}</td>`,
                `<td>${escapeHtml(row.title)}</td>`,
                `<td>${this.badge(escapeHtml(keywordText('status', row.status, this.locale)), status)}</td>`,
                `<td class="num">${count(row.errors, 'sev-error')}</td>`,
                `<td class="num">${count(row.warnings, 'sev-warning')}</td>`,
                `<td class="num">${count(row.infos, 'sev-info')}</td>`,
                `<td class="evidence">${row.evidence.length > 0 ? row.evidence.map(escapeHtml).join(', ') : '<span class="muted">—</span>'}`,
                row.rules.length > 0 ? `<span class="cell-code">${row.rules.map(escapeHtml).join(' ')}</span>` : '',
                '</td>',
                '</tr>'
            ].join('');
        });
        const matrix = this.table(
            `<tr><th>${this.t('clause')}</th><th></th><th>${this.t('status')}</th><th class="num">${this.t('errors')}</th><th class="num">${this.t('warnings')}</th><th class="num">${this.t('infos')}</th><th>${this.t('evidence')} / ${this.t('rules')}</th></tr>`,
            rows,
            { className: 'coverage' }
        );

        const titles = new Map(this.model.coverage.map(row => [row.clause, row.title]));
        const groups = new Map<string | null, ReportFinding[]>();
        for (const finding of this.model.findings) {
            const list = groups.get(finding.clause) ?? [];
            list.push(finding);
            groups.set(finding.clause, list);
        }
        const findings = [...groups].map(([clause, list]) => {
            const heading = clause === null ? this.t('languageRules') : `${this.t('clause')} ${escapeHtml(clause)}${titles.has(clause) ? ` — ${escapeHtml(titles.get(clause)!)}` : ''}`;
            const rows = list.map(f =>
                [
                    '<tr>',
                    `<td class="nowrap"><span class="sev-${f.severity}">${escapeHtml(keywordText('severity', f.severity, this.locale))}</span></td>`,
                    `<td class="mono nowrap">${escapeHtml(f.rule)}</td>`,
                    `<td>${escapeHtml(f.message)}</td>`,
                    `<td class="mono small wrap-code">${escapeCode(f.file)}:${f.line}</td>`,
                    '</tr>'
                ].join('')
            );
            return [
                '<div class="finding-group">',
                `<h4>${heading}</h4>`,
                this.table(`<tr><th>${this.t('severity')}</th><th>${this.t('rule')}</th><th>${this.t('message')}</th><th>${this.t('file')}</th></tr>`, rows, { className: 'findings' }),
                '</div>'
            ].join('\n');
        });
        return this.section('coverage', [
            `<h3>${this.t('coverageMatrix')}</h3>`,
            this.model.coverage.length > 0 ? matrix : this.empty(),
            `<h3>${this.t('findingsByClause')}</h3>`,
            findings.length > 0 ? findings.join('\n') : `<p class="muted">${this.t('noFindings')}</p>`
        ]);
    }

    // ---- 8 provenance ----

    private provenanceSection(): string {
        const p = this.model.provenance;
        const libraries = Object.entries(p.libraries);
        const facts: Array<[string, string]> = [
            [this.t('engine'), escapeHtml(p.engine)],
            [this.t('libraries'), libraries.length > 0 ? `<ul class="inline">${libraries.map(([name, version]) => `<li><span class="mono">${escapeHtml(name)}</span> ${escapeHtml(version)}</li>`).join('')}</ul>` : this.or(null)],
            [this.t('commit'), p.git ? `<span class="mono break">${escapeHtml(p.git.commit)}</span> <span class="muted">(${p.git.clean ? this.t('clean') : this.t('dirty')})</span>` : `<span class="muted">${this.t('noGit')}</span>`],
            [this.t('lockHash'), p.lockHash ? `<span class="mono break">${escapeHtml(p.lockHash)}</span>` : this.or(null)]
        ];
        if (p.generated !== null) facts.push([this.t('generated'), escapeHtml(p.generated)]);
        return this.section('provenance', [`<dl class="facts">${facts.map(([name, value]) => `<dt>${name}</dt><dd>${value}</dd>`).join('')}</dl>`]);
    }

    // ---- annex: products (docs/cbam.md) ----

    private productsSection(): string {
        const products = this.model.products;
        if (!products) return '';
        const t = (id: ReportTextId) => this.t(id);
        const named = (title: string | null, id: string) => (title ? `${escapeHtml(title)} <span class="mono muted">${escapeHtml(id)}</span>` : `<span class="mono">${escapeHtml(id)}</span>`);
        const content: string[] = [];
        if (products.uncomputed > 0) content.push(`<p class="muted">${this.t('products.notComputed', { count: products.uncomputed })}</p>`);
        for (const installation of products.installations) {
            const place = [installation.city, installation.country].filter(part => part).join(', ');
            content.push(`<h3>${t('products.installation')}${this.colon}${named(installation.name, installation.id)}</h3>`);
            content.push(`<p>${this.or(place)}${installation.period ? ` · ${escapeHtml(installation.period.start)} – ${escapeHtml(installation.period.end)}` : ''}</p>`);
            const goodsHead = `<tr><th>${t('products.good')}</th><th>${t('products.cn')}</th><th>${t('products.process')}</th><th class="num">${t('products.quantity')}</th><th class="num">${t('products.seeDirect')}</th><th class="num">${t('products.seeIndirect')}</th><th class="num">${t('products.see')}</th></tr>`;
            const goodsRows = installation.goods.map(
                good =>
                    `<tr><td>${named(good.title, good.id)}</td><td class="mono">${this.or(good.cn)}${good.content ? ` · ${escapeHtml(good.content)} ${t(good.functionalUnit === 't clinker' ? 'products.perTClinker' : 'products.perKgN')}` : ''}</td><td class="mono">${escapeHtml(good.process)}</td><td class="num">${this.fig(good.quantity)}</td><td class="num">${this.fig(good.seeDirect)}</td><td class="num">${this.fig(good.seeIndirect)}</td><td class="num">${this.fig(good.see)}</td></tr>`
            );
            content.push(installation.goods.length > 0 ? this.table(goodsHead, goodsRows, { caption: t('products.goods') }) : this.empty());
            const processHead = `<tr><th>${t('products.process')}</th><th class="num">${t('products.attributedDirect')}</th><th class="num">${t('products.attributedIndirect')}</th><th class="num">${t('products.precursors')}</th><th class="num">${t('products.activity')}</th></tr>`;
            const processRows = installation.processes.map(
                process =>
                    `<tr><td>${named(process.title, process.id)}</td><td class="num">${this.fig(process.attributedDirect)}</td><td class="num">${this.fig(process.attributedIndirect)}</td><td class="num">${process.precursorDirect === null || process.precursorIndirect === null ? this.or(null) : `${this.fig(process.precursorDirect)} + ${this.fig(process.precursorIndirect)}`}</td><td class="num">${this.fig(process.activityLevel)}</td></tr>`
            );
            content.push(installation.processes.length > 0 ? this.table(processHead, processRows, { caption: t('products.processes') }) : this.empty());
        }
        if (products.purchased.length > 0) {
            const head = `<tr><th>${t('products.good')}</th><th>${t('products.cn')}</th><th>${t('products.supplier')}</th><th>${t('products.defaultValues')}</th><th class="num">${t('products.seeDirect')}</th><th class="num">${t('products.seeIndirect')}</th></tr>`;
            const rows = products.purchased.map(
                good =>
                    `<tr><td>${named(good.title, good.id)}</td><td class="mono">${this.or(good.cn)}</td><td>${this.or(good.supplier)}</td><td>${t(good.defaultValue ? 'products.yes' : 'products.no')}</td><td class="num">${this.fig(good.seeDirect)}</td><td class="num">${this.fig(good.seeIndirect)}</td></tr>`
            );
            content.push(`<h3>${t('products.purchased')}</h3>`, this.table(head, rows));
        }
        return [`<section class="chapter" id="sec-products" aria-labelledby="h-products">`, `<h2 id="h-products">${t('section.products')}</h2>`, ...content, '</section>'].join('\n');
    }

    private footer(): string {
        const m = this.model;
        return `<footer class="report-footer"><span>${this.t('title')} · ${escapeHtml(m.organization.name || m.organization.id)}</span><span>${escapeHtml(m.provenance.engine)}</span></footer>`;
    }
}

function isPositive(text: string | null | undefined): boolean {
    if (text === null || text === undefined) return false;
    const value = figureValue(text);
    return value !== undefined && !value.isZero() && !value.isNegative();
}
