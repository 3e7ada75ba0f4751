import type { AstNode, ValidationAcceptor } from 'langium';
import { AstUtils, Cancellation, interruptAndCheck } from 'langium';
import { repeatedPropertyKeywords } from '../syntax/property-keywords.js';
import type { CnmsFile, Element } from '../generated/ast.js';
import { isClaim, isDataset, isFactor, isGood, isInstrument, isLet, isLibrary, isMeter, isOffset, isOrganization, isOutput, isProcess, isReduction, isRemoval, isSite, isSource, isTarget, isUnitDecl } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { kindText } from '../i18n/messages.js';
import { checkedProperty, ANY, CUTS, DIMENSIONLESS, MASS_OF_CO2E } from '../semantics/property-checks.js';
import { splitGasUnit } from '../semantics/gas-units.js';
import { distinctProblems, type FigureStore } from '../semantics/figure-memo.js';
import type { FigureProblem } from '../semantics/figure-problems.js';
import { ModelNameTable } from '../references/model-name-table.js';
import { isBuiltinUri } from '../workspace/builtin-library.js';
import { defineRule, ruleDocUrl, type Rule } from './rule.js';
import type { Finding } from './rule-reporter.js';
import { yearRangeFindings } from './year-range.js';
import { BuildCache } from '../workspace/build-cache.js';

