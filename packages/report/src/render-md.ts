import { MONTH_MARK, monthLabel } from './month-marks.js';
import { Dec, fillTemplate, formatFigure, Rational, TEXTS, type Locale } from '@cnms/language';
import type { ReportModel } from './report-model.js';
import { REPORT_TEXT, reportText, type ReportTextId } from './report-text.js';
import { tableText, type TableTextId } from './table-text.js';
import { yearRunLabel, yearRuns } from './year-runs.js';

/** What a cell shows for a value the model does not have. */
const NOTHING = '—';

/**
 * User text made inert for GitHub-flavoured markdown, in a table cell as in a
 * paragraph: markdown punctuation is backslash-escaped (`|` included, so that
 * a cell never splits), `&`, `<` and `>` become entities (no raw HTML, no
 * autolinks), line breaks become `<br>`. With `lineStart`, for text that
 * begins a line, what would open a list, a heading or a quote is escaped too.
 */
export function escapeMarkdown(text: string, lineStart = false): string {
    let escaped = text
        .replace(/[\\`*_[\]|~#]/g, '\\$&')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
    if (lineStart) {
        escaped = escaped.replace(/^(\s*)([+=-]|\d+(?=[.)]))/, (_whole, space: string, lead: string) => (/\d/.test(lead) ? `${space}${lead}\\` : `${space}\\${lead}`));
    }
    return escaped.replace(/\r\n|\r|\n/g, '<br>');
}

type Align = 'left' | 'right';

interface Column {
    readonly header: string;
    readonly align?: Align;
}

/** A GFM table; cells are markdown already (escaped user text, formatted figures). */
function table(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>, locale: Locale): string[] {
    if (rows.length === 0) return [`*${tableText('noRows', locale)}*`];
    const line = (cells: readonly string[]) => `| ${cells.map(cell => (cell === '' ? ' ' : cell)).join(' | ')} |`;
    return [line(columns.map(column => escapeMarkdown(column.header))), `|${columns.map(column => (column.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`, ...rows.map(line)];
}

/**
 * The report as GitHub-flavoured markdown, for repositories and reviews: the
 * title, the headline net figure and verdict, then every section of the model
 * in order. Figures are shown with 3 decimals and thousands separators
 * (percentages with 2), numeric columns right-aligned; every string written by
 * the user is escaped. LF line ends, one trailing newline.
 */
export function renderMarkdown(model: ReportModel): string {
    const locale = model.locale;
    const r = (id: ReportTextId) => reportText(id, locale);
    const t = (id: TableTextId, values?: Record<string, string>) => tableText(id, locale, values);
    const colon = locale === 'zh-CN' ? '：' : ': ';
    const paren = (inner: string) => (locale === 'zh-CN' ? `（${inner}）` : ` (${inner})`);
    const text = (value: string | null | undefined) => (value === null || value === undefined || value === '' ? NOTHING : escapeMarkdown(value));
    const figure = (value: string | null | undefined, decimals = 3, signed = false) => (value === null || value === undefined ? NOTHING : formatFigure(Rational.fromDecimal(new Dec(value)), locale, decimals, signed));
    const percent = (value: string | null | undefined) => (value === null || value === undefined ? NOTHING : `${figure(value, 2)} %`);
    const tonnes = (value: string | null | undefined) => (value === null || value === undefined ? NOTHING : `${figure(value)} tCO2e`);
    const integer = (value: number | null | undefined) => (value === null || value === undefined ? NOTHING : String(value));
    const field = (label: string, value: string) => `- **${escapeMarkdown(label)}**${colon}${value}`;
    const siteName = (id: string | null) => {
        if (id === null) return NOTHING;
        const site = model.boundary.sites.find(candidate => candidate.id === id);
        return escapeMarkdown(site ? site.name : id);
    };
    const categoryName = (category: string | null) => {
        if (category === null) return NOTHING;
        const major = /^([1-6])(?:\.\d+)?$/.exec(category)?.[1];
        const id = `category.${major}` as ReportTextId;
        return major && id in REPORT_TEXT ? `${escapeMarkdown(category)} ${escapeMarkdown(r(id))}` : escapeMarkdown(category);
    };
    const right: Align = 'right';

    const out: string[] = [];
    const section = (id: ReportTextId) => out.push('', `## ${escapeMarkdown(r(id))}`, '');
    const heading = (title: string) => out.push(...(out[out.length - 1] === '' ? [] : ['']), `### ${title}`, '');

    // title and headline: the net figure first
    const { organization: org, inventory, balance } = model;
    out.push(`# ${escapeMarkdown(r('title'))}`, '');
    const incomplete = balance.complete ? '' : ` · ${escapeMarkdown(fillTemplate(TEXTS['balance.notComputedCount'][model.locale], { count: balance.uncomputed }))}`;
    out.push(`**${escapeMarkdown(r('net'))}${colon}${figure(balance.net, 3, true)} tCO2e**${incomplete} — ${escapeMarkdown(r(balance.neutral ? 'neutral' : 'notNeutral'))}`);
    out.push('', [escapeMarkdown(org.name, true), org.period ? escapeMarkdown(org.period.label) : null].filter(part => part !== null).join(' · '));

    // 1 organisation and boundary
    section('section.organization');
    out.push(
        field(r('organization'), `${text(org.name)}${paren(text(org.id))}`),
        field(r('industry'), text(org.industry)),
        field(r('msScope'), text(org.msScope)),
        field(r('consolidation'), escapeMarkdown(r(`consolidation.${org.consolidation}`))),
        field(r('period'), org.period ? `${text(org.period.label)}${paren(`${text(org.period.start)} – ${text(org.period.end)}`)}` : NOTHING),
        field(r('baseYear'), integer(org.baseYear)),
        field(
            r('gwp'),
            [org.gwp.set, org.gwp.title].some(part => part)
                ? [org.gwp.set, org.gwp.title]
                      .filter(part => part)
                      .map(part => escapeMarkdown(part!))
                      .join(' — ')
                : NOTHING
        ),
        field(t('gwpSource'), text(org.gwp.source)),
        field(r('gwpJustification'), text(org.gwp.justification)),
        field(r('scope2'), escapeMarkdown(r(`scope2.${org.scope2}`)))
    );
    heading(escapeMarkdown(r('sites')));
    out.push(
        ...table(
            [
                { header: t('id') },
                { header: r('site') },
                { header: r('location') },
                { header: r('share') + paren('%'), align: right },
                { header: t('emissionsTco2e'), align: right },
                { header: r('percentOfTotal') + paren('%'), align: right },
                { header: r('sourcesCount'), align: right }
            ],
            model.boundary.sites.map(site => [
                text(site.id),
                text(site.name),
                text(site.location),
                site.sharePercent === null ? NOTHING : figure(site.sharePercent, 2),
                figure(site.co2e),
                site.percentOfTotal === null ? NOTHING : figure(site.percentOfTotal, 2),
                String(site.sources)
            ]),
            locale
        )
    );

    // 2 inventory
    section('section.inventory');
    out.push(field(r('emissions'), tonnes(inventory.emissions)));
    heading(escapeMarkdown(r('byScope')));
    const counts = paren(r('counts'));
    out.push(
        ...table(
            [{ header: t('scope') }, { header: t('emissionsTco2e'), align: right }],
            [
                [escapeMarkdown(r('scope1')), figure(inventory.byScope.scope1)],
                [escapeMarkdown(r('scope2Location') + (org.scope2 === 'location-based' ? counts : '')), figure(inventory.byScope.scope2Location)],
                [escapeMarkdown(r('scope2Market') + (org.scope2 === 'market-based' ? counts : '')), figure(inventory.byScope.scope2Market)],
                [escapeMarkdown(r('scope3')), figure(inventory.byScope.scope3)]
            ],
            locale
        )
    );
    heading(escapeMarkdown(r('byCategory')));
    out.push(
        ...table(
            [{ header: r('category') }, { header: t('emissionsTco2e'), align: right }],
            inventory.byCategory.map(row => [categoryName(row.category), figure(row.co2e)]),
            locale
        )
    );
    heading(escapeMarkdown(r('byGas')));
    out.push(
        ...table(
            [{ header: r('gas') }, { header: r('mass'), align: right }, { header: r('gwpValue'), align: right }, { header: t('emissionsTco2e'), align: right }],
            inventory.byGas.map(row => [text(row.gas), figure(row.tonnes), row.gwp === null ? NOTHING : exactGrouped(row.gwp), figure(row.co2e)]),
            locale
        )
    );
    heading(escapeMarkdown(r('bySite')));
    out.push(
        ...table(
            [{ header: r('site') }, { header: t('emissionsTco2e'), align: right }],
            inventory.bySite.map(row => [siteName(row.site), figure(row.co2e)]),
            locale
        )
    );
    heading(escapeMarkdown(r('sourcesTable')));
    out.push(
        ...table(
            [
                { header: t('id') },
                { header: r('source') },
                { header: r('site') },
                { header: r('category') },
                { header: t('scope'), align: right },
                { header: r('activity') },
                { header: r('factor') },
                { header: r('provenance') },
                { header: r('result'), align: right },
                { header: r('dataQuality') }
            ],
            inventory.sources.map(source => {
                const activity = source.activity
                    ? `${text(source.activity.expression)}${source.activity.value !== null ? ` = ${figure(source.activity.value)}${source.activity.unit ? ` ${escapeMarkdown(source.activity.unit)}` : ''}` : ''}`
                    : source.emissionsExpression !== null
                      ? `${escapeMarkdown(t('emissionsExpression'))}${colon}${text(source.emissionsExpression)}`
                      : NOTHING;
                const factor = source.factor
                    ? [text(source.factor.name ?? source.factor.expression), ...source.factor.values.map(value => `${escapeMarkdown(value.gas)} ${exactGrouped(value.value)} ${escapeMarkdown(value.unit)}`)].join('<br>')
                    : NOTHING;
                const provenance =
                    source.factor && (source.factor.source !== null || source.factor.year !== null)
                        ? [source.factor.source, source.factor.year === null ? null : String(source.factor.year)]
                              .filter(part => part !== null)
                              .map(part => escapeMarkdown(part))
                              .join(', ')
                        : NOTHING;
                const result = source.computed && source.co2e !== null ? figure(source.co2e) : `*${escapeMarkdown(r('notComputed'))}*`;
                return [text(source.id), text(source.name), siteName(source.site), categoryName(source.category), integer(source.scope), activity, factor, provenance, result, text(source.dataQuality)];
            }),
            locale
        )
    );
    out.push('', field(r('biogenic'), `${figure(inventory.biogenicCO2)} tCO2`));
    heading(escapeMarkdown(r('instruments')));
    out.push(
        ...table(
            [{ header: t('id') }, { header: t('name') }, { header: r('kind') }, { header: t('quantityMWh'), align: right }, { header: r('covers') }, { header: r('factor') }],
            inventory.instruments.map(instrument => [
                text(instrument.id),
                text(instrument.name),
                text(instrument.kind),
                figure(instrument.quantityMWh),
                instrument.covers.length ? instrument.covers.map(item => escapeMarkdown(item)).join(', ') : NOTHING,
                instrument.factor === null ? NOTHING : exactGrouped(instrument.factor)
            ]),
            locale
        )
    );
    if (inventory.completeness) {
        const completeness = inventory.completeness;
        heading(escapeMarkdown(r('completeness')));
        out.push(escapeMarkdown(r('completenessLegend')), '');
        out.push(
            ...table(
                [{ header: r('source') }, ...completeness.months.map(month => ({ header: monthLabel(month, completeness.months) })), { header: r('filledShare'), align: right }, { header: r('fillMethod') }],
                completeness.sources.map(row => [text(row.id), ...row.months.map(state => MONTH_MARK[state]), percent(row.filledPercent), text(row.fillMethod)]),
                locale
            )
        );
    }

    // 3 uncertainty
    section('section.uncertainty');
    out.push(escapeMarkdown(r('uncertaintyMethod')), '');
    const sourceName = (id: string) => {
        const source = inventory.sources.find(candidate => candidate.id === id);
        return escapeMarkdown(source ? source.name : id);
    };
    out.push(
        ...table(
            [{ header: r('source') }, { header: t('uncertaintyPercent'), align: right }, { header: t('absoluteUncertainty'), align: right }],
            model.uncertainty.sources.map(row => [sourceName(row.id), figure(row.percent, 2), figure(row.absolute)]),
            locale
        )
    );
    out.push(
        '',
        field(
            r('uncertaintyTotal'),
            model.uncertainty.total
                ? `±${percent(model.uncertainty.total.percent)}${paren(`±${tonnes(model.uncertainty.total.absolute)}${locale === 'zh-CN' ? '；' : '; '}${escapeMarkdown(t('assessedEmissions'))} ${tonnes(model.uncertainty.total.assessedEmissions)}`)}`
                : NOTHING
        )
    );
    out.push(field(r('notAssessed'), model.uncertainty.notAssessed.length ? model.uncertainty.notAssessed.map(sourceName).join(', ') : escapeMarkdown(r('none'))));

    // 4 removals and offsets
    section('section.offsets');
    heading(escapeMarkdown(r('removals')));
    out.push(
        ...table(
            [{ header: t('id') }, { header: t('name') }, { header: r('site') }, { header: r('amount'), align: right }, { header: r('method') }],
            inventory.removals.map(removal => [text(removal.id), text(removal.name), siteName(removal.site), figure(removal.amount), text(removal.method)]),
            locale
        )
    );
    out.push('', field(t('removalsTotal'), `${figure(inventory.removalsTotal)} tCO2`));
    heading(escapeMarkdown(r('offsetsRegister')));
    out.push(
        ...table(
            [
                { header: t('id') },
                { header: t('name') },
                { header: r('standard') },
                { header: t('project') },
                { header: r('registry') },
                { header: r('serial') },
                { header: r('vintage'), align: right },
                { header: t('quantityTco2e'), align: right },
                { header: r('retired') },
                { header: r('retiredFor') },
                { header: r('counted') }
            ],
            model.offsets.register.map(offset => [
                text(offset.id),
                text(offset.name),
                text(offset.standard),
                text(offset.project),
                text(offset.registry),
                text(offset.serial),
                integer(offset.vintage),
                figure(offset.quantity),
                text(offset.retired),
                text(offset.retiredFor),
                reasonText(offset.reason, locale)
            ]),
            locale
        )
    );
    out.push('', field(r('offsetsTotal'), tonnes(model.offsets.counted)));

    // 5 net balance, verdict, claims
    section('section.balance');
    out.push(
        ...table(
            [{ header: t('item') }, { header: t('tco2e'), align: right }],
            [
                [escapeMarkdown(t('totalEmissions')), figure(balance.emissions)],
                [escapeMarkdown(t('minus', { header: r('removals') })), figure(balance.removals)],
                [escapeMarkdown(t('minus', { header: r('offsetsTotal') })), figure(balance.offsets)],
                [`**${escapeMarkdown(r('net'))}**`, `**${figure(balance.net, 3, true)}**`]
            ],
            locale
        )
    );
    out.push('', `**${escapeMarkdown(r(balance.neutral ? 'neutral' : 'notNeutral'))}**`);
    if (balance.reasons.length) out.push('', ...balance.reasons.map(reason => `- ${escapeMarkdown(reason, true)}`));
    out.push('', `**${escapeMarkdown(t('modelErrors'))}**${colon}${balance.errors} · **${escapeMarkdown(t('modelWarnings'))}**${colon}${balance.warnings}`);
    heading(escapeMarkdown(r('claims')));
    if (model.claims.length === 0) out.push(`*${escapeMarkdown(r('none'))}*`);
    model.claims.forEach((claim, index) => {
        const details = [claim.kind, claim.period].filter(part => part !== null).map(part => escapeMarkdown(part));
        if (index > 0) out.push('');
        out.push(`#### ${escapeMarkdown(claim.name)}${paren(`${escapeMarkdown(claim.id)}${details.length ? `; ${details.join(', ')}` : ''}`)}`, '');
        out.push(
            ...table(
                [{ header: r('gate') }, { header: t('title') }, { header: r('status') }, { header: r('message') }],
                claim.gates.map(gate => [escapeMarkdown(gate.rule), text(gate.title), escapeMarkdown(r(gate.passed ? 'passed' : 'failed')), gate.messages.length ? gate.messages.map(item => escapeMarkdown(item)).join('<br>') : NOTHING]),
                locale
            )
        );
    });

    // 6 targets and plan
    section('section.plan');
    heading(escapeMarkdown(t('projectedAll')));
    out.push(
        ...table(
            [
                { header: r('year'), align: right },
                { header: t('emissionsTco2e'), align: right }
            ],
            // identical consecutive years are one row (2027–2060)
            yearRuns(model.plan.years, i => model.plan.projected[i] ?? '').map(run => [yearRunLabel(run), figure(model.plan.projected[run.index])]),
            locale
        )
    );
    for (const target of model.plan.targets) {
        heading(`${escapeMarkdown(r('target'))}${colon}${escapeMarkdown(target.name)}${paren(escapeMarkdown(target.id))}`);
        out.push(
            field(r('kind'), text(target.kind)),
            field(t('targetYear'), integer(target.year)),
            field(t('unit'), text(target.unit)),
            field(r('firstMissed'), target.firstMissed === null ? escapeMarkdown(r('none')) : String(target.firstMissed)),
            ''
        );
        out.push(
            ...table(
                [
                    { header: r('year'), align: right },
                    { header: r('projected'), align: right },
                    { header: r('allowed'), align: right },
                    { header: r('gap'), align: right }
                ],
                // only the years of the target's span (a row of nothing but dashes says nothing)
                // and identical consecutive years as one row; the first missed year stays a row of its own
                yearRuns(
                    model.plan.years,
                    i => {
                        const row = [target.projected[i] ?? null, target.allowed[i] ?? null, target.gap[i] ?? null];
                        return row.every(value => value === null) ? undefined : JSON.stringify(row);
                    },
                    i => model.plan.years[i] === target.firstMissed
                ).map(run => {
                    const [projected, allowed, gap] = [target.projected[run.index] ?? null, target.allowed[run.index] ?? null, target.gap[run.index] ?? null];
                    return [yearRunLabel(run), figure(projected), figure(allowed), gap === null ? NOTHING : signedFigure(gap, locale)];
                }),
                locale
            )
        );
    }

    // 7 coverage and findings
    section('section.coverage');
    out.push(
        ...table(
            [
                { header: r('clause') },
                { header: t('title') },
                { header: r('status') },
                { header: t('errors'), align: right },
                { header: t('warnings'), align: right },
                { header: t('infos'), align: right },
                { header: r('evidence') },
                { header: t('rules') }
            ],
            model.coverage.map(row => [
                escapeMarkdown(row.clause),
                text(row.title),
                escapeMarkdown(r(`status.${row.status}`)),
                String(row.errors),
                String(row.warnings),
                String(row.infos),
                row.evidence.length ? row.evidence.map(item => escapeMarkdown(item)).join('<br>') : NOTHING,
                row.rules.length ? row.rules.map(item => escapeMarkdown(item)).join(', ') : NOTHING
            ]),
            locale
        )
    );
    heading(escapeMarkdown(r('findings')));
    if (model.findings.length === 0) out.push(escapeMarkdown(t('noFindings')));
    else
        out.push(
            ...table(
                [{ header: r('severity') }, { header: r('rule') }, { header: r('clause') }, { header: r('message') }, { header: r('file') }],
                model.findings.map(finding => [escapeMarkdown(t(`severity.${finding.severity}`)), escapeMarkdown(finding.rule), text(finding.clause), escapeMarkdown(finding.message), `${escapeMarkdown(finding.file)}:${finding.line}`]),
                locale
            )
        );

    // 8 provenance
    section('section.provenance');
    const provenance = model.provenance;
    const libraries = Object.keys(provenance.libraries).sort();
    out.push(
        field(r('engine'), text(provenance.engine)),
        field(r('libraries'), libraries.length ? libraries.map(name => `${escapeMarkdown(name)} ${escapeMarkdown(provenance.libraries[name])}`).join(', ') : NOTHING),
        field(r('commit'), provenance.git ? `${escapeMarkdown(provenance.git.commit)}${paren(escapeMarkdown(r(provenance.git.clean ? 'clean' : 'dirty')))}` : escapeMarkdown(r('noGit'))),
        field(r('lockHash'), text(provenance.lockHash))
    );
    if (provenance.generated !== null) out.push(field(r('generated'), text(provenance.generated)));

    // annex: products and their embedded emissions, a section per installation
    if (model.products) {
        const products = model.products;
        section('section.products');
        if (products.uncomputed > 0) out.push(`*${escapeMarkdown(fillTemplate(r('products.notComputed'), { count: products.uncomputed }))}*`, '');
        for (const installation of products.installations) {
            heading(`${escapeMarkdown(r('products.installation'))}${colon}${escapeMarkdown(installation.name)}${paren(escapeMarkdown(installation.id))}`);
            const place =
                [installation.city, installation.country]
                    .filter(part => part)
                    .map(part => escapeMarkdown(part!))
                    .join(', ') || NOTHING;
            out.push(`${place}${installation.period ? ` · ${escapeMarkdown(installation.period.start)} – ${escapeMarkdown(installation.period.end)}` : ''}`, '');
            out.push(`**${escapeMarkdown(r('products.goods'))}**`, '');
            out.push(
                ...table(
                    [
                        { header: r('products.good') },
                        { header: r('products.cn') },
                        { header: r('products.process') },
                        { header: r('products.quantity'), align: right },
                        { header: r('products.seeDirect'), align: right },
                        { header: r('products.seeIndirect'), align: right },
                        { header: r('products.see'), align: right }
                    ],
                    installation.goods.map(good => [
                        `${text(good.title ?? good.id)}${good.title ? paren(escapeMarkdown(good.id)) : ''}`,
                        // a cement or fertiliser: the clinker or nitrogen a tonne contains, its functional unit (2025/2547 Art. 4)
                        `${text(good.cn)}${good.content ? ` · ${escapeMarkdown(good.content)} ${escapeMarkdown(r(good.functionalUnit === 't clinker' ? 'products.perTClinker' : 'products.perKgN'))}` : ''}`,
                        escapeMarkdown(good.process),
                        figure(good.quantity),
                        figure(good.seeDirect),
                        figure(good.seeIndirect),
                        figure(good.see)
                    ]),
                    locale
                ),
                '',
                `**${escapeMarkdown(r('products.processes'))}**`,
                '',
                ...table(
                    [
                        { header: r('products.process') },
                        { header: r('products.attributedDirect'), align: right },
                        { header: r('products.attributedIndirect'), align: right },
                        { header: r('products.precursors'), align: right },
                        { header: r('products.activity'), align: right }
                    ],
                    installation.processes.map(process => [
                        `${text(process.title ?? process.id)}${process.title ? paren(escapeMarkdown(process.id)) : ''}`,
                        figure(process.attributedDirect),
                        figure(process.attributedIndirect),
                        process.precursorDirect === null || process.precursorIndirect === null ? NOTHING : `${figure(process.precursorDirect)} + ${figure(process.precursorIndirect)}`,
                        figure(process.activityLevel)
                    ]),
                    locale
                )
            );
        }
        if (products.purchased.length > 0) {
            heading(escapeMarkdown(r('products.purchased')));
            out.push(
                ...table(
                    [
                        { header: r('products.good') },
                        { header: r('products.cn') },
                        { header: r('products.supplier') },
                        { header: r('products.defaultValues') },
                        { header: r('products.seeDirect'), align: right },
                        { header: r('products.seeIndirect'), align: right }
                    ],
                    products.purchased.map(good => [
                        `${text(good.title ?? good.id)}${good.title ? paren(escapeMarkdown(good.id)) : ''}`,
                        text(good.cn),
                        text(good.supplier),
                        escapeMarkdown(r(good.defaultValue ? 'products.yes' : 'products.no')),
                        figure(good.seeDirect),
                        figure(good.seeIndirect)
                    ]),
                    locale
                )
            );
        }
    }
    return `${out.join('\n')}\n`;
}

/** A parameter as given (a GWP, a factor value): exact, grouped, never rounded. */
function exactGrouped(value: string): string {
    const match = /^(-?)(\d+)(\.\d+)?$/.exec(value);
    if (!match) return escapeMarkdown(value);
    return `${match[1]}${match[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[3] ?? ''}`;
}

function signedFigure(value: string, locale: Locale): string {
    return formatFigure(Rational.fromDecimal(new Dec(value)), locale, 3, true);
}

function reasonText(reason: string, locale: Locale): string {
    const id = `reason.${reason}` as ReportTextId;
    return escapeMarkdown(id in REPORT_TEXT ? reportText(id, locale) : reason);
}
