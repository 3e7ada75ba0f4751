import type { Source } from '../generated/ast.js';
import { isControl, isDesign, isProcurement, isSource } from '../generated/ast.js';
import { tonnes } from '../semantics/quantity.js';
import { Rational } from '../semantics/rational.js';
import { largestSourcesUpTo } from './significant-sources.js';
import { defineRule, type Rule, type RuleContext } from './rule.js';

const EIGHTY_PERCENT = Rational.parse('0.8');
const HUNDRED = Rational.fromInteger(100);

/** A source that CN-8.1-001 holds significant, and why. */
interface SignificantSource {
    readonly source: Source;
    /** Its counted emissions in grams of CO2e (the evaluator's figure), when they could be computed. */
    readonly co2e?: Rational;
    /** Among the largest sources that make up 80 % of emissions. */
    readonly large: boolean;
}

/**
 * The significant sources of clause 8.1: the largest sources (by the
 * evaluator's counted emissions) that together make up 80 % of the model's
 * emissions, and every source marked `significant yes`.
 */
function significantSources(context: RuleContext): SignificantSource[] {
    const large = largestSourcesUpTo(context.balance, context.services.references.Models.keyObject(context.model), EIGHTY_PERCENT);
    const sourceFigures = context.services.semantics.SourceFigures;
    return context
        .declarations(isSource)
        .filter(source => large.has(source) || source.significant === 'yes')
        .map(source => ({ source, co2e: large.get(source) ?? sourceFigures.of(source)?.co2e, large: large.has(source) }));
}

/** Clause 8: operation (8.1 operational control, 8.2 design, 8.3 procurement). */
export const OPERATION_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-8.1-001',
        clause: '8.1',
        severity: 'warning',
        title: { en: 'Operational control of significant sources', 'zh-CN': '重要排放源的运行控制' },
        description: {
            en: "Every significant source has a `control` whose `applies-to` names it. Significant are the largest sources, by the evaluator's counted emissions, that together make up 80 % of the model's emissions, and every source marked `significant yes`.",
            'zh-CN': '每个重要排放源都有 `control` 以 `applies-to` 指向它。重要排放源指按计算所得排放量从大到小、合计占模型排放总量 80 % 的排放源，以及所有标为 `significant yes` 的排放源。'
        },
        rationale: {
            en: 'The organisation plans, implements and controls the processes that drive its significant emissions, with operating criteria (clause 8.1).',
            'zh-CN': '组织应对产生重要排放的过程进行策划、实施和控制，并建立运行准则（第 8.1 条）。'
        },
        messages: {
            uncontrolled: {
                en: 'Source {name} emits {emissions} ({share} of emissions), among the largest sources that make up 80 % of the total, but no `control` applies to it.',
                'zh-CN': '排放源 {name} 排放 {emissions}（占排放总量的 {share}），属于合计占总量 80 % 的最大排放源之一，但没有任何 `control` 适用于它。'
            },
            uncontrolledMarked: {
                en: 'Source {name} is marked `significant yes` but no `control` applies to it.',
                'zh-CN': '排放源 {name} 标为 `significant yes`，但没有任何 `control` 适用于它。'
            }
        },
        insertsElement: 'control',
        check: context => {
            const controlled = new Set<Source>();
            for (const control of context.declarations(isControl)) {
                for (const ref of control.appliesTo) if (ref.ref) controlled.add(ref.ref);
            }
            const total = context.balance.emissions;
            for (const { source, co2e, large } of significantSources(context)) {
                if (controlled.has(source)) continue;
                if (large && co2e) {
                    context.report(
                        'uncontrolled',
                        {
                            name: source.name,
                            emissions: { figure: co2e, unit: 'tCO2e' },
                            share: { figure: tonnes(co2e).dividedBy(total).times(HUNDRED), unit: '%' }
                        },
                        source,
                        'name'
                    );
                } else {
                    context.report('uncontrolledMarked', { name: source.name }, source, 'name');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-8.2-001',
        clause: '8.2',
        severity: 'info',
        title: { en: 'Low-carbon design criteria', 'zh-CN': '低碳设计准则' },
        description: {
            en: 'The model has a `design` with `criteria`: the carbon criteria applied when processes, plants and products are designed or changed.',
            'zh-CN': '模型中有带 `criteria` 的 `design`：在设计或变更工艺、装置和产品时采用的低碳准则。'
        },
        rationale: {
            en: 'Carbon performance is considered in the design of new, modified and renovated facilities, processes and products (clause 8.2).',
            'zh-CN': '在新建、改建和扩建设施以及工艺、产品的设计中考虑碳绩效（第 8.2 条）。'
        },
        messages: {
            missing: {
                en: 'No `design` criteria: organization {name} records no low-carbon criteria for the design of processes, plants or products.',
                'zh-CN': '没有 `design` 设计准则：组织 {name} 未记录工艺、装置或产品设计的低碳准则。'
            },
            missingCriteria: {
                en: 'Design {name} has no `criteria`.',
                'zh-CN': '设计 {name} 没有 `criteria` 准则。'
            }
        },
        insertsElement: 'design',
        insertsProperty: { missingCriteria: 'criteria "${1:criteria}"' },
        check: context => {
            const designs = context.declarations(isDesign);
            if (designs.length === 0) {
                context.reportMissing('missing', { name: context.organization?.name ?? '' });
                return;
            }
            for (const design of designs) {
                if (!design.criteria?.trim()) context.report('missingCriteria', { name: design.name }, design, 'name');
            }
        }
    }),
    defineRule({
        id: 'CN-8.3-001',
        clause: '8.3',
        severity: 'info',
        title: { en: 'Low-carbon procurement criteria', 'zh-CN': '低碳采购准则' },
        description: {
            en: 'The model has a `procurement` with `criteria`: the carbon criteria applied when energy, materials, equipment and services are bought.',
            'zh-CN': '模型中有带 `criteria` 的 `procurement`：采购能源、原材料、设备和服务时采用的低碳准则。'
        },
        rationale: {
            en: 'Carbon performance is considered in the procurement of energy, products, equipment and services that affect it (clause 8.3).',
            'zh-CN': '在采购影响碳绩效的能源、产品、设备和服务时考虑碳绩效（第 8.3 条）。'
        },
        messages: {
            missing: {
                en: 'No `procurement` criteria: organization {name} records no low-carbon criteria for buying energy, materials, equipment or services.',
                'zh-CN': '没有 `procurement` 采购准则：组织 {name} 未记录采购能源、原材料、设备或服务的低碳准则。'
            },
            missingCriteria: {
                en: 'Procurement {name} has no `criteria`.',
                'zh-CN': '采购 {name} 没有 `criteria` 准则。'
            }
        },
        insertsElement: 'procurement',
        insertsProperty: { missingCriteria: 'criteria "${1:criteria}"' },
        check: context => {
            const procurements = context.declarations(isProcurement);
            if (procurements.length === 0) {
                context.reportMissing('missing', { name: context.organization?.name ?? '' });
                return;
            }
            for (const procurement of procurements) {
                if (!procurement.criteria?.trim()) context.report('missingCriteria', { name: procurement.name }, procurement, 'name');
            }
        }
    })
];