/** The language rules (CN-NUM): checked by the parser, the linker, the evaluator and the class below. */
export const LANGUAGE_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-NUM-001',
        clause: null,
        severity: 'error',
        title: { en: 'Syntax', 'zh-CN': '语法' },
        description: {
            en: 'Every parse error, at its place, with what was expected; a property given twice in one block; an expression or a file past the limits of docs/limits.md.',
            'zh-CN': '每个语法错误，在其位置指出应有的内容；同一块中重复给出的属性；超出 docs/limits.md 所列上限的表达式或文件。'
        },
        rationale: { en: 'A model that does not parse cannot be checked against the standard, and a property given twice would silently replace the first value.', 'zh-CN': '无法解析的模型不能对照标准检查；重复的属性会悄悄覆盖前一个值。' },
        messages: {
            unexpected: { en: 'Syntax error: expected {expected}, found {found}.', 'zh-CN': '语法错误：此处应为 {expected}，实际为 {found}。' },
            unexpectedEnd: { en: 'Syntax error: the file ends where {expected} was expected.', 'zh-CN': '语法错误：文件在应为 {expected} 处结束。' },
            redundant: { en: 'Syntax error: {found} is not expected here; a statement starts with a keyword such as source, factor or site.', 'zh-CN': '语法错误：此处不应出现 {found}；语句应以 source、factor、site 等关键字开头。' },
            lexing: { en: 'Syntax error: unexpected character {found}.', 'zh-CN': '语法错误：无法识别的字符 {found}。' },
            duplicateProperty: { en: "'{property}' is given twice in {kind} {name}; a property may appear once.", 'zh-CN': '{kind} {name} 中的属性“{property}”出现了两次；每个属性只能出现一次。' },
            notText: { en: 'This file is not UTF-8 text ({reason}).', 'zh-CN': '该文件不是 UTF-8 文本（{reason}）。' },
            tooDeep: {
                en: 'This expression is nested more than {limit} levels deep (parentheses and minus signs); CNMS reads at most {limit}, so it is not read and its value is not computed — split it into lets.',
                'zh-CN': '该表达式嵌套超过 {limit} 层（括号与负号）；CNMS 最多读取 {limit} 层，因此不读取该表达式，其值不计算——请拆分为多个 let。'
            },
            tooManyTerms: {
                en: 'This expression has more than {limit} terms (numbers, names and units); CNMS reads at most {limit}, so it is not read and its value is not computed — split it into lets.',
                'zh-CN': '该表达式超过 {limit} 项（数字、名称与单位）；CNMS 最多读取 {limit} 项，因此不读取该表达式，其值不计算——请拆分为多个 let。'
            },
            fileTooLarge: { en: 'This file is larger than {limit}, the limit per file; it is not read — split it into several files.', 'zh-CN': '该文件大于单个文件的上限 {limit}，因此不读取——请拆分为多个文件。' }
        }
    }),
    defineRule({
        id: 'CN-NUM-002',
        clause: null,
        severity: 'error',
        title: { en: 'Unknown name, unit or gas', 'zh-CN': '未知的名称、单位或气体' },
        description: {
            en: 'A name, unit or gas that is not declared in the model or the built-in library; the nearest known name is suggested, for the first 25 unknown names of a file.',
            'zh-CN': '模型或内置库中未声明的名称、单位或气体；对每个文件的前 25 个未知名称给出最接近的已知名称。'
        },
        rationale: {
            en: 'A figure that refers to something unknown cannot be computed; the emission inventory (ISO 14064-1 clause 6) must be complete and traceable.',
            'zh-CN': '引用未知内容的数值无法计算；排放清单（ISO 14064-1 第 6 章）须完整、可追溯。'
        },
        messages: {
            unknown: { en: "Unknown {kind} '{name}'.", 'zh-CN': '未知的{kind}“{name}”。' },
            unknownSuggest: { en: "Unknown {kind} '{name}'; did you mean '{suggestion}'?", 'zh-CN': '未知的{kind}“{name}”；是否应为“{suggestion}”？' }
        }
    }),
    defineRule({
        id: 'CN-NUM-003',
        clause: null,
        severity: 'error',
        title: { en: 'Dimensions', 'zh-CN': '量纲' },
        description: {
            en: 'Dimensions: adding different dimensions, a property whose value has the wrong dimension, activity \u00d7 factor that is not a mass of a gas, exponents that are not integers, values that depend on themselves.',
            'zh-CN': '量纲：不同量纲相加、属性值量纲错误、活动数据 × 排放因子不是气体质量、非整数指数、循环依赖的值。'
        },
        rationale: { en: 'Emissions are masses of gases (GB/T 32150, ISO 14064-1 clause 6.2); a unit error is a wrong figure.', 'zh-CN': '排放量是气体的质量（GB/T 32150、ISO 14064-1 第 6.2 条）；单位错误即数值错误。' },
        messages: {
            add: { en: 'Cannot {operation} {left} and {right}: the dimensions differ.', 'zh-CN': '无法对{left}与{right}进行{operation}运算：量纲不同。' },
            property: { en: "'{property}' must be {expected}, but this value is {actual}.", 'zh-CN': '“{property}”应为{expected}，而该值为{actual}。' },
            product: { en: 'Activity × factor is {actual}, not a mass of a gas (activity is {activity}, factor value is {factor}).', 'zh-CN': '活动数据 × 排放因子的量纲为{actual}，不是气体质量（活动数据为{activity}，因子值为{factor}）。' },
            factorValue: { en: 'A factor value must be a mass of a gas per unit of activity, but this value is {actual}.', 'zh-CN': '排放因子值应为单位活动数据的气体质量，而该值为{actual}。' },
            factorSameGas: { en: 'Factor {name} gives two values for {gas}.', 'zh-CN': '排放因子 {name} 对 {gas} 给出了两个值。' },
            factorActivity: { en: 'The values of factor {name} are per different activity dimensions ({first} and {second}).', 'zh-CN': '排放因子 {name} 的各个值对应不同的活动数据量纲（{first} 与 {second}）。' },
            multiValueFactor: { en: 'Factor {name} has several gas values and can only be used alone, as `factor {name}`.', 'zh-CN': '排放因子 {name} 含多个气体值，只能单独使用，即 `factor {name}`。' },
            exponent: { en: 'An exponent must be an integer, not {exponent}.', 'zh-CN': '指数必须为整数，而不是 {exponent}。' },
            cycle: { en: '{name} depends on itself ({path}).', 'zh-CN': '{name} 依赖于自身（循环引用：{path}）。' },
            componentNotCo2e: {
                en: 'A value `of {gas}` is the CO2e of that gas per unit of activity (such as kgCO2e/kWh), but this value is {actual}.',
                'zh-CN': '`of {gas}` 的值应为该气体单位活动数据的 CO2 当量（如 kgCO2e/kWh），而该值为{actual}。'
            },
            noGwpBasis: {
                en: 'Factor {name} gives the CO2e of {gas} but no `gwp-basis`: name the GWP set its publisher weighted the gas with (such as `gwp-basis AR5`).',
                'zh-CN': '排放因子 {name} 给出了 {gas} 的 CO2 当量，但没有 `gwp-basis`：请指明发布方对该气体加权所用的 GWP 值集（如 `gwp-basis AR5`）。'
            },
            basisLacksGas: {
                en: 'The GWP set {set} of `gwp-basis` has no value for {gas}, so its CO2e cannot be turned back into a mass of {gas}.',
                'zh-CN': '`gwp-basis` 的 GWP 值集 {set} 没有 {gas} 的值，无法将其 CO2 当量换回 {gas} 的质量。'
            }
        }
    }),
    defineRule({
        id: 'CN-NUM-004',
        clause: null,
        severity: 'error',
        title: { en: 'Division by zero or inexact value', 'zh-CN': '除以零或无法精确计算' },
        description: { en: 'Division by zero, or a value that cannot be computed exactly (more than 900 digits).', 'zh-CN': '除以零，或无法精确计算的值（超过 900 位）。' },
        rationale: { en: 'Every figure is exact; Infinity or NaN would be a silently wrong figure.', 'zh-CN': '所有数值都是精确的；无穷大或 NaN 会成为悄然出错的数值。' },
        messages: {
            divisionByZero: { en: 'Division by zero: {operand} is 0.', 'zh-CN': '除以零：{operand} 的值为 0。' },
            zeroNegativePower: { en: '0 has no negative power: {base} is 0 and the exponent is {exponent}.', 'zh-CN': '0 没有负数次幂：{base} 的值为 0，而指数为 {exponent}。' },
            inexact: { en: 'This value cannot be computed exactly: {reason}.', 'zh-CN': '该值无法精确计算：{reason}。' }
        }
    }),
    defineRule({
        id: 'CN-NUM-005',
        clause: null,
        severity: 'error',
        title: { en: 'Value out of range', 'zh-CN': '数值超出范围' },
        description: { en: 'A share or percentage outside 0 \u2026 100 %; a negative activity, emission, removal or offset quantity.', 'zh-CN': '比例或百分比超出 0 … 100 %；活动数据、排放量、清除量或抵销量为负数。' },
        rationale: { en: 'Negative quantities would silently lower the emissions the standard asks to account in full.', 'zh-CN': '负值会悄悄减少标准要求完整核算的排放量。' },
        messages: {
            share: { en: "'{property}' must lie between 0 and 100 %, but it is {value}.", 'zh-CN': '“{property}”应在 0 至 100 % 之间，而其值为 {value}。' },
            negative: { en: "'{property}' must not be negative, but it is {value}.", 'zh-CN': '“{property}”不能为负数，而其值为 {value}。' }
        }
    }),
    defineRule({
        id: 'CN-NUM-006',
        clause: null,
        severity: 'error',
        title: { en: 'Duplicate name', 'zh-CN': '名称重复' },
        description: {
            en: 'Duplicate names of one kind in a model, a name used by two kinds that expressions can name, a name that is a unit, a second organization.',
            'zh-CN': '同一模型中同类名称重复、表达式可引用的两类声明同名、名称与单位同名、第二个组织。'
        },
        rationale: { en: 'A name must mean one thing for every figure that uses it; a management system has one organisation (clause 4.3).', 'zh-CN': '名称对所有引用它的数值必须含义唯一；一个管理体系只有一个组织（第 4.3 条）。' },
        messages: {
            duplicate: { en: "{kind} '{name}' is declared more than once in this model (also in {other}).", 'zh-CN': '{kind}“{name}”在本模型中重复声明（另见 {other}）。' },
            duplicateValue: {
                en: "The name '{name}' is used by both a {kind} and a {otherKind} ({other}); names used in expressions must be unique.",
                'zh-CN': '名称“{name}”同时被{kind}和{otherKind}使用（{other}）；表达式中可引用的名称必须唯一。'
            },
            unitName: { en: "'{name}' is the name of a unit; choose another name.", 'zh-CN': '“{name}”是单位名称，请另取名称。' },
            secondOrganization: { en: "A model has exactly one organization; '{name}' is a second one (the first is {other}).", 'zh-CN': '一个模型只能有一个组织；“{name}”是第二个（第一个见 {other}）。' }
        }
    }),
    defineRule({
        id: 'CN-NUM-009',
        clause: null,
        severity: 'warning',
        title: { en: 'File in no model', 'zh-CN': '文件不属于任何模型' },
        description: { en: 'A .cnms file with no organization in its folder or above it: it belongs to no model.', 'zh-CN': '所在目录及上级目录都没有 organization 的 .cnms 文件：不属于任何模型。' },
        rationale: { en: 'Names resolve within one model (language.md \u00a71); a file outside every model counts in no balance.', 'zh-CN': '名称只在一个模型内解析（language.md §1）；不属于任何模型的文件不计入任何平衡。' },
        messages: {
            noModel: {
                en: 'This file belongs to no model: no file in this folder or above it declares an organization, so its names resolve only within the file and its figures count in no balance.',
                'zh-CN': '该文件不属于任何模型：其所在目录及上级目录中没有声明 organization 的文件，因此其中的名称只在本文件内解析，其数值不计入任何碳中和平衡。'
            }
        }
    }),
    defineRule({
        id: 'CN-NUM-010',
        clause: null,
        severity: 'error',
        title: { en: 'Rule settings (cnms.json)', 'zh-CN': '规则设置（cnms.json）' },
        description: { en: "The model's cnms.json, which switches clause rules off or changes their severity, is valid.", 'zh-CN': '模型的 cnms.json（用于关闭条款规则或调整其严重性）有效。' },
        rationale: { en: 'A setting that is silently ignored would hide or show findings the team did not decide on.', 'zh-CN': '被悄悄忽略的设置会隐藏或显示团队并未决定的检查结果。' },
        messages: {
            json: { en: 'cnms.json is not valid JSON: {reason}.', 'zh-CN': 'cnms.json 不是有效的 JSON：{reason}。' },
            shape: { en: 'cnms.json must be an object with an optional "rules" object, such as { "rules": { "CN-8.2-001": "off" } }.', 'zh-CN': 'cnms.json 应为对象，可含 "rules" 对象，例如 { "rules": { "CN-8.2-001": "off" } }。' },
            unknownRule: { en: "cnms.json names rule '{rule}', which is not in the catalogue.", 'zh-CN': 'cnms.json 中的规则“{rule}”不在规则目录中。' },
            unknownRuleSuggest: { en: "cnms.json names rule '{rule}', which is not in the catalogue; did you mean '{suggestion}'?", 'zh-CN': 'cnms.json 中的规则“{rule}”不在规则目录中；是否应为“{suggestion}”？' },
            badValue: { en: 'cnms.json sets rule {rule} to \'{value}\'; use "off", "on", "error", "warning" or "info".', 'zh-CN': 'cnms.json 将规则 {rule} 设为“{value}”；应为 "off"、"on"、"error"、"warning" 或 "info"。' },
            alwaysOn: { en: 'cnms.json cannot change rule {rule}: the language rules are always on.', 'zh-CN': 'cnms.json 不能更改规则 {rule}：语言规则始终启用。' }
        }
    }),
    defineRule({
        id: 'CN-NUM-011',
        clause: null,
        severity: 'error',
        title: { en: 'A rule could not check the model', 'zh-CN': '规则无法检查模型' },
        description: {
            en: 'A rule of the catalogue failed while checking the model (a defect of cnms, not of the model): its findings are missing.',
            'zh-CN': '目录中的某条规则在检查模型时出错（这是 cnms 的缺陷，而非模型的问题）：其检查结果缺失。'
        },
        rationale: {
            en: 'A rule that fails silently would make a model read as compliant when it was never checked; cnms validate exits 2, as for any internal failure.',
            'zh-CN': '若规则出错而不报告，未经检查的模型会被误认为合规；cnms validate 与其他内部故障一样以 2 退出。'
        },
        messages: {
            failed: {
                en: 'Rule {rule} ({title}) could not check this model: {reason}. Its findings are missing, so compliance with it is not known; this is a defect of cnms, please report it.',
                'zh-CN': '规则 {rule}（{title}）无法检查本模型：{reason}。其检查结果缺失，因此无法判断是否符合该规则；这是 cnms 的缺陷，请报告。'
            }
        }
    }),
    defineRule({
        id: 'CN-NUM-012',
        clause: null,
        severity: 'error',
        title: { en: 'Year out of range', 'zh-CN': '年份超出范围' },
        description: {
            en: 'A year, or the year of a date, outside 1900 \u2026 2200, or a duration (a calibration `interval`) longer than those 300 years.',
            'zh-CN': '年份或日期中的年份不在 1900 … 2200 之间，或时长（校准周期 `interval`）超过这 300 年。'
        },
        rationale: {
            en: 'Carbon-neutrality plans run over decades, not millennia: a year such as 200000 or 24 is a typing mistake, and figures projected to it (a plan over 198,000 years, a calibration that never ends, a year 0024 read as 1924) would mislead.',
            'zh-CN': '碳中和规划以数十年计，而非数千年：200000 或 24 这样的年份是输入错误，据此推算的数值（长达 198000 年的规划、永不到期的校准、被读作 1924 的 0024 年）会产生误导。'
        },
        messages: {
            year: { en: "'{property}' is {value}, not a year between {first} and {last}.", 'zh-CN': '“{property}”为 {value}，不是 {first} 至 {last} 之间的年份。' },
            date: { en: 'The date {value} lies outside the years {first} to {last}.', 'zh-CN': '日期 {value} 不在 {first} 至 {last} 年之间。' },
            duration: { en: 'A duration of {value} reaches beyond the years {first} to {last}.', 'zh-CN': '时长 {value} 超出了 {first} 至 {last} 年的范围。' }
        }
    }),
    defineRule({
        id: 'CN-NUM-013',
        clause: null,
        severity: 'error',
        title: { en: 'Dataset file', 'zh-CN': '数据集文件' },
        description: {
            en: "A dataset's CSV file can be read and its data fit the declared columns: the file exists inside the model's repository and is not empty, its header names every declared column once, every row has as many cells as the header, numbers are numbers, units fit the column, dates are dates within the period. Each problem names the file, row and column (`data/meters-2024.csv:1234:3`).",
            'zh-CN':
                '数据集的 CSV 文件可读，且数据符合所声明的列：文件存在于模型的仓库内且非空，表头对每个声明的列恰好列出一次，每行单元格数与表头一致，数值为数值，单位符合该列，日期为报告期内的日期。每个问题都指明文件、行和列（`data/meters-2024.csv:1234:3`）。'
        },
        rationale: {
            en: 'Activity data read from tables must be as exact as typed ones (ISO 14064-1 clause 6.2, GB/T 32150): a row that cannot be read is reported where it lies, and the figures that use it are not computed rather than silently wrong.',
            'zh-CN': '从表格读取的活动数据必须与手工输入的一样精确（ISO 14064-1 第 6.2 条、GB/T 32150）：无法读取的行在其所在位置报告，使用该行的数值不计算，而不是悄然出错。'
        },
        messages: {
            noPath: {
                en: 'Dataset {dataset} names no file: write its path, such as `dataset {dataset} "data/meters-2024.csv" { … }`.',
                'zh-CN': '数据集 {dataset} 未指明文件：请写出其路径，例如 `dataset {dataset} "data/meters-2024.csv" { … }`。'
            },
            outside: { en: "The file {file} of dataset {dataset} must be a path relative to this file, inside the model's repository.", 'zh-CN': '数据集 {dataset} 的文件 {file} 应为相对于本文件、位于模型仓库内的路径。' },
            notFound: { en: 'The file {file} of dataset {dataset} does not exist.', 'zh-CN': '数据集 {dataset} 的文件 {file} 不存在。' },
            folder: { en: 'The path {file} of dataset {dataset} is a folder, not a CSV file.', 'zh-CN': '数据集 {dataset} 的路径 {file} 是文件夹，而不是 CSV 文件。' },
            badPath: { en: 'The path {file} of dataset {dataset} is not a path a file can have.', 'zh-CN': '数据集 {dataset} 的路径 {file} 不是有效的文件路径。' },
            unreadable: { en: '{place}: the file cannot be read: {reason}.', 'zh-CN': '{place}：无法读取该文件：{reason}。' },
            notUtf8: { en: '{file} is not UTF-8 text: save the table as CSV in UTF-8.', 'zh-CN': '{file} 不是 UTF-8 文本：请将表格另存为 UTF-8 编码的 CSV。' },
            quote: { en: '{place}: a quoted cell is not closed or is malformed, so the file cannot be read from here on.', 'zh-CN': '{place}：带引号的单元格未闭合或格式有误，因此无法读取该文件此后的内容。' },
            empty: { en: '{file} is empty: a dataset needs a header row naming its columns.', 'zh-CN': '{file} 为空：数据集需要一行列出各列名称的表头。' },
            missingHeader: { en: "{place}: the header has no column '{column}' (it has {header}).", 'zh-CN': '{place}：表头中没有列“{column}”（表头为 {header}）。' },
            semicolons: {
                en: "{place}: the header has no column '{column}': its cells are separated by semicolons ({header}), but a dataset's cells are separated by commas.",
                'zh-CN': '{place}：表头中没有列“{column}”：其单元格以分号分隔（{header}），而数据集的单元格应以逗号分隔。'
            },
            duplicateHeader: { en: "{place}: the header names column '{column}' twice (first as column {first}).", 'zh-CN': '{place}：表头两次列出列“{column}”（第一次为第 {first} 列）。' },
            ragged: { en: '{place}: this row has {count} cells, the header {expected}.', 'zh-CN': '{place}：该行有 {count} 个单元格，而表头有 {expected} 个。' },
            notNumber: { en: "{place}: '{value}' in column {column} is not a number.", 'zh-CN': '{place}：列 {column} 中的“{value}”不是数值。' },
            tooManyDigits: { en: '{place}: the number in column {column} has more than 900 digits, more than CNMS computes exactly.', 'zh-CN': '{place}：列 {column} 中的数值超过 900 位，超出 CNMS 可精确计算的范围。' },
            badDate: { en: "{place}: '{value}' in column {column} is not a month or a date (2024-03 or 2024-03-15).", 'zh-CN': '{place}：列 {column} 中的“{value}”不是月份或日期（2024-03 或 2024-03-15）。' },
            unknownUnit: { en: "{place}: '{unit}' in column {column} is not a unit of this model.", 'zh-CN': '{place}：列 {column} 中的“{unit}”不是本模型的单位。' },
            unitDimension: { en: "{place}: '{unit}' is {actual}, but column {column} holds {expected}.", 'zh-CN': '{place}：“{unit}”的量纲为{actual}，而列 {column} 的量纲为{expected}。' },
            outsidePeriod: { en: '{place}: {value} in column {column} lies outside the period {period}.', 'zh-CN': '{place}：列 {column} 中的 {value} 不在报告期 {period} 内。' },
            more: { en: '{file}: {count} more rows have problems (the first are shown).', 'zh-CN': '{file}：另有 {count} 行存在问题（仅显示前几项）。' }
        }
    }),
    defineRule({
        id: 'CN-NUM-014',
        clause: null,
        severity: 'error',
        title: { en: 'Dataset aggregates and monthly values', 'zh-CN': '数据集汇总与月度数值' },
        description: {
            en: 'An aggregate of a dataset column (`sum`, `count`, `min`, `max`, `avg` of `dataset.column where …`) can be computed: a known function, a column of numbers (any column for `count`), conditions on declared columns (`= "text"` on text, `in 2024` or `in 2024-03` on dates), at least one row, and no row it uses with a problem; and a `monthly { … }` value gives each month (2024-01 … 2024-12) once; a source with `gap-fill` gives its activity month by month, and its rule can fill every missing month (`previous-year` needs the same month a year before, `average` a month of the period given).',
            'zh-CN':
                '数据集列的汇总（`dataset.column where …` 的 `sum`、`count`、`min`、`max`、`avg`）可以计算：函数已知，列为数值列（`count` 可用于任意列），条件针对已声明的列（文本列用 `= "文本"`，日期列用 `in 2024` 或 `in 2024-03`），至少有一行，且所用的行均无问题；`monthly { … }` 中每个月份（2024-01 … 2024-12）只出现一次；声明 `gap-fill` 的排放源逐月给出活动数据，且其填补规则能填补每个缺失月份（`previous-year` 需要上年同月的数值，`average` 需要报告期内至少一个已给出的月份）。'
        },
        rationale: {
            en: 'A figure never misleads: a sum over a row that could not be read, or over no row at all (a mistyped meter), is not computed and says why.',
            'zh-CN': '数值绝不误导：对无法读取的行或对零行（例如计量器编号输错）求和时，不计算该值并说明原因。'
        },
        messages: {
            unknownFunction: { en: "'{name}' is not an aggregate: use sum, count, min, max or avg.", 'zh-CN': '“{name}”不是汇总函数：请使用 sum、count、min、max 或 avg。' },
            notNumeric: { en: '{function} needs a column of numbers, but {column} is a {kind} column.', 'zh-CN': '{function} 需要数值列，而 {column} 是 {kind} 列。' },
            unknownColumn: { en: "Dataset {dataset} has no column '{column}' (it has {columns}).", 'zh-CN': '数据集 {dataset} 没有列“{column}”（其列为 {columns}）。' },
            conditionKind: {
                en: 'Column {column} is a {kind} column: compare text columns with = "…", and date columns with in 2024 or in 2024-03.',
                'zh-CN': '列 {column} 是 {kind} 列：文本列用 = "…" 比较，日期列用 in 2024 或 in 2024-03。'
            },
            badMonth: { en: '{value} is not a year (2024) or a month (2024-03).', 'zh-CN': '{value} 不是年份（2024）或月份（2024-03）。' },
            datasetBroken: { en: 'Dataset {dataset} cannot be read ({file}; see its declaration), so this value is not computed.', 'zh-CN': '无法读取数据集 {dataset}（{file}；见其声明），因此不计算该值。' },
            brokenRow: { en: 'This value uses a row with a problem ({place}), so it is not computed.', 'zh-CN': '该值用到一行有问题的数据（{place}），因此不计算。' },
            noRows: { en: 'No row of {file} meets the conditions: the {function} of no rows is not computed.', 'zh-CN': '{file} 中没有满足条件的行：不计算零行的 {function}。' },
            monthTwice: { en: 'Month {month} is given twice: each month once.', 'zh-CN': '月份 {month} 出现了两次：每个月只能给出一次。' },
            noMonths: { en: '`monthly { }` gives no month: write each month and its value, such as `2024-01 1_200 MWh`.', 'zh-CN': '`monthly { }` 中没有任何月份：请逐月写出月份及其数值，例如 `2024-01 1_200 MWh`。' },
            gapFillNotMonthly: {
                en: 'Source {name} fills missing months (`gap-fill`), so its activity must have exactly one part given month by month: a `monthly { … }` value or a `sum(…)` of a dataset with a date column.',
                'zh-CN': '排放源 {name} 声明了缺失月份填补（`gap-fill`），其活动数据须恰有一个逐月给出的部分：一个 `monthly { … }`，或一个对含日期列的数据集的 `sum(…)`。'
            },
            gapFillNoPreviousYear: {
                en: 'Source {name} fills each missing month with the same month a year before (`gap-fill previous-year`), but no value is given for {months}: give it in the activity or in `gap-fill previous-year monthly { … }`. The source is not computed.',
                'zh-CN': '排放源 {name} 以上年同月的数值填补缺失月份（`gap-fill previous-year`），但没有 {months} 的数值：请在活动数据或 `gap-fill previous-year monthly { … }` 中给出。该排放源不予计算。'
            },
            gapFillNoAverage: {
                en: 'Source {name} fills each missing month with the mean of the months of the period given (`gap-fill average`), but no month of the period {period} is given. The source is not computed.',
                'zh-CN': '排放源 {name} 以报告期内已给出月份的平均值填补缺失月份（`gap-fill average`），但报告期 {period} 内没有任何已给出的月份。该排放源不予计算。'
            }
        }
    })
];

