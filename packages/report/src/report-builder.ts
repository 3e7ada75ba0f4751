import { AstUtils } from 'langium';
import type { CnmsServices, Locale } from '@cnms/language';
import {
    clauseCoverage,
    displayUnit,
    formatPeriod,
    inventoryUncertainty,
    isClaim,
    isFactor,
    isInstrument,
    isNameReference,
    isPeriodRange,
    periodRange,
    isRemoval,
    isSite,
    Dimension,
    monthsOfPeriod,
    sourceMonths,
    neutralityVerdict,
    Rational,
    ruleById,
    shownFactorValue,
    shownName,
    siteEmissions,
    tonnes,
    verdictReasons,
    writtenUnit,
    yearValue,
    type Expression,
    type ModelBalance,
    type Quantity
} from '@cnms/language';
import type { ReportCompleteness, ReportModel, ReportProducts, ReportProvenance, ReportSource } from './report-model.js';
import { processesJson, productsJson, purchasedJson } from './products-json.js';

/** A diagnostic as the CLI and the server collect them. */
export interface ReportDiagnostic {
    readonly file: string;
    readonly line: number;
    readonly severity: 'error' | 'warning' | 'info';
    readonly rule: string;
    readonly message: string;
}

export interface ReportOptions {
    readonly locale: Locale;
    /** The diagnostics of the model's files (the rules' findings). */
    readonly diagnostics: readonly ReportDiagnostic[];
    readonly provenance: ReportProvenance;
}

/** The rules that judge a claim (clause 9.1 and the ISO 14068-1 claim gates). */
const CLAIM_GATES = ['CN-9.1-001', 'CN-9.1-002', 'CN-9.1-003', 'CN-CLM-001', 'CN-CLM-002', 'CN-CLM-003'];
/** Claim gates that speak of the model (reported on sources), not of one claim. */
const MODEL_GATES = new Set(['CN-CLM-001']);

const s = (value: Rational) => value.toString();
const HUNDRED = Rational.fromInteger(100);
/** Joules in a megawatt-hour: instruments are reported in MWh. */
const MWH = Rational.fromInteger(3_600_000_000);

/** The month × source completeness table: every source given month by month, each month of the period given, filled or missing. */
function completenessTable(services: CnmsServices, balance: ModelBalance): ReportCompleteness | null {
    const period = balance.settings.period;
    if (!period) return null;
    const months = monthsOfPeriod(period);
    const rows: Array<ReportCompleteness['sources'][number]> = [];
    for (const { source, figures } of balance.sources) {
        const covered = sourceMonths(services, source);
        if (!covered) continue;
        const given = new Set(covered.given);
        const filled = new Set(covered.filled);
        rows.push({
            id: shownName(source),
            months: months.map(month => (given.has(month) ? 'given' : filled.has(month) ? 'filled' : 'missing')),
            filledPercent: figures?.gapFill ? s(figures.gapFill.filledShare.times(HUNDRED)) : null,
            fillMethod: figures?.gapFill?.method ?? null
        });
    }
    return rows.length > 0 ? { months, sources: rows } : null;
}

/**
 * Builds the report of one model from the evaluator's figures and the rules'
 * findings. Every figure is the evaluator's, as an exact decimal string.
 */
