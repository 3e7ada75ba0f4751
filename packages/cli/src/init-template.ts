/**
 * The files of a new model (`cnms init`): one element of every kind the
 * standard requires, each with the properties the rules ask for, as
 * placeholders commented in English and Chinese. It validates with no error;
 * the warnings left ask for real data.
 */
export function initTemplate(year: number): Record<string, string> {
    const y = year;
    return {
        'organization.cnms': `// The organisation and its carbon-neutrality management system.
// 组织及其碳中和管理体系。Replace every placeholder with your own data. 请用实际数据替换所有占位内容。

organization my_company "My Company Co., Ltd." {
    industry "C3120"                       // national industry classification code 国民经济行业分类代码
    consolidation operational-control      // | financial-control | equity-share 合并方法
    period ${y}                            // the reporting period 报告期
    base-year ${y - 1}                     // 基准年
    gwp AR6                                // GWP set 全球变暖潜势值
    scope2 location-based                  // | market-based 范围二计算方法
    ms-scope "All sites and processes of My Company"   // management-system scope 管理体系范围
    materiality 1 %
    recalculation-threshold 5 %
}

// 4.1 Context: internal and external issues 内外部问题
issue energy_prices "Energy prices and carbon market" {
    kind external
    effect "Higher costs of fossil energy and allowances"
}
issue skills "Energy management skills" {
    kind internal
    effect "Few staff trained in GHG accounting"
}

// 4.2 Interested parties 相关方
party regulator "Provincial ecology and environment department" {
    needs "An annual, verified emissions report"
    obligation yes
}

// 5 Leadership: policy and roles 领导作用：方针与岗位
role general_manager "General manager 总经理" {
    responsibilities "Leads the carbon-neutrality management system"
    authority "Approves policy, targets and resources"
    top-management
}
role energy_manager "Energy and carbon manager 能源与碳管理负责人" {
    responsibilities "Runs the system and reports its performance to top management"
    authority "Coordinates monitoring, accounting and improvement"
    ms-representative
}
policy cn_policy "Carbon neutrality policy 碳中和方针" {
    text "We commit to carbon neutrality by 2050, to fulfil our compliance obligations and to improve continually."
    neutral-by 2050
    commits compliance, improvement, neutrality
    approved-by general_manager
    approved ${y}-01-15
    communicated yes
}

// 6.1 Risks, opportunities and compliance obligations 风险和机遇、合规义务
risk carbon_cost "Rising carbon costs" {
    kind risk
    likelihood medium
    impact high
    action "Plan reductions and budget for allowances"
    owner energy_manager
}
risk green_products "Demand for low-carbon products" {
    kind opportunity
    likelihood medium
    impact medium
    action "Offer products with a verified footprint"
    owner general_manager
}
obligation emissions_reporting "Annual emissions reporting" {
    requirement "Report verified annual greenhouse gas emissions"
    source "Provincial emissions reporting rules"
    applies-to main_site
}

// 6.3 and 6.5 Reductions, targets and the plan 减排措施、目标与计划
reduction efficiency "Energy efficiency programme" {
    on electricity
    cuts 5 %
    from ${y + 1}
    status planned
    owner energy_manager
}
target interim_${y + 4} "Cut 20 % by ${y + 4}" {
    kind absolute-reduction
    categories 1, 2
    base-year ${y - 1}
    base 1 tCO2e                           // replace with the base year's emissions 请替换为基准年排放量
    reduce 20 %
    year ${y + 4}
}
target neutral_2050 "Carbon neutral by 2050" {
    kind carbon-neutral
    categories 1, 2
    base-year ${y - 1}
    base 1 tCO2e                           // replace with the base year's emissions 请替换为基准年排放量
    year 2050
}
plan cn_plan "Carbon neutrality management plan 碳中和管理计划" {
    targets interim_${y + 4}, neutral_2050
    reductions efficiency
    offset-strategy "Offsets only for residual emissions, from registered projects"
    updated ${y}-12-01
}

// 7 Support 支持
training ghg_training "GHG accounting and the management system" {
    for energy_manager, general_manager
    topic "GHG accounting, monitoring and the carbon-neutrality standard"
    date ${y}-03-01
}
document manual "Management system manual 管理手册" {
    path "docs/manual.md"
    owner energy_manager
    version "1.0"
}

// 8 Operation 运行
control electricity_control "Electricity use control" {
    applies-to electricity
    criteria "Monthly review of consumption against the plan"
    owner energy_manager
}
procurement low_carbon_purchasing "Low-carbon purchasing" {
    criteria "Energy efficiency and supplier emissions are criteria of every purchase"
}
design low_carbon_design "Low-carbon design" {
    criteria "New equipment and products are designed for low energy use"
}

// 9 Performance evaluation 绩效评价
compliance-check reporting_check "Compliance evaluation ${y}" {
    date ${y}-11-20
    obligations emissions_reporting
    result "Compliant"
}
audit internal_audit_${y} "Internal audit ${y}" {
    date ${y}-10-15
    auditor "Internal audit team"
    scope "All clauses of the standard"
}
review management_review_${y} "Management review ${y}" {
    date ${y}-12-10
    chaired-by general_manager
    decisions "Approve the reduction plan and its budget"
}
evaluation cn_evaluation_${y} "Carbon-neutrality evaluation ${y}" {
    date ${y + 1}-02-15
    result "Emissions accounted; not yet neutral"
}

// 10 Improvement 改进
improvement metering "Better metering" {
    description "Install sub-meters on the largest consumers"
    owner energy_manager
}
`,
        'sites/main_site.cnms': `// A site of the boundary and its emission sources. 边界内的场所及其排放源。

site main_site "Main site 主厂区" {
    location "Hangzhou, Zhejiang"          // city and province 城市、省份
}

source electricity "Purchased electricity 外购电力" at main_site {
    category 2
    activity 0 MWh                         // replace with the metered consumption 请替换为计量数据
    factor china_grid.east_2023            // the grid factor of the site's region 所在区域电网排放因子
    monitored-by electricity_meter
    data-quality measured
    uncertainty 2 %
}

meter electricity_meter "Main electricity meter 总电表" {
    measures electricity
    accuracy 0.5 %
    calibrated ${y}-01-10
    interval 12 months
}
`,
        'docs/manual.md': `# Management system manual · 管理手册

Describe here how the carbon-neutrality management system works: scope,
responsibilities, procedures and records. 在此说明碳中和管理体系如何运行：范围、职责、程序和记录。
`
    };
}