/** Kinds whose names an expression can use: they share one namespace. */
const VALUE_KINDS = new Set(['UnitDecl', 'Let', 'Factor', 'Output', 'Source']);

/** How many answers of `isUnitName` are kept. */
const MAX_KEPT_ANSWERS = 50_000;

/** A top-level declaration with a name. */
type NamedElement = Element & { readonly name: string };

/**
 * The language rules (CN-NUM): figure problems found by the evaluator,
 * duplicate names and properties, and files that belong to no model.
 */
export class CnmsLanguageRules {
    private readonly duplicates: BuildCache<string, Finding[]>;
    private readonly library = new Map<string, Set<string>>();
    /** Whether a name is a unit's (or a gas mass's, `tCO2`): asked for every value's name on every run. */
    private readonly unitNameAnswers = new Map<string, boolean>();
    /** Each model's declarations by name (CN-NUM-006), kept from build to build while the model exists (keyed by its key object). */
    private readonly declarationTables = new WeakMap<object, ModelNameTable<NamedElement>>();
    private readonly named = new WeakMap<CnmsFile, NamedElement[]>();
    private readonly unitNames = new WeakMap<CnmsFile, Finding[]>();
    /** The figure problems each declaration's figures hold (carried with a declaration parsed again unchanged). */
    private readonly elementProblems: FigureStore<Element, FigureProblem[]>;