export function buildReport(services: CnmsServices, model: string, options: ReportOptions): ReportModel {
    const { locale, diagnostics } = options;
    const semantics = services.semantics;
    const models = services.references.Models;
    const balance = semantics.Balance.of(model);
    const settings = balance.settings;
    const organization = settings.organization;
    const elements = models.elementsOf(model);
    const errors = diagnostics.filter(d => d.severity === 'error').length;
    const warnings = diagnostics.filter(d => d.severity === 'warning').length;
    const percent = (part: Rational, whole: Rational) => (whole.isZero() ? null : s(part.dividedBy(whole).times(HUNDRED)));

    const bySite = siteEmissions(balance);
    // each removal's figures, the first the balance gives for it
    const removalFigures = new Map<(typeof balance.removalFigures)[number]['removal'], (typeof balance.removalFigures)[number]>();
    for (const figures of balance.removalFigures) if (!removalFigures.has(figures.removal)) removalFigures.set(figures.removal, figures);
    const sites = elements.filter(isSite).map(site => {
        const entries = bySite.get(site)?.sources ?? [];
        const co2e = bySite.get(site)?.co2e ?? Rational.ZERO;
        // the share that counts, as the model states it: `share` under equity-share, `control` under the control approaches
        const share = settings.consolidation === 'equity-share' ? semantics.BoundaryShares.declaredShare(site) : site.control ? semantics.BoundaryShares.controlShare(site) : undefined;
        return {
            id: shownName(site),
            name: site.title ?? shownName(site),
            location: site.location ?? null,
            sharePercent: share ? s(share.times(HUNDRED)) : null,
            co2e: s(co2e),
            percentOfTotal: percent(co2e, balance.emissions),
            sources: entries.length
        };
    });

    const sources: ReportSource[] = balance.sources.map(({ source, figures }) => {
        const evaluator = semantics.Evaluator;
        const activity = evaluator.evaluate(source.activity);
        const factorNode = isNameReference(source.factor) && isFactor(source.factor.target.ref) ? source.factor.target.ref : undefined;
        const values = source.factor ? evaluator.factorExpressionValues(source.factor, source, 'factor') : undefined;
        const uncertainty = evaluator.evaluate(source.uncertainty);
        const factorUncertainty = evaluator.evaluate(factorNode?.uncertainty);
        const activityUnit = activity ? displayUnit(activity.dimension, activity.value) : undefined;
        return {
            id: shownName(source),
            name: source.title ?? shownName(source),
            site: source.site?.ref?.name ?? source.site?.$refText ?? null,
            category: source.category ?? null,
            scope: figures?.scope ?? null,
            activity: source.activity ? activityOf(source.activity, activity, activityUnit) : null,
            factor: source.factor
                ? {
                      expression: textOf(source.factor),
                      name: factorNode ? factorName(factorNode) : null,
                      // as written (`56100 kgCO2/TJ`), else in a conventional unit
                      values: (values ?? []).map(shownFactorValue),
                      source: factorNode?.source ?? null,
                      year: yearValue(factorNode?.year) ?? null,
                      uncertaintyPercent: factorUncertainty?.dimension.isDimensionless() ? s(factorUncertainty.value.times(HUNDRED)) : null
                  }
                : null,
            emissionsExpression: source.emissions ? textOf(source.emissions) : null,
            gases: figures ? Object.fromEntries([...figures.counted].map(([gas, grams]) => [gas, s(tonnes(grams))])) : {},
            co2e: figures ? s(tonnes(figures.co2e)) : null,
            co2eLocation: figures && figures.scope === 2 ? s(tonnes(figures.co2eLocation)) : null,
            co2eMarket: figures && figures.scope === 2 ? s(tonnes(figures.co2eMarket)) : null,
            biogenicCO2: figures && source.biogenic === 'yes' ? s(tonnes(figures.biogenicCO2)) : null,
            dataQuality: source.dataQuality ?? null,
            uncertaintyPercent: uncertainty?.dimension.isDimensionless() ? s(uncertainty.value.times(HUNDRED)) : null,
            significant: source.significant ?? null,
            computed: figures !== undefined
        };
    });

    const gwpValues = settings.gwpValues;
    const uncertainty = inventoryUncertainty(services, model);
    const projection = semantics.Projection.of(model);
    const years = projection ? range(projection.fromYear, projection.toYear) : [];
    const coverage = clauseCoverage(services, model, diagnostics);

    const verdict = neutralityVerdict(balance, errors);
    const reasons = verdictReasons(verdict, locale);

    const products = reportProducts(services, model);
    return {
        ...(products ? { products } : {}),
        format_version: '1.5',
        locale,
        organization: {
            id: organization?.name ?? '',
            name: organization?.title ?? organization?.name ?? '',
            industry: organization?.industry ?? null,
            msScope: organization?.msScope ?? null,
            consolidation: settings.consolidation,
            period: settings.period ? { start: settings.period.start, end: settings.period.end, label: formatPeriod(settings.period) } : null,
            baseYear: yearValue(organization?.baseYear) ?? null,
            gwp: {
                set: settings.gwpSet?.name ?? null,
                title: settings.gwpSet?.title ?? null,
                source: settings.gwpSet?.sources[0] ?? null,
                justification: organization?.gwpJustification ?? null
            },
            scope2: settings.scope2
        },
        boundary: { sites },
        inventory: {
            emissions: s(balance.emissions),
            byCategory: [...balance.byCategory.keys()].sort().map(category => ({ category, co2e: s(balance.byCategory.get(category)!) })),
            byScope: {
                scope1: s(balance.byScope['1']),
                scope2Location: s(balance.byScope['2-location']),
                scope2Market: s(balance.byScope['2-market']),
                scope3: s(balance.byScope['3'])
            },
            byGas: [...balance.byGas].map(([gas, mass]) => {
                const gwp = gwpValues.get(gas);
                return { gas, tonnes: s(mass), gwp: gwp ? s(gwp) : null, co2e: gwp ? s(mass.times(gwp)) : null };
            }),
            bySite: sites.map(site => ({ site: site.id, co2e: site.co2e })),
            sources,
            biogenicCO2: s(balance.biogenicCO2),
            removals: elements.filter(isRemoval).map(removal => {
                const figures = removalFigures.get(removal);
                return { id: shownName(removal), name: removal.title ?? shownName(removal), site: removal.site?.$refText ?? null, amount: figures ? s(figures.amount) : null, method: removal.method ?? null };
            }),
            removalsTotal: s(balance.removals),
            instruments: elements.filter(isInstrument).map(instrument => {
                const quantity = semantics.Evaluator.evaluate(instrument.quantity);
                const factor = instrument.factor ? semantics.Evaluator.factorExpressionValues(instrument.factor, instrument, 'factor') : undefined;
                return {
                    id: shownName(instrument),
                    name: instrument.title ?? shownName(instrument),
                    kind: instrument.kind ?? null,
                    quantityMWh: quantity && quantity.dimension.equals(Dimension.base('energy')) ? s(quantity.value.dividedBy(MWH)) : null,
                    covers: instrument.covers.map(ref => ref.$refText),
                    factor: factor ? factor.map(value => formatFactor(value)).join(' · ') : instrument.factor ? textOf(instrument.factor) : null
                };
            }),
            completeness: completenessTable(services, balance)
        },
        uncertainty: {
            sources: uncertainty.sources.map(u => ({ id: shownName(u.source), percent: s(u.relative.times(HUNDRED)), absolute: s(u.absolute) })),
            notAssessed: uncertainty.notAssessed.map(source => shownName(source)),
            total: uncertainty.total
                ? {
                      percent: s(uncertainty.total.relative.times(HUNDRED)),
                      absolute: s(uncertainty.total.absolute),
                      assessedEmissions: s(uncertainty.total.assessedEmissions)
                  }
                : null
        },
        offsets: {
            register: balance.offsetFigures.map(figures => {
                const offset = figures.offset;
                return {
                    id: shownName(offset),
                    name: offset.title ?? shownName(offset),
                    standard: offset.standard ?? null,
                    project: offset.project ?? null,
                    registry: offset.registry ?? null,
                    serial: offset.serial ?? null,
                    kind: offset.kind ?? null,
                    vintage: yearValue(offset.vintage) ?? null,
                    quantity: s(figures.quantity),
                    retired: offset.retired ?? null,
                    retiredFor: offset.retiredFor ?? null,
                    appliesTo: offset.appliesTo?.$cstNode?.text ?? (settings.period ? formatPeriod(settings.period) : null),
                    counts: figures.counts,
                    reason: figures.reason
                };
            }),
            counted: s(balance.offsets)
        },
        balance: {
            emissions: s(balance.emissions),
            removals: s(balance.removals),
            offsets: s(balance.offsets),
            net: s(balance.net),
            complete: verdict.uncomputed === 0,
            uncomputed: verdict.uncomputed,
            neutral: verdict.neutral,
            reasons,
            errors,
            warnings
        },
        claims: elements.filter(isClaim).map(claim => {
            const document = AstUtils.getDocument(claim);
            const file = document.uri.path.split('/').pop() ?? '';
            const start = (claim.$cstNode?.range.start.line ?? 0) + 1;
            const end = (claim.$cstNode?.range.end.line ?? 0) + 1;
            return {
                id: shownName(claim),
                name: claim.title ?? shownName(claim),
                kind: claim.kind ?? null,
                period: claim.period?.$cstNode?.text ?? null,
                gates: CLAIM_GATES.filter(rule => rule !== 'CN-CLM-001' || claim.kind === 'achievement').map(rule => {
                    const messages = diagnostics.filter(d => d.rule === rule && d.severity !== 'info' && (MODEL_GATES.has(rule) || (d.file.endsWith(file) && d.line >= start && d.line <= end))).map(d => d.message);
                    return { rule, title: ruleById(rule).title[locale], passed: messages.length === 0, messages };
                })
            };
        }),
        plan: {
            years,
            projected: years.map(year => s(projection!.emissions.get(year)!)),
            targets: (projection?.targets ?? []).map(target => {
                const row = (pick: 'projected' | 'allowed' | 'gap') =>
                    years.map(year => {
                        const entry = target.years.get(year);
                        return entry ? s(entry[pick]) : null;
                    });
                return {
                    id: shownName(target.target),
                    name: target.target.title ?? shownName(target.target),
                    kind: target.target.kind ?? null,
                    year: yearValue(target.target.year) ?? null,
                    unit: target.unit,
                    projected: row('projected'),
                    allowed: row('allowed'),
                    gap: row('gap'),
                    firstMissed: target.firstMissed ?? null
                };
            })
        },
        coverage: coverage.map(row => ({ ...row, title: row.title[locale] })),
        findings: [...diagnostics]
            .map(d => ({ clause: clauseOf(d.rule), rule: d.rule, severity: d.severity, message: d.message, file: d.file, line: d.line }))
            .sort((a, b) => compareClauses(a.clause, b.clause) || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)),
        provenance: options.provenance
    };
}

