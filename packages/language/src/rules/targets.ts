import type { Plan, Reduction, Target } from '../generated/ast.js';
import { isClaim, isPlan, isPolicy, isSource, isTarget, isUnitDecl } from '../generated/ast.js';
import { coveredEmissions, targetCovers } from '../semantics/balance.js';
import { addMonths, yearValue } from '../semantics/dates.js';
import { Dimension } from '../semantics/dimension.js';
import { formatPeriod } from '../semantics/period.js';
import { formatQuantity } from '../semantics/quantity-display.js';
import { GRAMS_PER_TONNE, Quantity, tonnes } from '../semantics/quantity.js';
import { Rational } from '../semantics/rational.js';
import { isBuiltinUri } from '../workspace/builtin-library.js';
import { defineRule, type Rule, type RuleContext } from './rule.js';

const MASS_OF_CO2E = Dimension.massOf('CO2e');

/** A year literal as a year (never a figure), or undefined when it is not four digits. */

/** The calendar year in which the reporting period starts. */
function periodYear(context: RuleContext): number | undefined {
    return context.settings.period ? Number(context.settings.period.start.slice(0, 4)) : undefined;
}

/**
 * What a target measures and the level it sets, in base units of its
 * dimension (grams of CO2e, or grams of CO2e per base unit of output):
 * `figure(tonnes)` turns the period's covered emissions into that measure.
 */
interface TargetMeasure {
    readonly dimension: Dimension;
    /** The base-year value, where the target gives one that fits. */
    readonly base?: Rational;
    /** The value the target allows at its year. */
    readonly level: Rational;
    /** The target's measure of a mass of CO2e in tonnes (itself, or per unit of output). */
    readonly figure: (emissionsInTonnes: Rational) => Rational;
}

function targetMeasure(target: Target, context: RuleContext): TargetMeasure | undefined {
    const evaluator = context.services.semantics.Evaluator;
    const base = evaluator.evaluate(target.base);
    const reduce = evaluator.evaluate(target.reduce);
    const share = reduce?.dimension.isDimensionless() ? reduce.value : undefined;
    const grams = (t: Rational) => t.times(GRAMS_PER_TONNE);
    if (target.kind === 'carbon-neutral') {
        return { dimension: MASS_OF_CO2E, base: base?.dimension.equals(MASS_OF_CO2E) ? base.value : undefined, level: Rational.ZERO, figure: grams };
    }
    if (target.kind === 'absolute-reduction') {
        if (!base || !base.dimension.equals(MASS_OF_CO2E) || share === undefined) return undefined;
        return { dimension: MASS_OF_CO2E, base: base.value, level: base.value.times(Rational.ONE.minus(share)), figure: grams };
    }
    if (target.kind === 'intensity-reduction') {
        const output = target.per?.ref ? evaluator.evaluate(target.per.ref.value) : undefined;
        if (!output || output.value.isZero() || !base || share === undefined) return undefined;
        const dimension = MASS_OF_CO2E.dividedBy(output.dimension);
        if (!base.dimension.equals(dimension)) return undefined;
        return { dimension, base: base.value, level: base.value.times(Rational.ONE.minus(share)), figure: t => grams(t).dividedBy(output.value) };
    }
    return undefined;
}

/** A value of a target's measure for a reader: `3,109,570.000 tCO2e`, `2.073 tCO2e/t`. */
function measureText(value: Rational, dimension: Dimension, context: RuleContext): string {
    return formatQuantity(new Quantity(value, dimension), context.services.I18n.locale);
}

/** The plans that list a target. */
function plansOf(target: Target, context: RuleContext): Plan[] {
    return context.declarations(isPlan).filter(plan => plan.targets.some(ref => ref.ref === target));
}

/** Hours in the language's year (`unit yr = 365 d` of the built-in library), for cuts given per year. */
function yearInBaseUnits(context: RuleContext): Rational | undefined {
    const node = context.services.shared.workspace.IndexManager.allElements('UnitDecl').find(desc => desc.name === 'yr' && isBuiltinUri(desc.documentUri))?.node;
    return isUnitDecl(node) ? context.services.semantics.Evaluator.unitValue(node)?.value : undefined;
}

/**
 * What a reduction takes off the emissions a target covers, in tCO2e per year:
 * a share of the current emissions of the covered sources it acts on, or its
 * amount (per year) split over the sources it acts on in proportion to their
 * emissions. Undefined when its `cuts` cannot be read.
 */