    constructor(private readonly services: CnmsServices) {
        this.duplicates = new BuildCache(services.shared);
        this.elementProblems = services.semantics.FigureMemo.store((problems, counterpart) => {
            const moved: FigureProblem[] = [];
            for (const problem of problems) {
                const at = counterpart(problem.node);
                if (!at) return undefined;
                moved.push(at === problem.node ? problem : { ...problem, node: at });
            }
            return moved;
        });
    }

    /**
     * CN-NUM-003 … 005 and the figure rules (CN-6.2-002/003/004/010): asks for
     * every figure of the file's declarations and returns the problems that
     * lie in this file. Each problem belongs to the figure that found it, so
     * the answer does not depend on what was computed before; a problem that
     * lies in a file is found by a figure of that file's declarations (the
     * instruments' allocation for an instrument's). Kept per declaration with
     * what its figures read, like a figure, so that an edit computes the
     * problems of the declarations it changed, not those of the whole file.
     * Between declarations a newer edit cancels the pass (a pasted file of
     * 60,000 lets takes seconds), and requests are answered meanwhile.
     */
    async figureProblems(file: CnmsFile, cancelToken = Cancellation.CancellationToken.None): Promise<Finding[]> {
        const memo = this.services.semantics.FigureMemo;
        const uri = AstUtils.getDocument(file).uri.toString();
        const problems: FigureProblem[] = [];
        for (const element of file.elements) {
            await interruptAndCheck(cancelToken);
            problems.push(...memo.memo(this.elementProblems, element, () => memo.problemsOfFigures(() => this.evaluateElement(element))));
        }
        return distinctProblems(problems)
            .filter(problem => AstUtils.getDocument(problem.node).uri.toString() === uri)
            .sort(byPlace);
    }

