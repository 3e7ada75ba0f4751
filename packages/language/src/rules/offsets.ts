import type { Offset, Organization } from '../generated/ast.js';
import { isOffset } from '../generated/ast.js';
import { addMonths, yearOf, yearValue } from '../semantics/dates.js';
import { formatPeriod, isPeriodRange, periodRange, type PeriodRange } from '../semantics/period.js';
import { GRAMS_PER_TONNE } from '../semantics/quantity.js';
import { Rational } from '../semantics/rational.js';
import { defineRule, type Rule, type RuleContext } from './rule.js';

/** A serial read as a block of credits: a prefix and the first and last numbers (one credit for a single serial). */
export interface SerialBlock {
    readonly prefix: string;
    readonly first: bigint;
    readonly last: bigint;
    /** A range written `…-000001-005000`, not a single numbered serial. */
    readonly range: boolean;
}

/**
 * Reads a serial such as `CCER-2023-000001-005000` as a numeric range: a
 * prefix (`CCER-2023`), then a first and a last number of the same width
 * (zero-padded, as registries write them), first ≤ last. `GS1-1-CN-GS2024-000001-005000`
 * has the prefix `GS1-1-CN-GS2024`. A serial ending in one number
 * (`CCER-2023-000100`, or `CCER-2023-000001` where 2023 and 000001 differ in
 * width) is a single credit of its prefix. Anything else is opaque.
 */
export function serialBlock(serial: string): SerialBlock | undefined {
    const text = serial.trim();
    const range = /^(.*?)[-_ ]?(\d+)-(\d+)$/.exec(text);
    if (range && range[2].length === range[3].length && BigInt(range[2]) <= BigInt(range[3])) {
        return { prefix: range[1].replace(/[-_ ]$/, ''), first: BigInt(range[2]), last: BigInt(range[3]), range: true };
    }
    const single = /^(.*?)[-_ ]?(\d+)$/.exec(text);
    if (single && single[1] !== '') {
        return { prefix: single[1].replace(/[-_ ]$/, ''), first: BigInt(single[2]), last: BigInt(single[2]), range: false };
    }
    return undefined;
}

/** The period an offset is claimed against: its `applies-to`, else the organisation's period. */
function appliedPeriod(offset: Offset, context: RuleContext): PeriodRange | undefined {
    if (!offset.appliesTo) return context.settings.period;
    const range = periodRange(offset.appliesTo);
    return isPeriodRange(range) ? range : undefined;
}

/** A year literal as a year (never a figure), or undefined when it is not four digits. */

