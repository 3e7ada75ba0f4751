import type { DocumentInfo, Element, Let, Meter, Source } from '../generated/ast.js';
import { isDocumentInfo, isLet, isLibrary, isSource } from '../generated/ast.js';
import type { LocalizedText } from '../i18n/locale.js';
import { addDays, addDuration, addMonths, isCalendarDate } from '../semantics/dates.js';
import { Dimension } from '../semantics/dimension.js';
import { monthOf, monthsOfPeriod } from '../semantics/months.js';
import { Rational } from '../semantics/rational.js';
import { sourceMonths } from '../semantics/source-months.js';
import { usageIn } from '../semantics/usage.js';
import { metersBySource } from './support.js';
import { defineRule, type Rule, type RuleContext } from './rule.js';

/**
 * Clause 9.1 rules on monthly monitoring data, as the national ETS's
 * monitoring plans ask for them (docs/months.md): how each parameter (a
 * source's activity, a `let`) is acquired (CN-9.1-006), and its monthly evidence filed in time (CN-9.1-007).
 */
export const MONTHLY_MONITORING_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-9.1-006',
        clause: '9.1',
        severity: 'error',
        title: { en: 'Measured parameters have a calibrated meter', 'zh-CN': '实测参数具备有效校准的计量器具' },
        description: {
            en: "A source whose activity is `acquired measured` is measured by a meter (`acquired … meter`, `monitored-by`, or a meter that `measures` it), and that meter's calibration (`calibrated` + `interval`) does not expire before the end of a month the activity covers; a parameter written as a `let` and `acquired measured` names its meter (`acquired measured meter …`), whose calibration does not expire before the end of a month the sources that use it cover.",
            'zh-CN':
                '活动数据为 `acquired measured`（实测）的排放源须由计量器具测量（`acquired … meter`、`monitored-by` 或以 `measures` 指向它的计量器具），且该计量器具的校准（`calibrated` + `interval`）在活动数据覆盖的月份结束前不到期；以 `let` 写出且为 `acquired measured` 的参数须指明计量器具（`acquired measured meter …`），其校准在使用该参数的排放源所覆盖的月份结束前不到期。'
        },
        rationale: {
            en: 'The monitoring plans of the national emissions-trading scheme record, for each parameter, how it is acquired, the instrument and the responsible role; a measured value needs an instrument, and monitoring and measurement results are valid only from calibrated equipment (clause 9.1, clause 7.1; ISO 14064-1 clause 6.2).',
            'zh-CN': '全国碳排放权交易的监测计划为每个参数记录获取方式、计量器具和负责角色；实测值须有计量器具，监视和测量结果仅在设备经过校准时有效（第 9.1 条、第 7.1 条；ISO 14064-1 第 6.2 条）。'
        },
        messages: {
            noMeter: {
                en: 'Source {name} is `acquired measured` but no meter measures it: name one with `acquired measured meter …`, `monitored-by`, or a meter that `measures` it.',
                'zh-CN': '排放源 {name} 为 `acquired measured`（实测），但没有计量器具测量它：请用 `acquired measured meter …`、`monitored-by` 或以 `measures` 指向它的计量器具指明。'
            },
            expired: {
                en: 'Source {name} is measured by meter {meter}, whose calibration expired on {expires}, before the end of {months}, which its activity covers.',
                'zh-CN': '排放源 {name} 由计量器具 {meter} 测量，其校准已于 {expires} 到期，早于其活动数据所覆盖的 {months} 的月末。'
            },
            noMeterLet: {
                en: 'Parameter {name} is `acquired measured` but names no meter: name the instrument with `acquired measured meter …`.',
                'zh-CN': '参数 {name} 为 `acquired measured`（实测），但未指明计量器具：请用 `acquired measured meter …` 指明。'
            },
            expiredLet: {
                en: 'Parameter {name} is measured by meter {meter}, whose calibration expired on {expires}, before the end of {months}, which {covers}.',
                'zh-CN': '参数 {name} 由计量器具 {meter} 测量，其校准已于 {expires} 到期，早于{covers}的 {months} 的月末。'
            }
        },
        insertsElement: { noMeter: 'meter' },
        check: context => {
            const period = context.settings.period ? monthsOfPeriod(context.settings.period) : [];
            const bySource = metersBySource(context.elements);
            for (const source of context.declarations(isSource)) checkMeasured(context, source, bySource.get(source), () => ({ months: coveredMonths(context.services, source, period) }));
            for (const parameter of modelLets(context.elements)) checkMeasured(context, parameter, undefined, () => parameterMonths(context, parameter, period));
        }
    }),
    defineRule({
        id: 'CN-9.1-007',
        clause: '9.1',
        severity: 'warning',
        title: { en: 'Monthly evidence filed within the deadline', 'zh-CN': '月度证据在期限内归档' },
        description: {
            en: 'With `evidence-within` on the organisation, every month of the period of every source given month by month has a `document` that `evidences` it, `filed` no later than the deadline after the month ends.',
            'zh-CN': '组织声明 `evidence-within` 时，逐月给出活动数据的每个排放源在报告期的每个月都有以 `evidences` 证明该月的 `document`，且其 `filed` 归档日期不晚于该月结束后的期限。'
        },
        rationale: {
            en: 'The national emissions-trading scheme asks for monthly evidence of each parameter, kept within a deadline after the month; evidence filed late or not at all does not support the monitoring results (clause 9.1, clause 7.5).',
            'zh-CN': '全国碳排放权交易要求每个参数都有月度证据，并在月后规定期限内留存；逾期或缺失的证据无法支持监测结果（第 9.1 条、第 7.5 条）。'
        },
        messages: {
            missing: {
                en: 'Source {name} has no evidence filed for {months} (`evidence-within {days} d`): no `document` `evidences` these months with a `filed` date.',
                'zh-CN': '排放源 {name} 在 {months} 没有已归档的证据（`evidence-within {days} d`）：没有以 `evidences` 证明这些月份并注明 `filed` 日期的 `document`。'
            },
            late: {
                en: 'Document {document} evidences {month} of {sources}, filed {filed}: {late} after the deadline {due} (`evidence-within {days} d`).',
                'zh-CN': '文件 {document} 证明 {sources} 的 {month}，归档于 {filed}：晚于期限 {due} {late}（`evidence-within {days} d`）。'
            },
            badMonth: { en: '{value} is not a month (2024-03).', 'zh-CN': '{value} 不是月份（2024-03）。' },
            badDeadline: {
                en: '`evidence-within` is a whole number of days, such as `40 d`, not {value}.',
                'zh-CN': '`evidence-within` 应为整数天，例如 `40 d`，而不是 {value}。'
            }
        },
        messageSeverity: { badDeadline: 'error', badMonth: 'error' },
        check: context => {
            const organization = context.organization;
            const period = context.settings.period;
            if (!organization?.evidenceWithin || !period) return;
            const deadline = context.services.semantics.Evaluator.evaluate(organization.evidenceWithin);
            if (!deadline) return;
            const days = deadline.dimension.equals(Dimension.base('time')) ? deadline.value.dividedBy(HOURS_PER_DAY).toSafeInteger() : undefined;
            if (days === undefined || days < 0) {
                context.report('badDeadline', { value: organization.evidenceWithin.$cstNode?.text ?? '' }, organization, 'evidenceWithin');
                return;
            }
            // the documents filed for each month, earliest first
            const filedFor = new Map<string, DocumentInfo[]>();
            for (const document of context.declarations(isDocumentInfo)) {
                if (!document.evidence) continue;
                const month = evidencedMonth(document);
                if (!month) {
                    if (document.evidence.year !== undefined && document.evidence.month !== undefined) context.report('badMonth', { value: `${document.evidence.year}-${document.evidence.month}` }, document, 'evidence');
                    continue;
                }
                if (!document.filed || !isCalendarDate(document.filed)) continue;
                const list = filedFor.get(month);
                if (list) list.push(document);
                else filedFor.set(month, [document]);
            }
            for (const list of filedFor.values()) list.sort((a, b) => (a.filed! < b.filed! ? -1 : a.filed! > b.filed! ? 1 : 0));
            const late = new Map<DocumentInfo, { month: string; filed: string; due: string; sources: string[] }>();
            for (const source of context.declarations(isSource)) {
                if (!sourceMonths(context.services, source)) continue;
                const missing: string[] = [];
                for (const month of monthsOfPeriod(period)) {
                    const first = filedFor.get(month)?.find(document => evidencesSource(document, source));
                    if (!first) {
                        missing.push(month);
                        continue;
                    }
                    const due = addDays(lastDayOf(month), days);
                    if (first.filed! <= due) continue;
                    const entry = late.get(first) ?? { month, filed: first.filed!, due, sources: [] };
                    entry.sources.push(source.name);
                    late.set(first, entry);
                }
                if (missing.length > 0) context.report('missing', { name: source.name, months: missing.join(', '), days: String(days) }, source, 'name');
            }
            for (const [document, entry] of late) {
                const over = daysBetween(entry.due, entry.filed);
                context.report(
                    'late',
                    {
                        document: document.name,
                        month: entry.month,
                        sources: entry.sources.join(', '),
                        filed: entry.filed,
                        due: entry.due,
                        late: { en: over === 1 ? '1 day' : `${over} days`, 'zh-CN': `${over} 天` },
                        days: String(days)
                    },
                    document,
                    'filed'
                );
            }
        }
    })
];