    /** CN-NUM-001: a property given twice in one block (the grammar allows each once; the second would silently win). */
    /** CN-NUM-012: the years and dates of the file within FIRST_YEAR … LAST_YEAR (rules/year-range.ts). */
    checkYears(file: CnmsFile, accept: ValidationAcceptor): void {
        const reporter = this.services.rules.Reporter;
        for (const finding of yearRangeFindings(file)) reporter.report(accept, finding);
    }

    checkDuplicateProperties(file: CnmsFile, accept: ValidationAcceptor): void {
        const reporter = this.services.rules.Reporter;
        const check = (element: AstNode & { name?: string }) => {
            for (const keyword of repeatedPropertyKeywords(element)) {
                reporter.report(accept, {
                    rule: 'CN-NUM-001',
                    key: 'duplicateProperty',
                    params: { property: keyword, kind: kindText(element.$type), name: element.name ?? '' },
                    node: element,
                    property: undefined
                });
            }
        };
        for (const element of file.elements) {
            check(element);
            if (isLibrary(element)) element.elements.forEach(check);
            if (isProcess(element)) element.goods.forEach(check);
        }
    }

    /** CN-NUM-009: one diagnostic for a file that belongs to no model. */
    checkInModel(file: CnmsFile, accept: ValidationAcceptor): void {
        const uri = AstUtils.getDocument(file).uri;
        if (isBuiltinUri(uri) || !this.services.references.Models.isInNoModel(uri)) return;
        const first = file.elements[0];
        accept('warning', this.services.I18n.ruleMessage('CN-NUM-009', 'noModel'), {
            node: first ?? file,
            property: first ? 'name' : undefined,
            code: 'CN-NUM-009',
            codeDescription: { href: ruleDocUrl('CN-NUM-009') },
            data: { rule: 'CN-NUM-009', clause: null, key: 'noModel' }
        });
    }