/** The name an offset's beneficiary is compared on: blanks, case and full-width brackets do not matter (a name still being typed is the empty text). */
function comparable(name: string | undefined): string {
    return (name ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function organizationTitle(organization: Organization): string {
    return organization.title ?? organization.name;
}

const offsets = (context: RuleContext) => context.declarations(isOffset);

/** Clause 6.4: offset accounting (ISO 14068-1 clause 11). */
export const OFFSET_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-6.4-001',
        clause: '6.4',
        severity: 'error',
        title: { en: 'Offsets are fully identified', 'zh-CN': '抵销的碳信用信息完整' },
        description: {
            en: 'Every offset has `standard`, `registry`, `serial`, `vintage`, `quantity` and `kind`.',
            'zh-CN': '每项抵销都有 `standard`、`registry`、`serial`、`vintage`、`quantity` 和 `kind`。'
        },
        rationale: {
            en: 'A carbon credit used for offsetting must be traceable to its programme, registry and serial numbers, its vintage, its quantity and whether it is an avoided emission or a removal (ISO 14068-1 clause 11, Annex C); without them it cannot be checked for double counting or quality.',
            'zh-CN': '用于抵销的碳信用须可追溯到其标准、登记系统和序列号，并载明减排量年份、数量以及属于减排还是清除（ISO 14068-1 第 11 条、附录 C）；缺少这些信息就无法核查重复计算和碳信用质量。'
        },
        messages: {
            missingStandard: {
                en: 'Offset {name} has no `standard` (CCER, CDM, VCS, GS, ACR, CAR or other "…"): the programme of the credit is unknown.',
                'zh-CN': '抵销 {name} 未声明 `standard`（CCER、CDM、VCS、GS、ACR、CAR 或 other "…"），碳信用所属标准不明。'
            },
            missingRegistry: { en: 'Offset {name} has no `registry`: where the credits were issued and retired cannot be traced.', 'zh-CN': '抵销 {name} 未声明 `registry`，无法追溯碳信用的签发和注销登记系统。' },
            missingSerial: { en: 'Offset {name} has no `serial`: the credits cannot be identified or checked for double counting.', 'zh-CN': '抵销 {name} 未声明 `serial`，无法识别碳信用，也无法核查重复计算。' },
            missingVintage: { en: 'Offset {name} has no `vintage`: the year of the reduction or removal is unknown.', 'zh-CN': '抵销 {name} 未声明 `vintage`，减排量或清除量的产生年份不明。' },
            missingQuantity: { en: 'Offset {name} has no `quantity` in tCO2e; it counts for nothing in the balance.', 'zh-CN': '抵销 {name} 未声明以 tCO2e 计的 `quantity`，在碳中和平衡中不计入任何抵销量。' },
            missingKind: { en: 'Offset {name} has no `kind` (reduction or removal).', 'zh-CN': '抵销 {name} 未声明 `kind`（reduction 减排或 removal 清除）。' }
        },
        insertsProperty: {
            missingStandard: 'standard ${1:CCER}',
            missingRegistry: 'registry "${1:National voluntary GHG emission reduction registry}"',
            missingSerial: 'serial "${1:CCER-2023-000001-005000}"',
            missingVintage: 'vintage ${1:2023}',
            missingQuantity: 'quantity ${1:5_000} tCO2e',
            missingKind: 'kind ${1:reduction}'
        },
        check: context => {
            const required = [
                ['standard', 'missingStandard'],
                ['registry', 'missingRegistry'],
                ['serial', 'missingSerial'],
                ['vintage', 'missingVintage'],
                ['quantity', 'missingQuantity'],
                ['kind', 'missingKind']
            ] as const;
            for (const offset of offsets(context)) {
                for (const [property, key] of required) {
                    if (offset[property] === undefined) context.report(key, { name: offset.name }, offset, 'name');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-6.4-002',
        clause: '6.4',
        severity: 'warning',
        title: { en: 'Offsets are retired', 'zh-CN': '抵销的碳信用已注销' },
        description: {
            en: 'An offset without a `retired` date counts for nothing in the net balance; the warning says so.',
            'zh-CN': '未声明注销日期 `retired` 的抵销在碳中和平衡中不计入任何抵销量；警告会说明这一点。'
        },
        rationale: {
            en: 'Only credits cancelled (retired) in a registry on behalf of the organisation may be counted towards carbon neutrality (ISO 14068-1 clause 11); credits held but not retired could still be sold or used again.',
            'zh-CN': '只有以组织名义在登记系统中注销的碳信用才能计入碳中和（ISO 14068-1 第 11 条）；持有但未注销的碳信用仍可能被出售或再次使用。'
        },
        messages: {
            notRetired: {
                en: 'Offset {name} has no `retired` date: it is not retired and counts for nothing in the balance ({quantity} left out).',
                'zh-CN': '抵销 {name} 未声明注销日期 `retired`：尚未注销，不计入碳中和平衡（{quantity} 未计入）。'
            },
            notRetiredUncomputed: { en: 'Offset {name} has no `retired` date: it is not retired and counts for nothing in the balance.', 'zh-CN': '抵销 {name} 未声明注销日期 `retired`：尚未注销，不计入碳中和平衡。' }
        },
        insertsProperty: { notRetired: 'retired ${1:2025-03-31}', notRetiredUncomputed: 'retired ${1:2025-03-31}' },
        check: context => {
            for (const figures of context.balance.offsetFigures) {
                if (figures.reason === 'not-retired') {
                    context.report('notRetired', { name: figures.offset.name, quantity: { figure: figures.quantity.times(GRAMS_PER_TONNE), unit: 'tCO2e' } }, figures.offset, 'name');
                }
            }
            // offsets whose quantity cannot be computed are not in the figures, but are still not retired
            const counted = new Set(context.balance.offsetFigures.map(figures => figures.offset));
            for (const offset of offsets(context)) {
                if (!offset.retired && !counted.has(offset)) context.report('notRetiredUncomputed', { name: offset.name }, offset, 'name');
            }
        }
    }),
    defineRule({
        id: 'CN-6.4-003',
        clause: '6.4',
        severity: 'error',
        title: { en: 'No credit counted twice', 'zh-CN': '碳信用不得重复计算' },
        description: {
            en: 'The same serial, or overlapping numeric serial ranges with the same prefix (`CCER-2023-000001-005000` and `CCER-2023-004001-006000`), in two offsets of the model.',
            'zh-CN': '模型中两项抵销使用相同的序列号，或前缀相同的数字序列号区间相互重叠（如 `CCER-2023-000001-005000` 与 `CCER-2023-004001-006000`）。'
        },
        rationale: {
            en: 'Each tonne of a carbon credit may be claimed only once (ISO 14068-1 clause 11, double counting); a serial or serial range that appears in two offsets counts the same credits twice.',
            'zh-CN': '每吨碳信用只能被声明一次（ISO 14068-1 第 11 条，避免重复计算）；同一序列号或重叠的序列号区间出现在两项抵销中，即同一批碳信用被计算了两次。'
        },
        messages: {
            sameSerial: { en: 'Offset {name} has serial "{serial}", the same as offset {other}: the same credits are counted twice.', 'zh-CN': '抵销 {name} 的序列号“{serial}”与抵销 {other} 相同：同一批碳信用被重复计算。' },
            overlap: {
                en: 'Serial "{serial}" of offset {name} overlaps serial "{otherSerial}" of offset {other} by {overlap}: those credits are counted twice.',
                'zh-CN': '抵销 {name} 的序列号“{serial}”与抵销 {other} 的序列号“{otherSerial}”重叠 {overlap}，这部分碳信用被重复计算。'
            }
        },
        check: context => {
            const entries = offsets(context)
                .filter(offset => offset.serial !== undefined && offset.serial.trim() !== '')
                .map(offset => ({ offset, serial: offset.serial!.trim(), block: serialBlock(offset.serial!) }));
            for (const entry of entries) {
                for (const other of entries) {
                    if (other === entry) continue;
                    if (other.serial === entry.serial) {
                        context.report('sameSerial', { name: entry.offset.name, serial: entry.serial, other: other.offset.name }, entry.offset, 'serial');
                        break;
                    }
                    const a = entry.block;
                    const b = other.block;
                    if (!a || !b || a.prefix !== b.prefix) continue;
                    const first = a.first > b.first ? a.first : b.first;
                    const last = a.last < b.last ? a.last : b.last;
                    if (first <= last) {
                        context.report(
                            'overlap',
                            {
                                name: entry.offset.name,
                                serial: entry.serial,
                                other: other.offset.name,
                                otherSerial: other.serial,
                                overlap: { figure: Rational.fromInteger(last - first + 1n).times(GRAMS_PER_TONNE), unit: 'tCO2e' }
                            },
                            entry.offset,
                            'serial'
                        );
                        break;
                    }
                }
            }
        }
    }),
    defineRule({
        id: 'CN-6.4-004',
        clause: '6.4',
        severity: 'error',
        title: { en: 'Serial range matches the quantity', 'zh-CN': '序列号区间与数量一致' },
        description: {
            en: "A numeric serial range (`…-000001-005000`, one credit of one tonne CO2e per number) whose size differs from the offset's `quantity`.",
            'zh-CN': '数字序列号区间（`…-000001-005000`，每个编号为 1 吨 CO2e 的一个碳信用）的大小与抵销的 `quantity` 不一致。'
        },
        rationale: {
            en: 'The quantity claimed must be the quantity retired in the registry (ISO 14068-1 clause 11); each serial number of a range stands for one credit of one tonne CO2e, so the range and the quantity must agree.',
            'zh-CN': '声明的抵销量必须等于在登记系统中注销的数量（ISO 14068-1 第 11 条）；序列号区间中每个编号代表 1 吨 CO2e 的一个碳信用，区间大小与数量必须一致。'
        },
        messages: {
            sizeDiffers: {
                en: 'Serial range "{serial}" of offset {name} covers {size} (one tonne per serial number), but its quantity is {quantity}.',
                'zh-CN': '抵销 {name} 的序列号区间“{serial}”对应 {size}（每个编号 1 吨），但其数量为 {quantity}。'
            }
        },
        check: context => {
            for (const figures of context.balance.offsetFigures) {
                const offset = figures.offset;
                const block = offset.serial ? serialBlock(offset.serial) : undefined;
                if (!block?.range) continue;
                const size = Rational.fromInteger(block.last - block.first + 1n);
                if (size.equals(figures.quantity)) continue;
                context.report(
                    'sizeDiffers',
                    {
                        name: offset.name,
                        serial: offset.serial!.trim(),
                        size: { figure: size.times(GRAMS_PER_TONNE), unit: 'tCO2e' },
                        quantity: { figure: figures.quantity.times(GRAMS_PER_TONNE), unit: 'tCO2e' }
                    },
                    offset,
                    'quantity'
                );
            }
        }
    }),
    defineRule({
        id: 'CN-6.4-005',
        clause: '6.4',
        severity: 'error',
        title: { en: 'Retired within 12 months of the period', 'zh-CN': '在报告期结束后 12 个月内注销' },
        description: {
            en: "An offset `retired` more than 12 months after the end of the period it applies to (`applies-to`, or the organisation's period).",
            'zh-CN': '抵销的注销日期 `retired` 晚于其适用期间（`applies-to`，或组织的报告期）结束后 12 个月。'
        },
        rationale: {
            en: 'Credits used for a carbon-neutrality claim must be retired within a set time after the end of the period they are claimed against (ISO 14068-1 clause 11); the window here is 12 months.',
            'zh-CN': '用于碳中和声明的碳信用须在其所声明期间结束后的规定时间内注销（ISO 14068-1 第 11 条）；此处的时限为 12 个月。'
        },
        messages: {
            late: {
                en: 'Offset {name} was retired on {retired}, more than 12 months after the end of the period it applies to ({end}); the latest date is {latest}.',
                'zh-CN': '抵销 {name} 于 {retired} 注销，晚于其适用期间结束日 {end} 后 12 个月；最迟应于 {latest} 注销。'
            }
        },
        check: context => {
            for (const offset of offsets(context)) {
                const period = appliedPeriod(offset, context);
                if (!offset.retired || !period) continue;
                const latest = addMonths(period.end, 12);
                if (offset.retired > latest) {
                    context.report('late', { name: offset.name, retired: offset.retired, end: period.end, latest }, offset, 'retired');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-6.4-006',
        clause: '6.4',
        severity: 'error',
        title: { en: 'No ex-ante credits', 'zh-CN': '不得使用事前碳信用' },
        description: {
            en: 'An offset whose `vintage` is after the year it was `retired`: a credit for a reduction that has not yet happened (ex-ante).',
            'zh-CN': '抵销的 `vintage` 晚于其注销年份：对尚未发生的减排量签发的碳信用（事前碳信用）。'
        },
        rationale: {
            en: 'Only credits for reductions or removals that have already occurred (ex-post) may be used to offset (ISO 14068-1 clause 11); a vintage after the retirement year means the tonne had not been reduced or removed when it was claimed.',
            'zh-CN': '只有对已发生的减排量或清除量（事后）签发的碳信用才能用于抵销（ISO 14068-1 第 11 条）；年份晚于注销年份，说明声明时该吨减排或清除尚未发生。'
        },
        messages: {
            exAnte: {
                en: 'Offset {name} has vintage {vintage}, after the year it was retired ({year}): an ex-ante credit cannot be used to offset.',
                'zh-CN': '抵销 {name} 的年份为 {vintage}，晚于其注销年份 {year}：事前碳信用不能用于抵销。'
            }
        },
        check: context => {
            for (const offset of offsets(context)) {
                const vintage = yearValue(offset.vintage);
                if (vintage === undefined || !offset.retired) continue;
                const retiredYear = yearOf(offset.retired);
                if (vintage > retiredYear) {
                    context.report('exAnte', { name: offset.name, vintage: offset.vintage!, year: String(retiredYear) }, offset, 'vintage');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-6.4-007',
        clause: '6.4',
        severity: 'warning',
        title: { en: 'Recent vintage', 'zh-CN': '碳信用年份较新' },
        description: {
            en: 'An offset whose `vintage` is more than 5 years before the period it applies to.',
            'zh-CN': '抵销的 `vintage` 早于其适用期间 5 年以上。'
        },
        rationale: {
            en: 'ISO 14068-1 clause 11 and Annex C ask for credits whose reductions are recent relative to the emissions they offset; old vintages weaken the claim and are excluded by many programmes. The window here is 5 years.',
            'zh-CN': 'ISO 14068-1 第 11 条及附录 C 要求碳信用所代表的减排量与被抵销的排放在时间上相近；年份过旧会削弱声明的可信度，许多机制也不予接受。此处的时限为 5 年。'
        },
        messages: {
            old: {
                en: 'Offset {name} has vintage {vintage}, {years} years before the period it applies to ({period}); more than 5 years is too old.',
                'zh-CN': '抵销 {name} 的年份为 {vintage}，比其适用期间（{period}）早 {years} 年；超过 5 年视为过旧。'
            }
        },
        check: context => {
            for (const offset of offsets(context)) {
                const vintage = yearValue(offset.vintage);
                const period = appliedPeriod(offset, context);
                if (vintage === undefined || !period) continue;
                const years = yearOf(period.start) - vintage;
                if (years > 5) {
                    context.report('old', { name: offset.name, vintage: offset.vintage!, years: String(years), period: formatPeriod(period) }, offset, 'vintage');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-6.4-008',
        clause: '6.4',
        severity: 'warning',
        title: { en: 'Retired for the organisation', 'zh-CN': '以组织名义注销' },
        description: {
            en: "A retired offset without `retired-for`, or with a beneficiary other than the organisation's title.",
            'zh-CN': '已注销的抵销未声明 `retired-for`，或注销受益方不是组织的名称（标题）。'
        },
        rationale: {
            en: 'A credit counts for the organisation only if it was retired on its behalf, with the organisation named as beneficiary in the registry (ISO 14068-1 clause 11). Offsets not yet retired are left to CN-6.4-002.',
            'zh-CN': '碳信用只有以组织名义注销、并在登记系统中载明组织为受益方时，才能计入该组织（ISO 14068-1 第 11 条）。尚未注销的抵销由 CN-6.4-002 处理。'
        },
        messages: {
            missing: {
                en: 'Offset {name} does not say for whom it was retired (`retired-for`); it should name the organisation, "{organization}".',
                'zh-CN': '抵销 {name} 未说明以谁的名义注销（`retired-for`），应为本组织“{organization}”。'
            },
            other: { en: 'Offset {name} was retired for "{beneficiary}", not for the organisation "{organization}".', 'zh-CN': '抵销 {name} 以“{beneficiary}”的名义注销，而不是本组织“{organization}”。' }
        },
        insertsProperty: { missing: 'retired-for "${1:Company Co., Ltd.}"' },
        check: context => {
            const organization = context.organization;
            if (!organization) return;
            const title = organizationTitle(organization);
            for (const offset of offsets(context)) {
                if (!offset.retired) continue;
                if (offset.retiredFor === undefined) {
                    context.report('missing', { name: offset.name, organization: title }, offset, 'name');
                } else if (comparable(offset.retiredFor) !== comparable(title) && comparable(offset.retiredFor) !== comparable(organization.name)) {
                    context.report('other', { name: offset.name, beneficiary: offset.retiredFor, organization: title }, offset, 'retiredFor');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-6.4-009',
        clause: '6.4',
        severity: 'error',
        title: { en: 'Other standards are described', 'zh-CN': '说明“其他”碳信用标准' },
        description: {
            en: 'An offset whose `standard` is `other` without a description: `standard other "…"`.',
            'zh-CN': '抵销的 `standard` 为 `other` 但未加说明：应写作 `standard other "…"`。'
        },
        rationale: {
            en: 'Credits must come from a programme whose rules can be assessed against ISO 14068-1 Annex C (additionality, permanence, no double counting); `other` alone does not say which programme that is.',
            'zh-CN': '碳信用须来自可按 ISO 14068-1 附录 C（额外性、持久性、避免重复计算）评估的机制；仅写 `other` 无法说明是哪一个机制。'
        },
        messages: {
            undescribed: {
                en: 'Offset {name} has standard `other` with no description: name the programme, as in `standard other "Guangdong carbon inclusion (PHCER)"`.',
                'zh-CN': '抵销 {name} 的标准为 `other` 但未加说明：请写明所属机制，例如 `standard other "广东碳普惠（PHCER）"`。'
            }
        },
        check: context => {
            for (const offset of offsets(context)) {
                if (offset.standard === 'other' && !offset.standardDescription?.trim()) {
                    context.report('undescribed', { name: offset.name }, offset, 'standard');
                }
            }
        }
    })
];