function reductionCut(reduction: Reduction, target: Target, context: RuleContext): Rational | undefined {
    const cuts = context.services.semantics.Evaluator.evaluate(reduction.cuts);
    if (!cuts) return undefined;
    const sourceFigures = context.services.semantics.SourceFigures;
    let covered = Rational.ZERO;
    let all = Rational.ZERO;
    let allCovered = true;
    for (const ref of reduction.on) {
        const source = ref.ref;
        if (!isSource(source)) continue;
        const figures = sourceFigures.of(source);
        if (!figures) continue;
        const co2e = tonnes(figures.co2e);
        all = all.plus(co2e);
        if (targetCovers(target, figures.category)) covered = covered.plus(co2e);
        else allCovered = false;
    }
    if (cuts.dimension.isDimensionless()) return covered.times(cuts.value);
    let amount: Rational | undefined;
    if (cuts.dimension.equals(MASS_OF_CO2E)) amount = tonnes(cuts.value);
    else if (cuts.dimension.equals(MASS_OF_CO2E.dividedBy(Dimension.base('time')))) {
        const year = yearInBaseUnits(context);
        amount = year ? tonnes(cuts.value.times(year)) : undefined;
    }
    if (amount === undefined) return undefined;
    if (all.isZero()) return allCovered ? amount : Rational.ZERO;
    return amount.times(covered).dividedBy(all);
}

/** The reductions that shape the projection of the period: in a plan of the target, from the period's year or earlier, and not yet in the data. */
function projectedReductions(target: Target, year: number, context: RuleContext): Reduction[] {
    const reductions = new Set<Reduction>();
    for (const plan of plansOf(target, context)) {
        for (const ref of plan.reductions) {
            const reduction = ref.ref;
            const from = yearValue(reduction?.from);
            if (!reduction || from === undefined || from > year) continue;
            if (reduction.status === 'implemented' || reduction.status === 'verified') continue;
            reductions.add(reduction);
        }
    }
    return [...reductions];
}