    /** CN-NUM-006: names unique per kind in a model, value names unique across value kinds, no unit names, one organization. */
    duplicateNames(file: CnmsFile): Finding[] {
        const uri = AstUtils.getDocument(file).uri;
        if (isBuiltinUri(uri)) return [];
        const model = this.services.references.Models.modelOf(uri);
        return this.duplicates.get(model, () => this.findDuplicates(model)).filter(finding => AstUtils.getDocument(finding.node).uri.toString() === uri.toString());
    }

    private findDuplicates(model: string): Finding[] {
        const findings: Finding[] = [];
        const files = this.services.references.Models.documentsOf(model).map(doc => doc.parseResult.value as CnmsFile);
        const where = (node: AstNode) => {
            const doc = AstUtils.getDocument(node);
            const line = (node.$cstNode?.range.start.line ?? 0) + 1;
            return `${doc.uri.path.split('/').pop()}:${line}`;
        };
        const organizations = files.flatMap(file => file.elements?.filter(isOrganization) ?? []);
        for (const extra of organizations.slice(1)) {
            findings.push({ rule: 'CN-NUM-006', key: 'secondOrganization', params: { name: extra.name, other: where(organizations[0]) }, node: extra, property: 'name' });
        }
        // the model's declarations by name, updated file by file; only names declared more than once are looked at
        const modelObject = this.services.references.Models.keyObject(model);
        let table = this.declarationTables.get(modelObject);
        if (!table)
            this.declarationTables.set(
                modelObject,
                (table = new ModelNameTable<NamedElement>(
                    element => element.name,
                    element => AstUtils.getDocument(element).uri.toString()
                ))
            );
        table.update(files.map(file => ({ uri: AstUtils.getDocument(file).uri.toString(), items: this.namedDeclarations(file) })));
        for (const name of table.sharedNames()) {
            const list = table.all(name);
            for (const element of list) {
                const sameKind = list.filter(other => other !== element && other.$type === element.$type);
                const otherValue = list.find(other => other !== element && other.$type !== element.$type && VALUE_KINDS.has(other.$type) && VALUE_KINDS.has(element.$type));
                if (sameKind.length > 0) {
                    findings.push({ rule: 'CN-NUM-006', key: 'duplicate', params: { kind: kindText(element.$type), name, other: where(sameKind[0]) }, node: element, property: 'name' });
                } else if (otherValue) {
                    findings.push({ rule: 'CN-NUM-006', key: 'duplicateValue', params: { name, kind: kindText(element.$type), otherKind: kindText(otherValue.$type), other: where(otherValue) }, node: element, property: 'name' });
                }
            }
        }
        for (const file of files) findings.push(...this.unitNamed(file));
        return findings;
    }