function textOf(node: { $cstNode?: { text: string } }): string {
    return (node.$cstNode?.text ?? '').replace(/\s+/g, ' ').trim();
}

/** A library factor's qualified name (`ipcc2006.natural_gas`), a model's factor's own. */
function factorName(factor: { name: string; $container?: { $type: string; name?: string } }): string {
    return factor.$container?.$type === 'Library' ? `${factor.$container.name}.${factor.name}` : factor.name;
}

function formatFactor(value: { gas: string; value: Rational; per: Dimension }): string {
    const unit = displayUnit(Dimension.massOf(value.gas).dividedBy(value.per), value.value);
    return `${value.value.dividedBy(unit.size).toString()} ${unit.name}`;
}

function range(from: number, to: number): number[] {
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function clauseOf(rule: string): string | null {
    try {
        return ruleById(rule).clause;
    } catch {
        return null;
    }
}

/** Clause order: 4.1 < 4.3 < 6.2 < 10.2; language rules (null) first. */
function compareClauses(a: string | null, b: string | null): number {
    const key = (clause: string | null) => (clause === null ? [0, 0] : clause === 'ISO 14068-1' ? [9, 1.5] : clause.split('.').map(Number));
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || (x[1] ?? 0) - (y[1] ?? 0);
}

/** The activity as written and its value: in the unit the user wrote (`320_000 MWh`) where it is a number with units, else in a display unit. */
function activityOf(expression: Expression, activity: Quantity | undefined, unit: ReturnType<typeof displayUnit> | undefined) {
    const written = writtenUnit(expression);
    if (written) return { expression: textOf(expression), value: Rational.parse(written.number).toString(), unit: written.unit };
    return {
        expression: textOf(expression),
        value: activity && unit ? s(activity.value.dividedBy(unit.size)) : null,
        unit: activity ? (activity.dimension.isDimensionless() ? '' : unit!.name) : null
    };
}

/** The report's annex of products: one entry per installation, or undefined when the model has no installation and no process. */
function reportProducts(services: CnmsServices, model: string): ReportProducts | undefined {
    const products = services.semantics.ProductFigures.ofModel(model);
    if (products.installations.length === 0 && products.unplaced.length === 0) return undefined;
    const settings = services.semantics.OrganizationSettings.of(model);
    const processes = processesJson(products);
    const goods = productsJson(products);
    return {
        installations: products.installations.map(({ installation }) => {
            const range = installation.period ? periodRange(installation.period) : settings.period;
            return {
                id: installation.name,
                name: installation.title ?? installation.name,
                country: installation.country ?? null,
                city: installation.city ?? null,
                period: range && isPeriodRange(range) ? { start: range.start, end: range.end } : null,
                processes: processes.filter(process => process.installation === installation.name),
                goods: goods.filter(good => good.installation === installation.name)
            };
        }),
        purchased: purchasedJson(products),
        uncomputed: products.uncomputed
    };
}