const HOURS_PER_DAY = Rational.fromInteger(24);

/**
 * CN-9.1-006 for one declaration `acquired measured`, a source or a `let`: the
 * meter named by `acquired … meter`, else the other meters that measure it
 * (a source's `monitored-by` and `measures`), must exist, and none's
 * calibration may expire before the end of a month it covers.
 */
function checkMeasured(context: RuleContext, declaration: Source | Let, otherMeters: ReadonlySet<Meter> | undefined, covered: () => { readonly months: readonly string[]; readonly covers?: LocalizedText }): void {
    const acquisition = declaration.acquisition;
    if (acquisition?.method !== 'measured') return;
    // a meter named but not found is a linking error already
    if (acquisition.meter && !acquisition.meter.ref) return;
    const meters: Meter[] = acquisition.meter?.ref ? [acquisition.meter.ref] : [...(otherMeters ?? [])];
    const parameter = isLet(declaration);
    if (meters.length === 0) {
        context.report(parameter ? 'noMeterLet' : 'noMeter', { name: declaration.name }, declaration, 'acquisition');
        return;
    }
    const { months, covers } = covered();
    for (const meter of meters) {
        // a meter without a calibration date or interval is CN-7.1-002's finding
        if (!meter.calibrated || !meter.interval || !isCalendarDate(meter.calibrated)) continue;
        const expires = addDuration(meter.calibrated, meter.interval);
        if (!expires) continue;
        const expired = months.filter(month => lastDayOf(month) > expires);
        if (expired.length === 0) continue;
        const params = { name: declaration.name, meter: meter.name, expires, months: expired.join(', ') };
        context.report(parameter ? 'expiredLet' : 'expired', covers ? { ...params, covers } : params, declaration, 'acquisition');
    }
}