    /** The named declarations of a file that CN-NUM-006 compares (not the organisation or library blocks), kept per parse. */
    private namedDeclarations(file: CnmsFile): NamedElement[] {
        let named = this.named.get(file);
        if (!named) {
            // the goods a process makes are named in the model like top-level declarations (other processes consume them)
            const elements = (file.elements ?? []).flatMap((element): AstNode[] => (isProcess(element) ? [element, ...element.goods] : [element]));
            named = elements.filter((element): element is NamedElement => !isOrganization(element) && !isLibrary(element) && 'name' in element && typeof element.name === 'string' && element.name.length > 0);
            this.named.set(file, named);
        }
        return named;
    }

    /** CN-NUM-006's values named like a unit (`t`, `tCO2`) in one file, kept per parse. */
    private unitNamed(file: CnmsFile): Finding[] {
        let findings = this.unitNames.get(file);
        if (!findings) {
            findings = this.namedDeclarations(file)
                .filter(element => VALUE_KINDS.has(element.$type) && !isUnitDecl(element) && this.isUnitName(element.name))
                .map(element => ({ rule: 'CN-NUM-006', key: 'unitName', params: { name: element.name }, node: element, property: 'name' }));
            this.unitNames.set(file, findings);
        }
        return findings;
    }

    private isUnitName(name: string): boolean {
        let known = this.unitNameAnswers.get(name);
        if (known === undefined) {
            const units = this.libraryNames('UnitDecl');
            const gases = this.libraryNames('GasDecl');
            known = units.has(name) || splitGasUnit(name, gas => gases.has(gas)) !== undefined;
            // the library never changes once loaded: the answer for a name holds (kept for a model's
            // names, not for every name ever typed: a long editing session types thousands)
            if (units.size > 0 && this.unitNameAnswers.size < MAX_KEPT_ANSWERS) this.unitNameAnswers.set(name, known);
        }
        return known;
    }