/** Clause 6.5: targets and the carbon-neutrality management plan. */
export const TARGET_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-6.5-001',
        clause: '6.5',
        severity: 'error',
        title: { en: 'Targets are complete', 'zh-CN': '目标要素完整' },
        description: {
            en: 'Every target has `kind`, `base-year`, `base` and `year`; a reduction target (absolute or intensity) has `reduce`, a carbon-neutral target its coverage (`categories`). A target without a kind needs one of the two.',
            'zh-CN': '每个目标都有 `kind`、`base-year`、`base` 和 `year`；减排目标（绝对量或强度）有 `reduce`，碳中和目标有覆盖范围 `categories`。未声明类型的目标至少须有二者之一。'
        },
        rationale: {
            en: 'Carbon-neutrality targets must be measurable: what they cover, from which base-year level and by when (ISO 14068-1 clause 8, ISO 14064-1 clause 6.5). Without these the plan cannot be tracked.',
            'zh-CN': '碳中和目标必须可测量：覆盖哪些排放、以哪一基准年的水平为起点、在哪一年实现（ISO 14068-1 第 8 条、ISO 14064-1 第 6.5 条）。缺少这些要素，就无法跟踪计划的进展。'
        },
        messages: {
            missingKind: { en: 'Target {name} has no `kind` (carbon-neutral, absolute-reduction or intensity-reduction).', 'zh-CN': '目标 {name} 未声明 `kind`（carbon-neutral、absolute-reduction 或 intensity-reduction）。' },
            missingBaseYear: { en: 'Target {name} has no `base-year`.', 'zh-CN': '目标 {name} 未声明基准年 `base-year`。' },
            missingBase: { en: 'Target {name} has no `base`: the base-year level it is measured from.', 'zh-CN': '目标 {name} 未声明 `base`，即作为衡量起点的基准年排放水平。' },
            missingYear: { en: 'Target {name} has no `year` by which it is to be met.', 'zh-CN': '目标 {name} 未声明实现年份 `year`。' },
            missingReduce: { en: 'Reduction target {name} has no `reduce`: by how much it cuts from the base is unknown.', 'zh-CN': '减排目标 {name} 未声明 `reduce`，无法确定相对基准的减排幅度。' },
            missingCategories: { en: 'Carbon-neutral target {name} has no `categories`: which emissions it covers is unknown.', 'zh-CN': '碳中和目标 {name} 未声明 `categories`，无法确定其覆盖的排放范围。' },
            missingReduceOrCategories: { en: 'Target {name} has neither `reduce` nor `categories`.', 'zh-CN': '目标 {name} 既没有 `reduce`，也没有 `categories`。' }
        },
        insertsProperty: {
            missingKind: 'kind ${1:absolute-reduction}',
            missingBaseYear: 'base-year ${1:2020}',
            missingBase: 'base ${1:1_200_000} tCO2e',
            missingYear: 'year ${1:2030}',
            missingReduce: 'reduce ${1:30} %',
            missingCategories: 'categories ${1:1, 2}',
            missingReduceOrCategories: 'categories ${1:1, 2}'
        },
        check: context => {
            for (const target of context.declarations(isTarget)) {
                const params = { name: target.name };
                if (!target.kind) context.report('missingKind', params, target, 'name');
                if (target.baseYear === undefined) context.report('missingBaseYear', params, target, 'name');
                if (!target.base) context.report('missingBase', params, target, 'name');
                if (target.year === undefined) context.report('missingYear', params, target, 'name');
                if (target.kind === 'carbon-neutral') {
                    if (target.categories.length === 0) context.report('missingCategories', params, target, 'name');
                } else if (target.kind) {
                    if (!target.reduce) context.report('missingReduce', params, target, 'name');
                } else if (!target.reduce && target.categories.length === 0) {
                    context.report('missingReduceOrCategories', params, target, 'name');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-6.5-002',
        clause: '6.5',
        severity: 'error',
        title: { en: 'Target years hold', 'zh-CN': '目标年份合理且已到期目标已实现' },
        description: {
            en: "A target whose `base-year` is not before its `year`; a target whose year lies before the reporting period and that the period's figures do not meet.",
            'zh-CN': '目标的 `base-year` 不早于其 `year`；或目标年份早于报告期，而本期数据未达到该目标。'
        },
        rationale: {
            en: 'A target reduces from a base year towards a later year (ISO 14068-1 clause 8). Once its year has passed, the organisation must meet it; a missed target cannot support a claim and must be addressed in the plan.',
            'zh-CN': '目标是从基准年出发、在之后的某一年实现的减排（ISO 14068-1 第 8 条）。目标年份一过，组织就必须已经实现；未实现的目标不能支撑碳中和声明，须在计划中加以处理。'
        },
        messages: {
            order: { en: 'Target {name} is for {year}, which is not after its base year {baseYear}.', 'zh-CN': '目标 {name} 的目标年份 {year} 不晚于其基准年 {baseYear}。' },
            missed: {
                en: "Target {name} was due in {year}, before the period {period}, and is not met: the period's figure is {current}, the target allows {allowed}.",
                'zh-CN': '目标 {name} 应于 {year} 年实现，早于报告期 {period}，但尚未实现：本期数值为 {current}，目标允许 {allowed}。'
            }
        },
        check: context => {
            const current = periodYear(context);
            for (const target of context.declarations(isTarget)) {
                const year = yearValue(target.year);
                const baseYear = yearValue(target.baseYear);
                if (year !== undefined && baseYear !== undefined && baseYear >= year) {
                    context.report('order', { name: target.name, year: target.year!, baseYear: target.baseYear! }, target, 'year');
                    continue;
                }
                if (year === undefined || current === undefined || year >= current) continue;
                const measure = targetMeasure(target, context);
                if (!measure) continue;
                let emissions = coveredEmissions(target, context.balance);
                // a carbon-neutral target is met when what it covers, less removals and offsets, is at or below zero
                if (target.kind === 'carbon-neutral') emissions = emissions.minus(context.balance.removals).minus(context.balance.offsets);
                const figure = measure.figure(emissions);
                if (figure.compare(measure.level) > 0) {
                    context.report(
                        'missed',
                        {
                            name: target.name,
                            year: target.year!,
                            period: formatPeriod(context.settings.period!),
                            current: measureText(figure, measure.dimension, context),
                            allowed: measureText(measure.level, measure.dimension, context)
                        },
                        target,
                        'year'
                    );
                }
            }
        }
    }),
    defineRule({
        id: 'CN-6.5-003',
        clause: '6.5',
        severity: 'error',
        title: { en: 'Intensity targets name their output', 'zh-CN': '强度目标指明产出' },
        description: {
            en: "An intensity target without `per` naming an `output`, or whose `base` is not tCO2e per the output's dimension.",
            'zh-CN': '强度目标未用 `per` 指明产出 `output`，或其 `base` 的量纲不是“tCO2e/产出的量纲”。'
        },
        rationale: {
            en: "An intensity target is emissions per unit of output (ISO 14064-1 clause 6.5); without the output, or with a base of another dimension, it cannot be measured against the period's figures.",
            'zh-CN': '强度目标是单位产出的排放量（ISO 14064-1 第 6.5 条）；没有产出，或基准值的量纲不符，就无法用本期数据衡量。'
        },
        messages: {
            missingPer: { en: 'Intensity target {name} has no `per` naming the output its intensity is measured against.', 'zh-CN': '强度目标 {name} 未用 `per` 指明衡量排放强度所依据的产出。' },
            baseDimension: { en: 'The base of intensity target {name} is {actual}; per output {output} it must be {expected}.', 'zh-CN': '强度目标 {name} 的基准值为 {actual}；按产出 {output} 计应为 {expected}。' }
        },
        insertsProperty: { missingPer: 'per ${1:output_name}' },
        check: context => {
            const evaluator = context.services.semantics.Evaluator;
            for (const target of context.declarations(isTarget)) {
                if (target.kind !== 'intensity-reduction') continue;
                if (!target.per) {
                    context.report('missingPer', { name: target.name }, target, 'name');
                    continue;
                }
                const output = target.per.ref;
                const quantity = output ? evaluator.evaluate(output.value) : undefined;
                const base = evaluator.evaluate(target.base);
                if (!output || !quantity || !base) continue;
                const expected = MASS_OF_CO2E.dividedBy(quantity.dimension);
                if (!base.dimension.equals(expected)) {
                    context.report('baseDimension', { name: target.name, output: output.name, actual: base.dimension, expected }, target, 'base');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-6.5-004',
        clause: '6.5',
        severity: 'warning',
        title: { en: 'Interim milestones', 'zh-CN': '阶段性目标' },
        description: {
            en: "A target more than 5 years after the period with no nearer target (from the period's year on) in the same plan: no interim milestone.",
            'zh-CN': '目标年份比报告期晚 5 年以上，而同一计划中没有更近的目标（报告期当年及以后）：缺少阶段性目标。'
        },
        rationale: {
            en: "Long-term carbon-neutrality targets need interim targets so that progress can be evaluated along the way (ISO 14068-1 clause 8). A target in no plan is compared with the model's other targets.",
            'zh-CN': '长期碳中和目标需要阶段性目标，以便在过程中评价进展（ISO 14068-1 第 8 条）。未列入任何计划的目标与模型中的其他目标比较。'
        },
        messages: {
            noMilestone: {
                en: 'Target {name} is for {year}, {years} years after the period, and no nearer target of its plan marks the way: set an interim target within 5 years.',
                'zh-CN': '目标 {name} 的年份为 {year}，比报告期晚 {years} 年，其计划中没有更近的目标：请设定 5 年内的阶段性目标。'
            }
        },
        check: context => {
            const current = periodYear(context);
            if (current === undefined) return;
            const targets = context.declarations(isTarget);
            for (const target of targets) {
                const year = yearValue(target.year);
                if (year === undefined || year - current <= 5) continue;
                const plans = plansOf(target, context);
                const peers = plans.length > 0 ? plans.flatMap(plan => plan.targets.map(ref => ref.ref)) : targets;
                const nearer = peers.some(peer => {
                    const peerYear = peer && peer !== target ? yearValue(peer.year) : undefined;
                    return peerYear !== undefined && peerYear >= current && peerYear < year;
                });
                if (!nearer) context.report('noMilestone', { name: target.name, year: target.year!, years: String(year - current) }, target, 'year');
            }
        }
    }),
    defineRule({
        id: 'CN-6.5-005',
        clause: '6.5',
        severity: 'warning',
        title: { en: 'On track to the target', 'zh-CN': '按目标路径推进' },
        description: {
            en: "The projected emissions of the period, with the plan's reductions, lie above a straight path from the target's base (at its base year) to its level (at its year).",
            'zh-CN': '计入计划减排措施后的本期预计排放，高于从目标基准（基准年）到目标水平（目标年）的直线路径。'
        },
        rationale: {
            en: "The plan must show how the targets will be reached (ISO 14068-1 clause 8); a period above the straight path means the reductions are behind. The projection is the period's covered emissions less the plan's reductions that start in or before the period and are not yet implemented or verified (those already show in the measured data, language.md §3); for a carbon-neutral target, whose level is a net balance of zero, removals and retired offsets of the period are also taken off.",
            'zh-CN':
                '计划须说明如何实现目标（ISO 14068-1 第 8 条）；本期高于直线路径，说明减排进度落后。预计排放为本期目标覆盖范围内的排放，减去计划中在本期或更早开始、且尚未实施或核证的减排措施（已实施的措施已体现在实测数据中，见语言规范 §3）；碳中和目标的目标水平是净排放为零，因此还须扣除本期的清除量和已注销的抵销量。'
        },
        messages: {
            aboveTrajectory: {
                en: "Target {name}: the projection for {period} ({projected}, with the plan's reductions) lies above {path} on the straight path from {base} in {baseYear} to {level} in {year}.",
                'zh-CN': '目标 {name}：{period} 年的预计值（计入计划减排措施后为 {projected}）高于从 {baseYear} 年 {base} 到 {year} 年 {level} 的直线路径上的 {path}。'
            }
        },
        check: context => {
            const current = periodYear(context);
            if (current === undefined) return;
            for (const target of context.declarations(isTarget)) {
                const year = yearValue(target.year);
                const baseYear = yearValue(target.baseYear);
                if (year === undefined || baseYear === undefined || baseYear >= year || current < baseYear || current > year) continue;
                const measure = targetMeasure(target, context);
                if (!measure || measure.base === undefined) continue;
                let projected = coveredEmissions(target, context.balance);
                // a carbon-neutral target's path leads to a net balance of zero: removals and offsets count towards it
                if (target.kind === 'carbon-neutral') projected = projected.minus(context.balance.removals).minus(context.balance.offsets);
                for (const reduction of projectedReductions(target, current, context)) {
                    const cut = reductionCut(reduction, target, context);
                    if (cut) projected = projected.minus(cut);
                }
                const figure = measure.figure(projected);
                const elapsed = Rational.fromInteger(current - baseYear).dividedBy(Rational.fromInteger(year - baseYear));
                const path = measure.base.plus(measure.level.minus(measure.base).times(elapsed));
                if (figure.compare(path) > 0) {
                    const text = (value: Rational) => measureText(value, measure.dimension, context);
                    context.report(
                        'aboveTrajectory',
                        {
                            name: target.name,
                            period: String(current),
                            projected: text(figure),
                            path: text(path),
                            base: text(measure.base),
                            baseYear: target.baseYear!,
                            level: text(measure.level),
                            year: target.year!
                        },
                        target,
                        'name'
                    );
                }
            }
        }
    }),
    defineRule({
        id: 'CN-6.5-006',
        clause: '6.5',
        severity: 'warning',
        title: { en: 'Policy and target agree', 'zh-CN': '方针与目标一致' },
        description: {
            en: "The policy's `neutral-by` year differs from the year of every `carbon-neutral` target.",
            'zh-CN': '方针的 `neutral-by` 年份与所有 `carbon-neutral` 目标的年份都不一致。'
        },
        rationale: {
            en: 'Targets are set consistent with the policy (ISO 14068-1 clause 8); a policy that commits to carbon neutrality by one year and a target for another contradict each other.',
            'zh-CN': '目标应与方针保持一致（ISO 14068-1 第 8 条）；方针承诺在某一年实现碳中和，目标却定在另一年，二者相互矛盾。'
        },
        messages: {
            differs: {
                en: 'Policy {name} commits to carbon neutrality by {neutralBy}, but the carbon-neutral target is for another year: {targets}.',
                'zh-CN': '方针 {name} 承诺在 {neutralBy} 年前实现碳中和，但碳中和目标的年份不同：{targets}。'
            }
        },
        check: context => {
            const targets = context.declarations(isTarget).filter(target => target.kind === 'carbon-neutral' && yearValue(target.year) !== undefined);
            if (targets.length === 0) return;
            for (const policy of context.declarations(isPolicy)) {
                const neutralBy = yearValue(policy.neutralBy);
                if (neutralBy === undefined || targets.some(target => yearValue(target.year) === neutralBy)) continue;
                context.report(
                    'differs',
                    {
                        name: policy.name,
                        neutralBy: policy.neutralBy!,
                        targets: targets
                            .filter(target => target.name)
                            .map(target => `${target.name} (${target.year})`)
                            .join(', ')
                    },
                    policy,
                    'neutralBy'
                );
            }
        }
    }),
    defineRule({
        id: 'CN-6.5-007',
        clause: '6.5',
        severity: 'error',
        title: { en: 'A carbon-neutrality management plan', 'zh-CN': '碳中和管理计划' },
        description: {
            en: 'A `carbon-neutral` target in no plan, or a claim without a `plan`; a plan without targets, reductions or an `offset-strategy`.',
            'zh-CN': '`carbon-neutral` 目标未列入任何计划，或声明没有 `plan`；计划缺少目标、减排措施或 `offset-strategy`。'
        },
        rationale: {
            en: 'ISO 14068-1 clause 8 requires a carbon-neutrality management plan for every commitment and claim: the targets, the reduction measures to reach them, and the strategy for offsetting residual emissions.',
            'zh-CN': 'ISO 14068-1 第 8 条要求每一项碳中和承诺和声明都有碳中和管理计划：包括目标、实现目标的减排措施以及剩余排放的抵销策略。'
        },
        messages: {
            targetWithoutPlan: { en: 'Carbon-neutral target {name} is in no plan: list it under `targets` of a carbon-neutrality management plan.', 'zh-CN': '碳中和目标 {name} 未列入任何计划：请将其列入碳中和管理计划的 `targets`。' },
            claimWithoutPlan: { en: 'Claim {name} names no `plan`: a carbon-neutrality claim rests on a carbon-neutrality management plan.', 'zh-CN': '声明 {name} 未指明 `plan`：碳中和声明须以碳中和管理计划为依据。' },
            planWithoutTargets: { en: 'Plan {name} has no `targets`.', 'zh-CN': '计划 {name} 没有 `targets`（目标）。' },
            planWithoutReductions: { en: 'Plan {name} has no `reductions`: reduction comes before offsetting.', 'zh-CN': '计划 {name} 没有 `reductions`（减排措施）：应先减排，后抵销。' },
            planWithoutOffsetStrategy: { en: 'Plan {name} has no `offset-strategy` for residual emissions.', 'zh-CN': '计划 {name} 没有针对剩余排放的 `offset-strategy`（抵销策略）。' }
        },
        insertsProperty: {
            claimWithoutPlan: 'plan ${1:plan_name}',
            planWithoutTargets: 'targets ${1:target_name}',
            planWithoutReductions: 'reductions ${1:reduction_name}',
            planWithoutOffsetStrategy: 'offset-strategy "${1:Offsets for residual emissions only}"'
        },
        check: context => {
            const plans = context.declarations(isPlan);
            for (const element of context.elements) {
                if (isTarget(element) && element.kind === 'carbon-neutral' && !plans.some(plan => plan.targets.some(ref => ref.ref === element))) {
                    context.report('targetWithoutPlan', { name: element.name }, element, 'name');
                } else if (isClaim(element) && !element.plan) {
                    context.report('claimWithoutPlan', { name: element.name }, element, 'name');
                } else if (isPlan(element)) {
                    if (element.targets.length === 0) context.report('planWithoutTargets', { name: element.name }, element, 'name');
                    if (element.reductions.length === 0) context.report('planWithoutReductions', { name: element.name }, element, 'name');
                    if (!element.offsetStrategy?.trim()) context.report('planWithoutOffsetStrategy', { name: element.name }, element, 'name');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-6.5-008',
        clause: '6.5',
        severity: 'warning',
        title: { en: 'The plan is kept up to date', 'zh-CN': '计划保持更新' },
        description: {
            en: 'A plan not `updated` in the 12 months before the end of the period.',
            'zh-CN': '计划在报告期结束前 12 个月内没有更新（`updated`）。'
        },
        rationale: {
            en: "The carbon-neutrality management plan is reviewed and updated at least once a year (ISO 14068-1 clause 8), so that it reflects the period's figures and the progress of its measures.",
            'zh-CN': '碳中和管理计划至少每年评审和更新一次（ISO 14068-1 第 8 条），以反映本期数据和各项措施的进展。'
        },
        messages: {
            missing: { en: 'Plan {name} has no `updated` date; it must be updated at least once a year.', 'zh-CN': '计划 {name} 未声明更新日期 `updated`；计划至少每年更新一次。' },
            stale: { en: 'Plan {name} was last updated on {updated}, more than 12 months before the end of the period ({end}).', 'zh-CN': '计划 {name} 最近一次更新于 {updated}，早于报告期结束日（{end}）前 12 个月。' }
        },
        insertsProperty: { missing: 'updated ${1:2024-12-01}' },
        check: context => {
            const period = context.settings.period;
            for (const plan of context.declarations(isPlan)) {
                if (!plan.updated) {
                    context.report('missing', { name: plan.name }, plan, 'name');
                } else if (period && plan.updated < addMonths(period.end, -12)) {
                    context.report('stale', { name: plan.name, updated: plan.updated, end: period.end }, plan, 'updated');
                }
            }
        }
    })
];