/** The `let`s of the model: top-level and in the model's own libraries (the built-in ones are not its parameters). */
function modelLets(elements: readonly Element[]): Let[] {
    return elements.flatMap(element => (isLet(element) ? [element] : isLibrary(element) ? element.elements.filter(isLet) : []));
}

/** The months a measured `let` covers: those the sources that use it cover, else (no source uses it) the whole period. */
function parameterMonths(context: RuleContext, parameter: Let, period: readonly string[]): { months: readonly string[]; covers: LocalizedText } {
    const sources = usageIn(context.balance, parameter, context.services.semantics.FigureMemo).sources;
    if (sources.length === 0) return { months: period, covers: { en: 'the period covers (no source uses it)', 'zh-CN': '报告期（没有排放源使用它）' } };
    const months = new Set<string>();
    for (const source of sources) for (const month of coveredMonths(context.services, source, period)) months.add(month);
    return { months: [...months].sort(), covers: { en: 'the sources that use it cover', 'zh-CN': '使用它的排放源所覆盖' } };
}

/** The months a measured parameter covers: those its activity gives or fills month by month, else the whole period. */
function coveredMonths(services: Parameters<typeof sourceMonths>[0], source: Source, period: readonly string[]): readonly string[] {
    const months = sourceMonths(services, source);
    return months ? [...months.given, ...months.filled].sort() : period;
}

/** The last day of a month (`2024-02` → `2024-02-29`). */
function lastDayOf(month: string): string {
    return addDays(addMonths(`${month}-01`, 1), -1);
}

/** The month a document evidences, or undefined when it is none (or not written). */
function evidencedMonth(document: DocumentInfo): string | undefined {
    return document.evidence ? monthOf(document.evidence.year, document.evidence.month) : undefined;
}

/** A document evidences a source when it names it, or names no source at all. */
function evidencesSource(document: DocumentInfo, source: Source): boolean {
    const sources = document.evidence?.sources ?? [];
    return sources.length === 0 || sources.some(reference => reference.ref === source);
}

/** Whole days from one ISO date to a later one. */
function daysBetween(from: string, to: string): number {
    return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