    /** The names of the built-in library's declarations of one type (the library never changes). */
    private libraryNames(type: string): Set<string> {
        let names = this.library.get(type);
        if (!names) {
            names = new Set(
                this.services.shared.workspace.IndexManager.allElements(type)
                    .filter(desc => isBuiltinUri(desc.documentUri))
                    .map(desc => desc.name)
            );
            if (names.size > 0) this.library.set(type, names);
        }
        return names;
    }

    /** Asks for the figures of one declaration, as its checks need them (the model balance asks for the rest). */
    private evaluateElement(element: Element): void {
        const evaluator = this.services.semantics.Evaluator;
        const semantics = this.services.semantics;
        if (isUnitDecl(element) || isLet(element) || isOutput(element) || isFactor(element) || isSource(element)) {
            evaluator.checkCycle(element);
        }
        if (isLibrary(element)) {
            element.elements.forEach(inner => this.evaluateElement(inner));
        } else if (isUnitDecl(element) || isOutput(element)) {
            if (isUnitDecl(element)) evaluator.unitValue(element);
            else evaluator.evaluate(element.value);
        } else if (isLet(element)) {
            evaluator.evaluate(element.value);
            checkedProperty(evaluator, element, 'uncertainty', DIMENSIONLESS, 'non-negative');
        } else if (isFactor(element)) {
            evaluator.factorValues(element);
            checkedProperty(evaluator, element, 'uncertainty', DIMENSIONLESS, 'non-negative');
        } else if (isSource(element)) {
            checkedProperty(evaluator, element, 'uncertainty', DIMENSIONLESS, 'non-negative');
            semantics.SourceFigures.of(element);
        } else if (isRemoval(element)) {
            checkedProperty(evaluator, element, 'uncertainty', DIMENSIONLESS, 'non-negative');
            semantics.Balance.removalFigures(element);
        } else if (isOffset(element)) {
            semantics.Balance.offsetFigures(element, semantics.OrganizationSettings.of(this.services.references.Models.modelOfNode(element)));
        } else if (isDataset(element)) {
            semantics.Datasets.of(element);
        } else if (isProcess(element)) {
            semantics.ProductFigures.ofProcess(element);
            element.goods.forEach(good => semantics.ProductFigures.ofGood(good));
        } else if (isGood(element)) {
            semantics.ProductFigures.ofGood(element);
        } else if (isSite(element)) {
            semantics.BoundaryShares.declaredShare(element);
            semantics.BoundaryShares.controlShare(element);
        } else if (isOrganization(element)) {
            checkedProperty(evaluator, element, 'materiality', DIMENSIONLESS, 'share');
            checkedProperty(evaluator, element, 'recalculationThreshold', DIMENSIONLESS, 'share');
            // the organisation's residual-mix factor is checked with its settings (semantics/residual-mix.ts)
            semantics.OrganizationSettings.of(this.services.references.Models.modelOfNode(element));
        } else if (isTarget(element)) {
            checkedProperty(evaluator, element, 'base', ANY, 'non-negative');
            checkedProperty(evaluator, element, 'reduce', DIMENSIONLESS, 'share');
        } else if (isReduction(element)) {
            const cuts = checkedProperty(evaluator, element, 'cuts', CUTS, 'non-negative');
            if (cuts?.dimension.isDimensionless()) checkedProperty(evaluator, element, 'cuts', CUTS, 'share');
        } else if (isClaim(element)) {
            checkedProperty(evaluator, element, 'previous', MASS_OF_CO2E, 'non-negative');
        } else if (isMeter(element)) {
            checkedProperty(evaluator, element, 'accuracy', DIMENSIONLESS, 'non-negative');
        } else if (isInstrument(element)) {
            const models = this.services.references.Models;
            const uri = AstUtils.getDocument(element).uri;
            if (models.isInNoModel(uri)) checkedProperty(evaluator, element, 'quantity', ANY, 'non-negative');
            else semantics.InstrumentAllocation.ofModel(models.modelOf(uri));
        }
    }
}

/** Findings in the order of their place in the file, then by rule and message. */
function byPlace(a: Finding, b: Finding): number {
    const offset = (finding: Finding) => finding.node.$cstNode?.offset ?? 0;
    return offset(a) - offset(b) || a.rule.localeCompare(b.rule) || a.key.localeCompare(b.key);
}
