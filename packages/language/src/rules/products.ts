import { isGood, isInstallation, isProcess, type Good } from '../generated/ast.js';
import { Rational } from '../semantics/rational.js';
import { energyInOf, energyOutOf } from '../semantics/product-figures.js';
import { cnKey } from '../semantics/functional-unit.js';
import { isPeriodRange, isTwelveMonths, periodRange, type PeriodRange } from '../semantics/period.js';
import { defineRule, type Rule } from './rule.js';

/**
 * The rules of installations, production processes and goods (docs/cbam.md):
 * CN-CBAM-001, 002, 005, 008 and 009 are problems of the product figures (found by
 * semantics/product-figures.ts as it computes them); 003, 004, 006 and 007
 * read the model once per run (006's and 007's `partial` and 007's
 * `electricityUnknown` are found with the figures).
 */
export const PRODUCT_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-CBAM-001',
        clause: 'CBAM',
        severity: 'error',
        title: { en: 'Production quantity', 'zh-CN': '产量' },
        description: {
            en: 'Every good a process makes has a production quantity (a mass), and every process makes at least one good with a quantity above zero: together they are its activity level.',
            'zh-CN': '工序生产的每种产品都有产量（质量），且每道工序至少生产一种产量大于零的产品：这些产量合计为其活动水平。'
        },
        rationale: {
            en: 'Specific embedded emissions are attributed emissions divided by the activity level (Implementing Regulation (EU) 2025/2547, Annex III point B, Equation 59; Annex II point F): without it no figure per tonne exists.',
            'zh-CN': '单位隐含排放量等于归属排放量除以活动水平（实施条例 (EU) 2025/2547 附件 III B 点公式 59；附件 II F 点）：没有活动水平就没有每吨产品的数值。'
        },
        messages: {
            noQuantity: { en: 'Good {name} has no `quantity`: its process has no activity level, so no emissions per tonne are computed.', 'zh-CN': '产品 {name} 没有 `quantity`：其工序没有活动水平，因此不计算每吨排放量。' },
            noGoods: { en: 'Process {name} makes no good: write the goods it makes in its block (`good hrc { quantity 1_000 t }`).', 'zh-CN': '工序 {name} 没有生产任何产品：请在其块中写出所生产的产品（`good hrc { quantity 1_000 t }`）。' },
            zeroActivity: { en: 'The goods of process {name} add up to 0 t: emissions per tonne of nothing are not computed.', 'zh-CN': '工序 {name} 的产品产量合计为 0 t：不计算零产量的每吨排放量。' }
        }
    }),
    defineRule({
        id: 'CN-CBAM-002',
        clause: 'CBAM',
        severity: 'error',
        title: { en: 'Precursor without embedded emissions', 'zh-CN': '前体缺少隐含排放量' },
        description: {
            en: 'A good bought and used as a precursor gives its specific embedded emissions (`embedded-direct`, and `embedded-indirect` where they count); a precursor made in the model has figures.',
            'zh-CN': '外购并用作前体的产品须给出其单位隐含排放量（`embedded-direct`，以及计入时的 `embedded-indirect`）；模型内生产的前体须有数值。'
        },
        rationale: {
            en: 'The embedded emissions of a complex good include those of its precursors, Σ M_i × SEE_i (Implementing Regulation (EU) 2025/2547, Annex III point B, Equation 60): a precursor without them would leave them out.',
            'zh-CN': '复杂产品的隐含排放量包括其前体的隐含排放量 Σ M_i × SEE_i（实施条例 (EU) 2025/2547 附件 III B 点公式 60）：前体缺少该数值会将其漏计。'
        },
        messages: {
            noEmbedded: {
                en: 'Good {name} is bought (it is written outside a process) but gives no `embedded-direct`: the processes that use it are not computed.',
                'zh-CN': '产品 {name} 为外购（写在工序之外），但没有给出 `embedded-direct`：使用它的工序不予计算。'
            },
            precursorUncomputed: { en: 'Precursor {name} of process {process} has no embedded emissions, so the process has none.', 'zh-CN': '工序 {process} 的前体 {name} 没有隐含排放量，因此该工序也没有。' }
        },
        insertsProperty: { noEmbedded: 'embedded-direct ${1:0} tCO2e/t' }
    }),
    defineRule({
        id: 'CN-CBAM-003',
        clause: 'CBAM',
        severity: 'warning',
        title: { en: 'Reporting period of an installation', 'zh-CN': '装置的报告期' },
        description: {
            en: "An installation's reporting period (its `period`, else the organisation's) covers twelve months.",
            'zh-CN': '装置的报告期（其 `period`，否则为组织的报告期）覆盖十二个月。'
        },
        rationale: {
            en: 'The installation operator determines embedded emissions over a reporting period of twelve months by default, the calendar year or another twelve-month period such as a fiscal year (Implementing Regulation (EU) 2025/2547; docs/cbam.md says which reading CNMS makes).',
            'zh-CN': '装置运营者默认按十二个月的报告期（日历年或财年等其他十二个月期间）确定隐含排放量（实施条例 (EU) 2025/2547；CNMS 的理解见 docs/cbam.md）。'
        },
        messages: {
            notTwelveMonths: { en: 'The reporting period of installation {name} is {start} .. {end}, not twelve months.', 'zh-CN': '装置 {name} 的报告期为 {start} .. {end}，不是十二个月。' },
            noPeriod: { en: 'Installation {name} has no reporting period: give it a `period`, or give the organisation one.', 'zh-CN': '装置 {name} 没有报告期：请为其给出 `period`，或为组织给出报告期。' }
        },
        check: context => {
            for (const installation of context.declarations(isInstallation)) {
                const range: PeriodRange | undefined = installation.period ? toRange(periodRange(installation.period)) : context.settings.period;
                if (!range) {
                    // a period that is not a range is CN-NUM-012's or the organisation's rules' to report; none at all is this rule's
                    if (!installation.period) context.report('noPeriod', { name: installation.name }, installation, 'name');
                    continue;
                }
                if (!isTwelveMonths(range)) context.report('notTwelveMonths', { name: installation.name, start: range.start, end: range.end }, installation, installation.period ? 'period' : 'name');
            }
        }
    }),
    defineRule({
        id: 'CN-CBAM-004',
        clause: 'CBAM',
        severity: 'warning',
        title: { en: 'Default values where actual data exists', 'zh-CN': '已有实际数据却使用默认值' },
        description: {
            en: 'A precursor used with default values (`default-value yes`) while a process of the model makes a good of the same CN code, whose actual figures could be used.',
            'zh-CN': '前体使用默认值（`default-value yes`），而模型中有工序生产相同 CN 编码的产品，其实际数值可供使用。'
        },
        rationale: {
            en: 'Default values are a fallback where actual data of the producing installation cannot be had (Regulation (EU) 2023/956, Article 7(2); Implementing Regulation (EU) 2025/2547, Article 15); they carry a mark-up.',
            'zh-CN': '默认值仅在无法获得生产装置实际数据时使用（条例 (EU) 2023/956 第 7(2) 条；实施条例 (EU) 2025/2547 第 15 条），且含加成。'
        },
        messages: {
            actualExists: {
                en: 'Process {process} uses {name} with default values, but process {maker} of this model makes {made} under the same CN code {cn}: use its actual figures.',
                'zh-CN': '工序 {process} 以默认值使用 {name}，但本模型的工序 {maker} 生产相同 CN 编码 {cn} 的 {made}：请使用其实际数值。'
            }
        },
        check: context => {
            const made = new Map<string, { good: string; process: string }>();
            for (const process of context.declarations(isProcess)) {
                for (const good of process.goods) if (good.cn && !made.has(cnKey(good.cn))) made.set(cnKey(good.cn), { good: good.name, process: process.name });
            }
            for (const process of context.declarations(isProcess)) {
                process.consumes.forEach((use, index) => {
                    const good = use.good?.ref;
                    if (!good || !isGood(good) || isProcess(good.$container) || !usesDefaultValues(good) || !good.cn) return;
                    const maker = made.get(cnKey(good.cn));
                    if (maker) context.report('actualExists', { process: process.name, name: good.name, maker: maker.process, made: maker.good, cn: good.cn }, process, 'consumes', index);
                });
            }
        }
    }),
    defineRule({
        id: 'CN-CBAM-005',
        clause: 'CBAM',
        severity: 'error',
        title: { en: 'Process boundary', 'zh-CN': '工序边界' },
        description: {
            en: 'A process counts its own category-1 (direct) and category-2 (electricity) sources, uses precursors made elsewhere, and no chain of precursors leads back to it; a good made by a process takes its figures from it.',
            'zh-CN': '工序计入其自身的第 1 类（直接）和第 2 类（电力）排放源，使用在别处生产的前体，且前体链不回到自身；工序生产的产品从该工序取得数值。'
        },
        rationale: {
            en: 'The system boundary of a production process covers its direct emissions, the indirect emissions of its electricity and the embedded emissions of its precursors (Implementing Regulation (EU) 2025/2547, Article 3 and Annex I point 3.1); a precursor of the same process is not counted (Annex III point B).',
            'zh-CN': '生产工序的系统边界包括其直接排放、所用电力的间接排放及其前体的隐含排放（实施条例 (EU) 2025/2547 第 3 条及附件 I 第 3.1 点）；同一工序内的前体不计入（附件 III B 点）。'
        },
        messages: {
            indirectCategory: {
                en: 'Source {name} is of category {category}: a process counts only direct (category 1) and electricity (category 2) sources.',
                'zh-CN': '排放源 {name} 属于第 {category} 类：工序只计入直接（第 1 类）和电力（第 2 类）排放源。'
            },
            cycle: { en: 'Process {name} uses, through its precursors, its own goods ({path}).', 'zh-CN': '工序 {name} 通过其前体使用了自己的产品（{path}）。' },
            ownGood: { en: 'Process {process} uses its own good {name} as a precursor; a precursor of the same process is not counted.', 'zh-CN': '工序 {process} 将自己的产品 {name} 用作前体；同一工序内的前体不计入。' },
            embeddedOnMade: {
                en: 'Good {name} is made by process {process}, whose figures it takes; `embedded-direct` and `embedded-indirect` are for goods bought.',
                'zh-CN': '产品 {name} 由工序 {process} 生产，其数值取自该工序；`embedded-direct` 与 `embedded-indirect` 仅用于外购产品。'
            }
        }
    }),
    defineRule({
        id: 'CN-CBAM-006',
        clause: 'CBAM',
        severity: 'warning',
        title: { en: 'Carbon balance of a process', 'zh-CN': '工序的碳平衡' },
        description: {
            en: 'A process that declares its carbon balance (`carbon-in`, `carbon-out`, `balance-tolerance`) closes it: the carbon in, less the carbon out, less the carbon its direct sources emit as CO2, lies within the tolerance of the carbon in.',
            'zh-CN': '声明了碳平衡（`carbon-in`、`carbon-out`、`balance-tolerance`）的工序须闭合：输入碳减输出碳，再减其直接排放源以 CO2 形式排放的碳，应在输入碳的容差之内。'
        },
        rationale: {
            en: 'Carbon that enters a process leaves it in products, residues or emissions; a gap shows a source stream left out or counted twice (Implementing Regulation (EU) 2025/2547, Annex II point B.3.2, the mass balance method).',
            'zh-CN': '进入工序的碳以产品、残余物或排放的形式离开；缺口说明有源流被遗漏或重复计算（实施条例 (EU) 2025/2547 附件 II B.3.2 点，质量平衡法）。'
        },
        messages: {
            notClosed: {
                en: 'The carbon balance of process {name} does not close: {carbonIn} in − {carbonOut} out − {emitted} emitted as CO2 = {gap}, beyond {tolerance} of the carbon in.',
                'zh-CN': '工序 {name} 的碳平衡不闭合：输入 {carbonIn} − 输出 {carbonOut} − 以 CO2 排放 {emitted} = {gap}，超出输入碳的 {tolerance}。'
            },
            partial: { en: 'Process {name} declares only part of its carbon balance: give both `carbon-in` and `carbon-out`, or neither.', 'zh-CN': '工序 {name} 只声明了部分碳平衡：请同时给出 `carbon-in` 与 `carbon-out`，或都不给。' }
        },
        check: context => {
            const products = context.services.semantics.ProductFigures;
            for (const process of context.declarations(isProcess)) {
                const balance = products.ofProcess(process)?.carbonBalance;
                if (!balance) continue;
                const gap = balance.carbonIn.minus(balance.carbonOut).minus(balance.emitted);
                if (withinTolerance(gap, balance.carbonIn, balance.tolerance)) continue;
                context.report(
                    'notClosed',
                    {
                        name: process.name,
                        carbonIn: { figure: balance.carbonIn, unit: 'tC' },
                        carbonOut: { figure: balance.carbonOut, unit: 'tC' },
                        emitted: { figure: balance.emitted, unit: 'tC' },
                        gap: { figure: gap, unit: 'tC' },
                        tolerance: { figure: balance.tolerance.times(HUNDRED), unit: '%' }
                    },
                    process,
                    'carbonIn'
                );
            }
        }
    }),
    defineRule({
        id: 'CN-CBAM-007',
        clause: 'CBAM',
        severity: 'warning',
        title: { en: 'Energy balance of a process', 'zh-CN': '工序的能量平衡' },
        description: {
            en: 'A process that declares its energy balance (`energy-in`, `energy-out`, `energy-tolerance`) closes it: the energy in (`energy-in`, the heat it imports, the electricity of its category-2 sources) less the energy out (`energy-out`, the heat it exports) lies within the tolerance of the energy in.',
            'zh-CN': '声明了能量平衡（`energy-in`、`energy-out`、`energy-tolerance`）的工序须闭合：输入能量（`energy-in`、输入的热、其第 2 类排放源的电力）减输出能量（`energy-out`、输出的热），应在输入能量的容差之内。'
        },
        rationale: {
            en: 'Energy that enters a process leaves it in products, exported heat, waste gases or losses; a gap shows a heat or electricity flow left out or counted twice, which moves emissions between processes (Implementing Regulation (EU) 2025/2547, Annex III point A.3, Equation 55, counts heat imported and exported; the regulation sets no tolerance: docs/cbam.md says which reading CNMS makes).',
            'zh-CN':
                '进入工序的能量以产品、输出的热、废气或损失的形式离开；缺口说明有热或电力流被遗漏或重复计算，会使排放在工序之间转移（实施条例 (EU) 2025/2547 附件 III A.3 点公式 55 计入输入和输出的热；条例未规定容差，CNMS 的理解见 docs/cbam.md）。'
        },
        messages: {
            notClosed: {
                en: 'The energy balance of process {name} does not close: {energyIn} in + {heatIn} heat in + {electricity} electricity − {energyOut} out − {heatOut} heat out = {gap}, beyond {tolerance} of the energy in ({totalIn}).',
                'zh-CN': '工序 {name} 的能量平衡不闭合：输入 {energyIn} + 输入热 {heatIn} + 电力 {electricity} − 输出 {energyOut} − 输出热 {heatOut} = {gap}，超出输入能量（{totalIn}）的 {tolerance}。'
            },
            partial: { en: 'Process {name} declares only part of its energy balance: give both `energy-in` and `energy-out`, or neither.', 'zh-CN': '工序 {name} 只声明了部分能量平衡：请同时给出 `energy-in` 与 `energy-out`，或都不给。' },
            electricityUnknown: {
                en: 'The energy balance of process {name} is not checked: the electricity of source {source} is not given as an energy (give its `activity` in MWh).',
                'zh-CN': '工序 {name} 的能量平衡未检查：排放源 {source} 的电力未以能量给出（请以 MWh 给出其 `activity`）。'
            }
        },
        check: context => {
            const products = context.services.semantics.ProductFigures;
            for (const process of context.declarations(isProcess)) {
                const balance = products.ofProcess(process)?.energyBalance;
                if (!balance) continue;
                const totalIn = energyInOf(balance);
                const gap = totalIn.minus(energyOutOf(balance));
                if (withinTolerance(gap, totalIn, balance.tolerance)) continue;
                const gj = (figure: Rational) => ({ figure, unit: 'GJ' });
                context.report(
                    'notClosed',
                    {
                        name: process.name,
                        energyIn: gj(balance.energyIn),
                        heatIn: gj(balance.heatIn),
                        electricity: gj(balance.electricity),
                        energyOut: gj(balance.energyOut),
                        heatOut: gj(balance.heatOut),
                        gap: gj(gap),
                        totalIn: gj(totalIn),
                        tolerance: { figure: balance.tolerance.times(HUNDRED), unit: '%' }
                    },
                    process,
                    'energyIn'
                );
            }
        }
    }),
    defineRule({
        id: 'CN-CBAM-008',
        clause: 'CBAM',
        severity: 'error',
        title: { en: 'Precursor bought from several installations', 'zh-CN': '从多个装置外购的前体' },
        description: {
            en: 'A good bought from several installations gives each lot (`bought-from`) its mass and specific embedded emissions, and no figures of its own beside them; its figures are the mass-weighted average of its lots.',
            'zh-CN': '从多个装置外购的产品须为每批（`bought-from`）给出质量和单位隐含排放量，且不再另给自身数值；其数值为各批的质量加权平均值。'
        },
        rationale: {
            en: 'Where an installation receives precursors under a CN code from several installations, or produced in different reporting periods, their embedded emissions are the weighted average of those of the lots (Implementing Regulation (EU) 2025/2547, Article 14(1)–(2)); Σ M_i × SEE_i (Annex III point B, Equation 60) counts each lot with its own figures, which its mass-weighted average gives at once; a lot without its mass or figures would be left out.',
            'zh-CN':
                '装置从多个装置接收某 CN 编码的前体，或接收在不同报告期生产的前体时，其隐含排放量为各批隐含排放量的加权平均值（实施条例 (EU) 2025/2547 第 14(1)–(2) 条）；Σ M_i × SEE_i（附件 III B 点公式 60）按各批自身数值计入，其质量加权平均值一次给出该结果；缺少质量或数值的批次会被漏计。'
        },
        messages: {
            lotNoQuantity: { en: 'The lot of {name} bought from {supplier} has no `quantity`: its share of the average is not known.', 'zh-CN': '从 {supplier} 外购的 {name} 批次没有 `quantity`：无法确定其在平均值中的份额。' },
            lotNoEmbedded: { en: 'The lot of {name} bought from {supplier} gives no `embedded-direct`: the average is not computed.', 'zh-CN': '从 {supplier} 外购的 {name} 批次没有给出 `embedded-direct`：不计算平均值。' },
            lotsAndOwn: {
                en: 'Good {name} is bought in lots (`bought-from`) and also gives figures of its own: its figures are the average of its lots; remove `embedded-direct` and `embedded-indirect`.',
                'zh-CN': '产品 {name} 按批外购（`bought-from`），又给出了自身数值：其数值为各批的平均值；请删除 `embedded-direct` 与 `embedded-indirect`。'
            },
            zeroMass: { en: 'The lots of {name} add up to 0 t: no average is computed.', 'zh-CN': '{name} 的各批合计为 0 t：不计算平均值。' },
            lotPeriod: {
                en: 'The lot of {name} bought from {supplier} gives a `period` that is not a period of the calendar (a year such as 2024, or dates such as 2024-01-01 .. 2024-06-30).',
                'zh-CN': '从 {supplier} 外购的 {name} 批次给出的 `period` 不是有效的日历期间（年份如 2024，或日期范围如 2024-01-01 .. 2024-06-30）。'
            },
            lotsOnMade: { en: 'Good {name} is made by process {process}, whose figures it takes; `bought-from` is for goods bought.', 'zh-CN': '产品 {name} 由工序 {process} 生产，其数值取自该工序；`bought-from` 仅用于外购产品。' }
        }
    }),
    defineRule({
        id: 'CN-CBAM-009',
        clause: 'CBAM',
        severity: 'error',
        title: { en: 'Functional unit of cements and fertilisers', 'zh-CN': '水泥和化肥的功能单位' },
        description: {
            en: 'A cement a process makes gives its `clinker-content` (t of clinker per t), and nitric acid, ammonia and mixed fertilisers their `nitrogen-content`; the goods of one process have one functional unit. Contents written where they are not the functional unit, and fertilisers whose functional unit is a CN supplementary unit CNMS does not know, are warned of.',
            'zh-CN':
                '工序生产的水泥须给出其 `clinker-content`（每吨产品所含熟料吨数），硝酸、氨和混合化肥须给出其 `nitrogen-content`；同一工序的产品只有一种功能单位。在不作为功能单位处写出的含量，以及功能单位为 CNMS 未知的 CN 补充单位的化肥，会得到警告。'
        },
        rationale: {
            en: "The functional unit of cements (CN 2523 10 00, 2523 21 00, 2523 29 00, 2523 90 00) is the tonnes of clinker they contain, that of CN 2808 00 00, 2814 and 3105 the kilograms of nitrogen they contain, that of the other fertilisers the supplementary unit of their CN code (Implementing Regulation (EU) 2025/2547, Article 4(2)–(5)); a production process covers goods of the same functional unit (Article 4(1)); a good's SEE per tonne is its process's SEE per functional unit × its content (Annex III point B, Equations 64–66).",
            'zh-CN':
                '水泥（CN 2523 10 00、2523 21 00、2523 29 00、2523 90 00）的功能单位为其所含熟料吨数，CN 2808 00 00、2814 和 3105 的功能单位为其所含氮千克数，其他化肥的功能单位为其 CN 编码的补充单位（实施条例 (EU) 2025/2547 第 4(2)–(5) 条）；一个生产工序涵盖功能单位相同的产品（第 4(1) 条）；产品每吨的单位隐含排放量等于其工序每功能单位的单位隐含排放量 × 其含量（附件 III B 点公式 64–66）。'
        },
        messages: {
            noClinkerContent: {
                en: 'Good {name} (CN {cn}) has the tonnes of clinker it contains as its functional unit: give its `clinker-content` (t of clinker per t, such as 75 %).',
                'zh-CN': '产品 {name}（CN {cn}）的功能单位为其所含熟料吨数：请给出其 `clinker-content`（每吨产品所含熟料吨数，如 75 %）。'
            },
            noNitrogenContent: {
                en: 'Good {name} (CN {cn}) has the kilograms of nitrogen it contains as its functional unit: give its `nitrogen-content` (such as 46 %, 460 kg of nitrogen per t).',
                'zh-CN': '产品 {name}（CN {cn}）的功能单位为其所含氮千克数：请给出其 `nitrogen-content`（如 46 %，即每吨含氮 460 kg）。'
            },
            mixedUnits: {
                en: 'The goods of process {name} have different functional units ({units}): a production process covers goods of one functional unit; split it.',
                'zh-CN': '工序 {name} 的产品功能单位不同（{units}）：一个生产工序只涵盖一种功能单位的产品；请将其拆分。'
            },
            zeroContent: { en: 'The goods of process {name} contain 0 {unit}: emissions per {unit} of nothing are not computed.', 'zh-CN': '工序 {name} 的产品所含 {unit} 为 0：不计算零含量的每 {unit} 排放量。' },
            clinkerNotUnit: {
                en: 'The `clinker-content` of good {name} is not used: only cements (CN 2523 10 00, 2523 21 00, 2523 29 00, 2523 90 00) have the tonnes of clinker they contain as their functional unit.',
                'zh-CN': '产品 {name} 的 `clinker-content` 未被使用：只有水泥（CN 2523 10 00、2523 21 00、2523 29 00、2523 90 00）以其所含熟料吨数为功能单位。'
            },
            nitrogenNotUnit: {
                en: 'The `nitrogen-content` of good {name} is not used: only fertilisers have the nitrogen they contain as their functional unit.',
                'zh-CN': '产品 {name} 的 `nitrogen-content` 未被使用：只有化肥以其所含氮为功能单位。'
            },
            supplementaryUnit: {
                en: 'Good {name} (CN {cn}) has the supplementary unit of its CN code as its functional unit, which CNMS does not know: its figures are per tonne. Give its `nitrogen-content` if that unit is the kilogram of nitrogen.',
                'zh-CN': '产品 {name}（CN {cn}）的功能单位为其 CN 编码的补充单位，CNMS 不掌握该单位：其数值按每吨计算。若该单位为氮千克，请给出其 `nitrogen-content`。'
            }
        },
        // no quick fix: a content is evidence (a placeholder is due), and the property belongs in the good's block, inside its process's
        messageSeverity: { clinkerNotUnit: 'warning', nitrogenNotUnit: 'warning', supplementaryUnit: 'warning' }
    })
];

function toRange(value: ReturnType<typeof periodRange>): PeriodRange | undefined {
    return isPeriodRange(value) ? value : undefined;
}

const HUNDRED = Rational.fromInteger(100);

/** A balance closes when its gap, either way, is at most the tolerance × what comes in. */
function withinTolerance(gap: Rational, amountIn: Rational, tolerance: Rational): boolean {
    const magnitude = gap.isNegative() ? gap.negated() : gap;
    return magnitude.compare(amountIn.times(tolerance)) <= 0;
}

/** A good bought priced, wholly or in one of its lots, with default values. */
function usesDefaultValues(good: Good): boolean {
    return good.defaultValue === 'yes' || good.lots.some(lot => lot.defaultValue === 'yes');
}
