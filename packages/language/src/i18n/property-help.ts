import type { LocalizedText } from './locale.js';

/**
 * One line of help for each property a block may hold, shown beside the
 * property when completion offers it. Keyed by the property's keyword, or by
 * `Type.keyword` where one keyword means different things in different blocks.
 */
export const PROPERTY_HELP: Readonly<Record<string, LocalizedText>> = {
    // organization
    industry: { en: 'National industry classification code, such as "C3120"', 'zh-CN': '国民经济行业分类代码，如 "C3120"' },
    consolidation: { en: 'operational-control, financial-control or equity-share', 'zh-CN': '运营控制权、财务控制权或股权比例法' },
    period: { en: 'The reporting period: a year (2024) or dates (2024-04-01 .. 2025-03-31)', 'zh-CN': '报告期：年份（2024）或日期范围（2024-04-01 .. 2025-03-31）' },
    'Claim.period': { en: 'The period the claim is made for', 'zh-CN': '声明所针对的期间' },
    'base-year': { en: 'The base year that targets and recalculations refer to', 'zh-CN': '目标与重算所依据的基准年' },
    gwp: { en: 'The GWP-100 set: SAR, AR4, AR5 or AR6 (default AR6)', 'zh-CN': 'GWP-100 值集：SAR、AR4、AR5 或 AR6（默认 AR6）' },
    'gwp-justification': { en: 'Why a GWP set older than AR6 is used', 'zh-CN': '采用早于 AR6 的 GWP 值集的理由' },
    scope2: { en: 'Which scope-2 figure counts: location-based or market-based', 'zh-CN': '计入哪种范围二数值：基于位置或基于市场' },
    'ms-scope': { en: 'What the management system covers: activities, sites, processes', 'zh-CN': '管理体系范围：活动、场所与过程' },
    materiality: { en: 'Indirect sources above this share of the total must be included (default 1 %)', 'zh-CN': '超过总量该比例的间接排放源必须纳入（默认 1 %）' },
    'recalculation-threshold': { en: 'A change above this share calls for recalculating the base year (default 5 %)', 'zh-CN': '变化超过该比例时需重算基准年（默认 5 %）' },
    'residual-factor': { en: 'The residual-mix factor: prices the energy no instrument covers in the market-based scope-2 figure', 'zh-CN': '剩余组合因子：在基于市场的范围二数值中用于未被凭证覆盖的能源' },
    // site
    location: { en: 'Where the site is', 'zh-CN': '场所所在地' },
    share: { en: 'The equity share held, applied under equity-share consolidation', 'zh-CN': '持有的股权比例，股权比例法下使用' },
    'Site.control': { en: 'Under operational or financial control: full (100 %, default), joint P % or none (0 %)', 'zh-CN': '运营或财务控制权法下：full（100 %，默认）、joint P % 或 none（0 %）' },
    // let, factor, gwp-set
    source: { en: 'Where the value comes from: publisher, document, table', 'zh-CN': '数值来源：发布者、文件、表格' },
    'Obligation.source': { en: 'The law, regulation or contract the requirement comes from', 'zh-CN': '要求所出自的法律、法规或合同' },
    year: { en: 'The year the value applies to', 'zh-CN': '数值适用的年份' },
    'Target.year': { en: 'The year the target is to be met', 'zh-CN': '目标应达成的年份' },
    uncertainty: { en: 'The uncertainty of the value, such as 5 %', 'zh-CN': '数值的不确定性，如 5 %' },
    value: {
        en: 'One value: a mass of one gas per unit of activity (56100 kgCO2/TJ), or the CO2e of one gas: 0.00026 kgCO2e/kWh of CH4',
        'zh-CN': '一个数值：单位活动数据的某种气体质量（56100 kgCO2/TJ），或某种气体的 CO2 当量：0.00026 kgCO2e/kWh of CH4'
    },
    'gwp-basis': { en: 'The GWP set a value `of` a gas was weighted with, such as AR5', 'zh-CN': '`of` 某气体的数值所用的 GWP 值集，如 AR5' },
    region: { en: 'The region the factor applies to', 'zh-CN': '因子适用的地区' },
    // source
    category: { en: 'ISO 14064-1 category 1–6 (1 is scope 1, 2 scope 2, 3–6 scope 3)', 'zh-CN': 'ISO 14064-1 类别 1–6（1 为范围一，2 为范围二，3–6 为范围三）' },
    activity: { en: 'The activity data, multiplied by the factor: 86_000 MWh', 'zh-CN': '活动数据，与排放因子相乘：86_000 MWh' },
    factor: { en: "The emission factor: a factor's name or a value such as 0.5366 tCO2/MWh", 'zh-CN': '排放因子：因子名称或数值，如 0.5366 tCO2/MWh' },
    'Instrument.factor': { en: 'The emission factor of the covered electricity: 0 tCO2/MWh', 'zh-CN': '所覆盖电力的排放因子：0 tCO2/MWh' },
    emissions: { en: 'Emissions given directly (measured or by mass balance), instead of activity × factor', 'zh-CN': '直接给出的排放量（实测或物料衡算），代替活动数据 × 因子' },
    'monitored-by': { en: 'The meters that measure this source', 'zh-CN': '计量该排放源的计量器具' },
    'data-quality': { en: 'measured, calculated or estimated', 'zh-CN': '实测、计算或估算' },
    'gap-fill': {
        en: 'gap-fill conservative: a missing month of the activity is filled with the highest of the months around it and the same month a year before (docs/months.md)',
        'zh-CN': 'gap-fill conservative：活动数据缺失的月份按其前后月份与上年同月中的最大值保守填补（docs/months.md）'
    },
    acquired: {
        en: 'How the activity is obtained: measured, calculated, default or estimated, with its meter and the role responsible',
        'zh-CN': '活动数据的获取方式：measured（实测）、calculated（计算）、default（缺省）或 estimated（估算），以及计量器具与责任角色'
    },
    'evidence-within': { en: 'The deadline for filing each month’s evidence after the month ends, such as 40 d', 'zh-CN': '每月证据在当月结束后的提交期限，如 40 d' },
    evidences: { en: 'The month this document evidences (2024-03), and for which sources', 'zh-CN': '该文件证明的月份（2024-03）及所涉排放源' },
    filed: { en: 'The date the document was filed', 'zh-CN': '文件的归档日期' },
    significant: { en: 'yes, or no "why": required for indirect sources (categories 3–6)', 'zh-CN': 'yes，或 no "理由"：间接排放源（类别 3–6）必填' },
    biogenic: { en: 'yes when its CO2 comes from biomass: reported apart, not in the total', 'zh-CN': '其 CO2 来自生物质时为 yes：单独报告，不计入总量' },
    // removal
    amount: { en: 'The CO2 removed: 120 tCO2', 'zh-CN': '清除的 CO2：120 tCO2' },
    method: { en: 'The methodology the amount was measured by', 'zh-CN': '确定清除量所用的方法学' },
    // offset
    standard: { en: 'CCER, CDM, VCS, GS, ACR, CAR or other "name"', 'zh-CN': 'CCER、CDM、VCS、GS、ACR、CAR 或 other "名称"' },
    project: { en: 'The project the credits come from', 'zh-CN': '减排量所来自的项目' },
    registry: { en: 'The registry where the credits were issued and retired', 'zh-CN': '减排量签发与注销所在的登记簿' },
    serial: { en: 'The serial numbers of the credits', 'zh-CN': '减排量的序列号' },
    kind: { en: 'What kind it is', 'zh-CN': '种类' },
    'Offset.kind': { en: 'reduction or removal', 'zh-CN': '减排或清除' },
    'Instrument.kind': { en: 'GEC, I-REC, PPA or green-power', 'zh-CN': '绿证、I-REC、购电协议或绿电' },
    'Target.kind': { en: 'carbon-neutral, absolute-reduction or intensity-reduction', 'zh-CN': '碳中和、绝对减排或强度减排' },
    'Claim.kind': { en: 'commitment or achievement', 'zh-CN': '承诺或达成' },
    'ContextIssue.kind': { en: 'internal or external', 'zh-CN': '内部或外部' },
    'Risk.kind': { en: 'risk or opportunity', 'zh-CN': '风险或机遇' },
    vintage: { en: 'The year the reduction or removal took place', 'zh-CN': '减排或清除发生的年份' },
    quantity: { en: 'How much: 5_000 tCO2e', 'zh-CN': '数量：5_000 tCO2e' },
    'Instrument.quantity': { en: 'The electricity it covers: 20_000 MWh', 'zh-CN': '所覆盖的电量：20_000 MWh' },
    retired: { en: 'The date the credits were retired; unretired credits count for nothing', 'zh-CN': '注销日期；未注销的减排量不计入' },
    'retired-for': { en: 'The beneficiary named at retirement', 'zh-CN': '注销时指明的受益方' },
    'applies-to': { en: 'What it applies to', 'zh-CN': '适用对象' },
    'Offset.applies-to': { en: "The period it is claimed against (default the organisation's period)", 'zh-CN': '所抵销的期间（默认组织的报告期）' },
    'Obligation.applies-to': { en: 'The sites and sources it applies to', 'zh-CN': '适用的场所与排放源' },
    'Control.applies-to': { en: 'The sources it controls', 'zh-CN': '所控制的排放源' },
    // instrument
    covers: { en: 'The category-2 sources it covers', 'zh-CN': '所覆盖的类别 2 排放源' },
    // reduction
    on: { en: 'The sources or removals it acts on', 'zh-CN': '所作用的排放源或清除' },
    cuts: { en: 'A share of the emissions (8 %) or an amount per year (1_500 tCO2e)', 'zh-CN': '排放量的比例（8 %）或每年的量（1_500 tCO2e）' },
    from: { en: 'The year it takes effect', 'zh-CN': '生效年份' },
    status: { en: 'Where it stands', 'zh-CN': '状态' },
    'Reduction.status': { en: 'planned, in-progress, implemented or verified', 'zh-CN': '计划、实施中、已实施或已验证' },
    'Nonconformity.status': { en: 'open or closed', 'zh-CN': '未关闭或已关闭' },
    owner: { en: 'The role responsible', 'zh-CN': '负责的角色' },
    // target
    categories: { en: 'The categories it covers: 1, 2', 'zh-CN': '覆盖的类别：1, 2' },
    base: { en: 'The base-year emissions or intensity: 1_200_000 tCO2e', 'zh-CN': '基准年排放量或强度：1_200_000 tCO2e' },
    per: { en: 'The output an intensity target is measured per', 'zh-CN': '强度目标所依据的产出' },
    reduce: { en: 'The reduction to reach from the base: 30 %', 'zh-CN': '相对基准应达到的减少：30 %' },
    // plan
    targets: { en: 'The targets of the plan', 'zh-CN': '计划包含的目标' },
    reductions: { en: 'The reduction measures of the plan', 'zh-CN': '计划包含的减排措施' },
    'offset-strategy': { en: 'How offsets are used for residual emissions', 'zh-CN': '剩余排放使用抵销的策略' },
    'removals-only-from': { en: 'The year from which only removals may offset', 'zh-CN': '自该年起仅可使用清除类抵销' },
    updated: { en: 'The date the plan was last updated', 'zh-CN': '计划最近更新日期' },
    // claim
    plan: { en: 'The carbon-neutrality management plan behind the claim', 'zh-CN': '声明所依据的碳中和管理计划' },
    'verified-by': { en: 'The verifier, and on DATE when it verified', 'zh-CN': '核查机构，可加 on 日期' },
    disclosure: { en: 'Where the claim is published', 'zh-CN': '声明的公开位置' },
    previous: { en: 'Emissions of the previous claimed period', 'zh-CN': '上一声明期间的排放量' },
    // management system
    effect: { en: 'How it affects the management system', 'zh-CN': '对管理体系的影响' },
    needs: { en: 'What the party needs or expects', 'zh-CN': '相关方的需求与期望' },
    obligation: { en: 'yes when its needs are a compliance obligation', 'zh-CN': '其需求构成合规义务时为 yes' },
    text: { en: 'The text of the policy', 'zh-CN': '方针全文' },
    'neutral-by': { en: 'The year the organisation commits to be carbon neutral by', 'zh-CN': '承诺实现碳中和的年份' },
    commits: { en: 'compliance, improvement, neutrality', 'zh-CN': '合规、持续改进、碳中和' },
    'approved-by': { en: 'The role that approved it', 'zh-CN': '批准的角色' },
    approved: { en: 'The date it was approved', 'zh-CN': '批准日期' },
    communicated: { en: 'yes when it has been communicated within the organisation', 'zh-CN': '已在组织内传达时为 yes' },
    responsibilities: { en: 'What the role is responsible for', 'zh-CN': '角色的职责' },
    authority: { en: 'What the role may decide', 'zh-CN': '角色的权限' },
    'top-management': { en: 'Marks the role that directs the organisation at the highest level', 'zh-CN': '标记最高管理者角色' },
    'ms-representative': { en: "Marks the role responsible for the system's conformity and reporting", 'zh-CN': '标记负责体系符合性并报告绩效的角色' },
    likelihood: { en: 'low, medium or high', 'zh-CN': '低、中或高' },
    impact: { en: 'low, medium or high', 'zh-CN': '低、中或高' },
    action: { en: 'What is done about it', 'zh-CN': '应对措施' },
    requirement: { en: 'What is required', 'zh-CN': '要求内容' },
    description: { en: 'What it is', 'zh-CN': '说明' },
    date: { en: 'The date, as 2024-03-01', 'zh-CN': '日期，如 2024-03-01' },
    affects: { en: 'The sites and sources it affects', 'zh-CN': '影响的场所与排放源' },
    measures: { en: 'The sources it measures', 'zh-CN': '计量的排放源' },
    accuracy: { en: 'Its accuracy, such as 1 %', 'zh-CN': '准确度，如 1 %' },
    calibrated: { en: 'The date of its last calibration', 'zh-CN': '最近校准日期' },
    interval: { en: 'The calibration interval: 12 months', 'zh-CN': '校准周期：12 months' },
    for: { en: 'The roles trained', 'zh-CN': '参加培训的角色' },
    topic: { en: 'What the training covers', 'zh-CN': '培训内容' },
    path: { en: "The document's file, relative to the model folder; it must exist", 'zh-CN': '文件路径，相对于模型目录，须存在' },
    version: { en: "The document's version", 'zh-CN': '文件版本' },
    criteria: { en: 'The criteria applied', 'zh-CN': '所采用的准则' },
    result: { en: 'What it found', 'zh-CN': '结果' },
    obligations: { en: 'The compliance obligations checked', 'zh-CN': '所评价的合规义务' },
    auditor: { en: 'Who audited', 'zh-CN': '审核员' },
    scope: { en: 'What the audit covered', 'zh-CN': '审核范围' },
    findings: { en: 'The nonconformities found', 'zh-CN': '发现的不符合项' },
    'chaired-by': { en: 'The role that chaired the review', 'zh-CN': '主持评审的角色' },
    decisions: { en: 'What the review decided', 'zh-CN': '评审的决定' },
    'found-in': { en: 'The audit that found it', 'zh-CN': '发现它的审核' },
    cause: { en: 'Its root cause', 'zh-CN': '根本原因' },
    correction: { en: 'What was done at once', 'zh-CN': '纠正' },
    'corrective-action': { en: 'What removes the cause', 'zh-CN': '纠正措施' },
    due: { en: 'The date the action is due', 'zh-CN': '完成期限' },
    verified: { en: 'The date the action was verified', 'zh-CN': '措施验证日期' }
};

/** The help line of property `keyword` in a block of type `type`, if any. */
export function propertyHelp(type: string, keyword: string): LocalizedText | undefined {
    return PROPERTY_HELP[`${type}.${keyword}`] ?? PROPERTY_HELP[keyword];
}
