/**
 * A snippet for every declaration, with the properties that rules.md requires
 * and tab stops to fill in: offered by completion wherever a declaration may
 * start, and written to the VS Code extension's snippets/cnms.json by
 * scripts/generate-snippets.mjs (the single source of both).
 */
export interface DeclarationSnippet {
    /** What the user types: the declaration keyword. */
    readonly prefix: string;
    /** English / Simplified Chinese. */
    readonly description: string;
    readonly body: readonly string[];
}

export const DECLARATION_SNIPPETS: Readonly<Record<string, DeclarationSnippet>> = {
    organization: {
        prefix: 'organization',
        description: 'organization — boundary, reporting period, GWP set, scope 2 method, management-system scope / 组织：边界、报告期、GWP、范围二方法与管理体系范围',
        body: [
            'organization ${1:name} "${2:Company Co., Ltd.}" {',
            '\tindustry "${3:C3120}"',
            '\tconsolidation ${4|operational-control,financial-control,equity-share|}',
            '\tperiod ${5:2024}',
            '\tbase-year ${6:2020}',
            '\tgwp ${7|AR6,AR5,AR4,SAR|}',
            '\tscope2 ${8|location-based,market-based|}',
            '\tms-scope "${9:Activities, sites and processes covered by the management system}"',
            '\tmateriality ${10:1} %',
            '}$0'
        ]
    },
    site: {
        prefix: 'site',
        description: 'site — a part of the organisational boundary / 场所：组织边界的组成部分',
        body: ['site ${1:name} "${2:title}" {', '\tlocation "${3:City, Province}"', '\tshare ${4:100} %', '}$0']
    },
    unit: {
        prefix: 'unit',
        description: 'unit — a user unit that converts exactly / 单位：可精确换算的自定义单位',
        body: ['unit ${1:wan_Nm3} = ${2:10^4 Nm3}$0']
    },
    let: {
        prefix: 'let',
        description: 'let — a named value with its provenance / 命名数值及其来源',
        body: ['let ${1:name} "${2:title}" = ${3:389.31 GJ/(10^4 Nm3)} {', '\tsource "${4:document, table}"', '\tyear ${5:2024}', '}$0']
    },
    factor: {
        prefix: 'factor',
        description: 'factor — an emission factor of one gas, with its source and year / 排放因子（单一气体）及其来源与年份',
        body: ['factor ${1:name} "${2:title}" = ${3:0.5366} ${4:tCO2/MWh} {', '\tsource "${5:publisher, document, table}"', '\tyear ${6:2022}', '\tuncertainty ${7:5} %', '}$0']
    },
    'factor (multi-gas)': {
        prefix: 'factor-gases',
        description: 'factor — CO2, CH4 and N2O values per unit of activity / 排放因子（多种气体：CO2、CH4、N2O）',
        body: ['factor ${1:name} "${2:title}" {', '\tvalue ${3:56100} ${4:kgCO2/TJ}', '\tvalue ${5:1} ${6:kgCH4/TJ}', '\tvalue ${7:0.1} ${8:kgN2O/TJ}', '\tsource "${9:IPCC 2006 Guidelines, Vol. 2, Table 2.2}"', '\tyear ${10:2006}', '}$0']
    },
    'source (activity × factor)': {
        prefix: 'source',
        description: 'source — activity data times an emission factor / 排放源：活动数据 × 排放因子',
        body: [
            'source ${1:name} "${2:title}" at ${3:site_name} {',
            '\tcategory ${4|1,2,3,4,5,6|}',
            '\tactivity ${5:1_000} ${6:MWh}',
            '\tfactor ${7:factor_name}',
            '\tmonitored-by ${8:meter_name}',
            '\tdata-quality ${9|measured,calculated,estimated|}',
            '\tuncertainty ${10:2} %',
            '}$0'
        ]
    },
    'source (emissions)': {
        prefix: 'source-emissions',
        description: 'source — emissions given directly (measured or mass balance) / 排放源：直接给出排放量（实测或质量平衡）',
        body: ['source ${1:name} "${2:title}" at ${3:site_name} {', '\tcategory ${4:1}', '\temissions ${5:25_000 t * 0.44 tCO2/t}', '\tdata-quality ${6|measured,calculated,estimated|}', '\tuncertainty ${7:3} %', '}$0']
    },
    'source (indirect)': {
        prefix: 'source-indirect',
        description: 'source — an indirect source (categories 3–6) with its significance / 间接排放源（类别 3–6）及其重要性判断',
        body: [
            'source ${1:name} "${2:title}" at ${3:site_name} {',
            '\tcategory ${4:4.1}',
            '\tactivity ${5:2_000_000} ${6:tkm}',
            '\tfactor ${7:0.062 kgCO2/tkm}',
            '\tsignificant ${8|yes,no "justification"|}',
            '\tdata-quality ${9|estimated,calculated,measured|}',
            '}$0'
        ]
    },
    removal: {
        prefix: 'removal',
        description: 'removal — CO2 removed inside the boundary / 清除：边界内的二氧化碳清除量',
        body: ['removal ${1:name} "${2:title}" at ${3:site_name} {', '\tamount ${4:120} tCO2', '\tmethod "${5:methodology}"', '}$0']
    },
    offset: {
        prefix: 'offset',
        description: 'offset — a retired carbon credit / 抵消：已注销的碳信用',
        body: [
            'offset ${1:name} "${2:title}" {',
            '\tstandard ${3|CCER,CDM,VCS,GS,ACR,CAR|}',
            '\tproject "${4:project}"',
            '\tregistry "${5:registry}"',
            '\tserial "${6:serial number}"',
            '\tkind ${7|reduction,removal|}',
            '\tvintage ${8:2023}',
            '\tquantity ${9:5_000} tCO2e',
            '\tretired ${10:2025-03-15}',
            '\tretired-for "${11:beneficiary}"',
            '}$0'
        ]
    },
    instrument: {
        prefix: 'instrument',
        description: 'instrument — green electricity certificates or contracts for market-based scope 2 / 环境权益工具：绿证或购电协议（市场法范围二）',
        body: ['instrument ${1:name} "${2:title}" {', '\tkind ${3|GEC,I-REC,PPA,green-power|}', '\tquantity ${4:20_000} MWh', '\tcovers ${5:source_name}', '\tfactor ${6:0} tCO2/MWh', '}$0']
    },
    reduction: {
        prefix: 'reduction',
        description: 'reduction — a reduction measure on sources / 减排措施',
        body: ['reduction ${1:name} "${2:title}" {', '\ton ${3:source_name}', '\tcuts ${4:8 %}', '\tfrom ${5:2026}', '\tstatus ${6|planned,in-progress,implemented,verified|}', '\towner ${7:role_name}', '}$0']
    },
    output: {
        prefix: 'output',
        description: 'output — a production output for intensity targets / 产出：用于强度目标的产量',
        body: ['output ${1:name} "${2:title}" = ${3:1_000_000} ${4:t}$0']
    },
    'target (carbon-neutral)': {
        prefix: 'target',
        description: 'target — carbon neutral by a year / 目标：在某年实现碳中和',
        body: ['target ${1:name} "${2:title}" {', '\tkind carbon-neutral', '\tcategories ${3:1, 2}', '\tbase-year ${4:2020}', '\tbase ${5:1_200_000} tCO2e', '\tyear ${6:2035}', '}$0']
    },
    'target (absolute reduction)': {
        prefix: 'target-absolute',
        description: 'target — an absolute reduction from a base year / 目标：相对基准年的绝对减排',
        body: ['target ${1:name} "${2:title}" {', '\tkind absolute-reduction', '\tcategories ${3:1, 2}', '\treduce ${4:30} %', '\tbase ${5:1_200_000} tCO2e', '\tbase-year ${6:2020}', '\tyear ${7:2030}', '}$0']
    },
    'target (intensity reduction)': {
        prefix: 'target-intensity',
        description: 'target — an intensity reduction per unit of output / 目标：单位产出排放强度下降',
        body: ['target ${1:name} "${2:title}" {', '\tkind intensity-reduction', '\tper ${3:output_name}', '\treduce ${4:18} %', '\tbase ${5:1.9} ${6:tCO2e/t}', '\tbase-year ${7:2020}', '\tyear ${8:2027}', '}$0']
    },
    plan: {
        prefix: 'plan',
        description: 'plan — the carbon-neutrality management plan / 碳中和管理计划',
        body: [
            'plan ${1:name} "${2:Carbon neutrality management plan}" {',
            '\ttargets ${3:target_name}',
            '\treductions ${4:reduction_name}',
            '\toffset-strategy "${5:Offsets for residual emissions only}"',
            '\tupdated ${6:2024-12-01}',
            '}$0'
        ]
    },
    claim: {
        prefix: 'claim',
        description: 'claim — a carbon-neutrality commitment or achievement / 碳中和声明（承诺或实现）',
        body: [
            'claim ${1:name} "${2:title}" {',
            '\tkind ${3|commitment,achievement|}',
            '\tperiod ${4:2024}',
            '\tplan ${5:plan_name}',
            '\tverified-by "${6:certification body}" on ${7:2025-04-30}',
            '\tdisclosure "${8:https://example.com/report.pdf}"',
            '}$0'
        ]
    },
    issue: {
        prefix: 'issue',
        description: 'issue — an internal or external issue (4.1) / 内外部问题（4.1）',
        body: ['issue ${1:name} "${2:title}" {', '\tkind ${3|internal,external|}', '\teffect "${4:effect on the management system}"', '}$0']
    },
    party: {
        prefix: 'party',
        description: 'party — an interested party and its needs (4.2) / 相关方及其需求（4.2）',
        body: ['party ${1:name} "${2:title}" {', '\tneeds "${3:needs and expectations}"', '\tobligation ${4|yes,no|}', '}$0']
    },
    policy: {
        prefix: 'policy',
        description: 'policy — the carbon-neutrality policy (5.2) / 碳中和方针（5.2）',
        body: [
            'policy ${1:name} "${2:Carbon neutrality policy}" {',
            '\ttext "${3:policy statement}"',
            '\tneutral-by ${4:2035}',
            '\tcommits ${5:compliance, improvement, neutrality}',
            '\tapproved-by ${6:role_name}',
            '\tapproved ${7:2024-01-15}',
            '\tcommunicated ${8|yes,no|}',
            '}$0'
        ]
    },
    role: {
        prefix: 'role',
        description: 'role — responsibilities and authorities (5.1, 5.3) / 职责与权限（5.1、5.3）',
        body: ['role ${1:name} "${2:title}" {', '\tresponsibilities "${3:responsibilities}"', '\tauthority "${4:authority}"', '\t${5|top-management,ms-representative|}', '}$0']
    },
    risk: {
        prefix: 'risk',
        description: 'risk — a risk or opportunity and its action (6.1) / 风险与机遇及应对措施（6.1）',
        body: ['risk ${1:name} "${2:title}" {', '\tkind ${3|risk,opportunity|}', '\tlikelihood ${4|low,medium,high|}', '\timpact ${5|low,medium,high|}', '\taction "${6:action}"', '\towner ${7:role_name}', '}$0']
    },
    obligation: {
        prefix: 'obligation',
        description: 'obligation — a compliance obligation (6.1) / 合规义务（6.1）',
        body: ['obligation ${1:name} "${2:title}" {', '\trequirement "${3:requirement}"', '\tsource "${4:law, regulation or agreement}"', '\tapplies-to ${5:site_name}', '}$0']
    },
    change: {
        prefix: 'change',
        description: 'change — a planned change to the system (6.x) / 变更的策划（6.x）',
        body: ['change ${1:name} "${2:title}" {', '\tdescription "${3:description}"', '\tdate ${4:2024-06-01}', '\taffects ${5:site_name}', '\towner ${6:role_name}', '}$0']
    },
    meter: {
        prefix: 'meter',
        description: 'meter — a monitoring and measuring resource (7.1) / 监视和测量资源（7.1）',
        body: ['meter ${1:name} "${2:title}" {', '\tmeasures ${3:source_name}', '\taccuracy ${4:0.5} %', '\tcalibrated ${5:2024-02-01}', '\tinterval ${6:12} ${7|months,years,days|}', '}$0']
    },
    training: {
        prefix: 'training',
        description: 'training — competence and awareness (7.2, 7.3) / 能力与意识培训（7.2、7.3）',
        body: ['training ${1:name} "${2:title}" {', '\tfor ${3:role_name}', '\ttopic "${4:topic}"', '\tdate ${5:2024-03-01}', '}$0']
    },
    document: {
        prefix: 'document',
        description: 'document — documented information (7.5) / 成文信息（7.5）',
        body: ['document ${1:name} "${2:title}" {', '\tpath "${3:docs/manual.md}"', '\towner ${4:role_name}', '\tversion "${5:1.0}"', '}$0']
    },
    control: {
        prefix: 'control',
        description: 'control — operational control of sources (8.1) / 运行控制（8.1）',
        body: ['control ${1:name} "${2:title}" {', '\tapplies-to ${3:source_name}', '\tcriteria "${4:operating criteria}"', '\towner ${5:role_name}', '}$0']
    },
    procurement: {
        prefix: 'procurement',
        description: 'procurement — low-carbon procurement criteria (8.x) / 采购准则（8.x）',
        body: ['procurement ${1:name} "${2:title}" {', '\tcriteria "${3:criteria}"', '}$0']
    },
    design: {
        prefix: 'design',
        description: 'design — low-carbon design criteria (8.x) / 设计准则（8.x）',
        body: ['design ${1:name} "${2:title}" {', '\tcriteria "${3:criteria}"', '}$0']
    },
    evaluation: {
        prefix: 'evaluation',
        description: 'evaluation — carbon-neutrality evaluation (9.x) / 碳中和评价（9.x）',
        body: ['evaluation ${1:name} "${2:title}" {', '\tdate ${3:2025-02-01}', '\tresult "${4:result}"', '}$0']
    },
    'compliance-check': {
        prefix: 'compliance-check',
        description: 'compliance-check — evaluation of compliance (9.x) / 合规性评价（9.x）',
        body: ['compliance-check ${1:name} "${2:title}" {', '\tdate ${3:2024-11-01}', '\tobligations ${4:obligation_name}', '\tresult "${5:result}"', '}$0']
    },
    audit: {
        prefix: 'audit',
        description: 'audit — internal audit (9.x) / 内部审核（9.x）',
        body: ['audit ${1:name} "${2:title}" {', '\tdate ${3:2024-10-10}', '\tauditor "${4:auditor}"', '\tscope "${5:clauses and sites audited}"', '\tfindings ${6:nonconformity_name}', '}$0']
    },
    review: {
        prefix: 'review',
        description: 'review — management review (9.x) / 管理评审（9.x）',
        body: ['review ${1:name} "${2:title}" {', '\tdate ${3:2024-12-05}', '\tchaired-by ${4:role_name}', '\tdecisions "${5:decisions}"', '}$0']
    },
    nonconformity: {
        prefix: 'nonconformity',
        description: 'nonconformity — nonconformity and corrective action (10.x) / 不符合与纠正措施（10.x）',
        body: [
            'nonconformity ${1:name} "${2:title}" {',
            '\tfound-in ${3:audit_name}',
            '\tcause "${4:cause}"',
            '\tcorrection "${5:correction}"',
            '\tcorrective-action "${6:corrective action}"',
            '\towner ${7:role_name}',
            '\tdue ${8:2024-12-31}',
            '\tstatus ${9|open,closed|}',
            '}$0'
        ]
    },
    improvement: {
        prefix: 'improvement',
        description: 'improvement — continual improvement (10.x) / 持续改进（10.x）',
        body: ['improvement ${1:name} "${2:title}" {', '\tdescription "${3:description}"', '\towner ${4:role_name}', '}$0']
    },
    dataset: {
        prefix: 'dataset',
        description: 'dataset — activity data from a CSV table, month by month (docs/datasets.md) / 数据集：来自 CSV 表格的逐月活动数据',
        body: ['dataset ${1:meters} "${2:data/meters-2024.csv}" {', '\tcolumn ${3:meter} text', '\tcolumn ${4:month} date', '\tcolumn ${5:energy} ${6:MWh}', '}$0']
    },
    installation: {
        prefix: 'installation',
        description: 'installation — where goods are made, for their embedded emissions (docs/cbam.md) / 装置：生产产品之处，用于其隐含排放量',
        body: ['installation ${1:works} "${2:title}" at ${3:plant_a} {', '\tcountry "${4:CN}"', '\tcity "${5:city}"', '\tunlocode "${6:CNXXX}"', '}$0']
    },
    process: {
        prefix: 'process',
        description: 'process — a production process: its sources, precursors and the goods it makes (docs/cbam.md) / 生产工序：排放源、前体与所产产品',
        body: [
            'process ${1:name} "${2:title}" in ${3:works} {',
            '\tsources ${4:furnace}',
            '\tconsumes ${5:1_000} t of ${6:precursor}',
            '\tgood ${7:product} "${8:title}" {',
            '\t\tcn-code "${9:7208 39 00}"',
            '\t\tcategory "${10:Iron or steel products}"',
            '\t\tquantity ${11:1_000} t',
            '\t}',
            '}$0'
        ]
    },
    good: {
        prefix: 'good',
        description: 'good — a precursor bought, with its embedded emissions (docs/cbam.md) / 外购前体及其隐含排放量',
        body: [
            'good ${1:name} "${2:title}" {',
            '\tcn-code "${3:7213 91 10}"',
            '\tcategory "${4:Iron or steel products}"',
            '\tsupplier "${5:supplier}"',
            '\tcountry "${6:CN}"',
            '\tembedded-direct ${7:2.10} tCO2e/t',
            '\tembedded-indirect ${8:0} tCO2e/t',
            '}$0'
        ]
    }
};
