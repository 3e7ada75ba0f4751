// The extension's own user-visible texts, in English and Simplified Chinese.
// They follow `cnms.messages.language`, like the server's messages; the
// contributions in package.json are translated by package.nls*.json.
import { currentLocale, type CnmsLocale } from './locale.js';
// the language package's template filling (placeholders and plural choices): a pure function that esbuild inlines
import { fillTemplate } from '../../language/src/i18n/locale.js';

const TEXTS = {
    'server.name': { en: 'CNMS Language Server', 'zh-CN': 'CNMS 语言服务器' },
    'server.failed': { en: 'The CNMS language server did not start: {message}', 'zh-CN': 'CNMS 语言服务器未能启动：{message}' },
    'status.name': { en: 'CNMS net balance', 'zh-CN': 'CNMS 净排放' },
    'status.text': { en: '$(pulse) Net{period}: {net} tCO2e', 'zh-CN': '$(pulse) 净排放{period}：{net} tCO2e' },
    'status.none': { en: '$(pulse) Net: —', 'zh-CN': '$(pulse) 净排放：—' },
    'status.loading': { en: '$(sync~spin) CNMS: loading model…', 'zh-CN': '$(sync~spin) CNMS：正在加载模型…' },
    'status.loadingTooltip': { en: 'The language server is reading and computing the model.', 'zh-CN': '语言服务器正在读取并计算模型。' },
    'status.checking': { en: ' · checking rules…', 'zh-CN': ' · 正在检查规则…' },
    'status.incomplete': { en: ' · {count} not computed', 'zh-CN': ' · {count} 项未计算' },
    'status.noModel': { en: 'This file belongs to no CNMS model: no `organization` is declared in its folder or above it.', 'zh-CN': '此文件不属于任何 CNMS 模型：其所在目录及上级目录中没有声明 `organization`。' },
    'status.unavailable': { en: 'The balance is not available: {message}', 'zh-CN': '无法获取碳排放平衡：{message}' },
    'status.click': { en: 'Click to show the whole balance.', 'zh-CN': '单击显示完整的碳排放平衡。' },
    'status.delta': { en: ' · Δ {delta} vs {revision}', 'zh-CN': ' · Δ {delta}（相对 {revision}）' },
    'status.deltaTooltip': {
        en: 'Net change since {revision} (saved files): {delta} tCO2e',
        'zh-CN': '自 {revision} 以来的净排放变化（已保存的文件）：{delta} tCO2e'
    },
    'balance.document': { en: 'CNMS balance', 'zh-CN': 'CNMS 碳排放平衡' },
    'balance.noEditor': { en: 'Open a CNMS file to show the balance of its model.', 'zh-CN': '请先打开一个 CNMS 文件，再显示其模型的碳排放平衡。' },
    'validate.progress': { en: 'Validating the CNMS workspace…', 'zh-CN': '正在校验 CNMS 工作区…' },
    'validate.done': {
        en: 'CNMS: {files:# file|# files} checked: {errors:# error|# errors}, {warnings:# warning|# warnings}, {infos:# note|# notes}.',
        'zh-CN': 'CNMS：已校验 {files} 个文件，{errors} 个错误，{warnings} 个警告，{infos} 条提示。'
    },
    'validate.failed': { en: 'CNMS: the workspace could not be validated: {message}', 'zh-CN': 'CNMS：无法校验工作区：{message}' },
    'report.noEditor': { en: 'Open a CNMS file to report on its model.', 'zh-CN': '请先打开一个 CNMS 文件，再生成其模型的报告。' },
    'report.noModel': {
        en: 'No report: this file belongs to no CNMS model (no `organization` is declared in its folder or above it).',
        'zh-CN': '无法生成报告：此文件不属于任何 CNMS 模型（其所在目录及上级目录中没有声明 `organization`）。'
    },
    'report.failed': { en: 'CNMS: the report could not be made: {message}', 'zh-CN': 'CNMS：无法生成报告：{message}' },
    'report.progress': { en: 'Making the CNMS report…', 'zh-CN': '正在生成 CNMS 报告…' },
    'preview.title': { en: 'Report: {organization}', 'zh-CN': '报告：{organization}' },
    'preview.gone': {
        en: 'This model has no report any more: no `organization` is declared for it.',
        'zh-CN': '此模型已无法生成报告：没有为其声明 `organization`。'
    },
    'preview.lost': {
        en: 'This preview could not be restored: open it again with “CNMS: Open Report Preview”.',
        'zh-CN': '无法恢复此预览：请使用“CNMS: 打开报告预览”重新打开。'
    },
    'export.pick': { en: 'Export the CNMS report of this model as…', 'zh-CN': '将此模型的 CNMS 报告导出为…' },
    'export.md': { en: 'Markdown', 'zh-CN': 'Markdown 文档' },
    'export.md.detail': { en: 'The report as text, for a repository or a wiki', 'zh-CN': '纯文本报告，适合放入代码仓库或知识库' },
    'export.html': { en: 'HTML page', 'zh-CN': 'HTML 网页' },
    'export.html.detail': { en: 'One self-contained page with the charts, to read or print', 'zh-CN': '包含图表的独立网页，可阅读或打印' },
    'export.json': { en: 'JSON data', 'zh-CN': 'JSON 数据' },
    'export.json.detail': { en: 'Every figure of the report, for other programs', 'zh-CN': '报告中的全部数据，供其他程序使用' },
    'export.csv': { en: 'CSV table of the sources', 'zh-CN': 'CSV 排放源表' },
    'export.csv.detail': { en: 'One row per emission source, for a spreadsheet', 'zh-CN': '每个排放源一行，可用电子表格打开' },
    'export.xlsx': { en: 'Excel workbook', 'zh-CN': 'Excel 工作簿' },
    'export.xlsx.detail': { en: "The report's tables as worksheets", 'zh-CN': '报告中的各表格，各占一个工作表' },
    'export.save': { en: 'Export', 'zh-CN': '导出' },
    'export.done': { en: 'CNMS: the report was written to {file}.', 'zh-CN': 'CNMS：报告已写入 {file}。' },
    'export.open': { en: 'Open', 'zh-CN': '打开' },
    'export.reveal': { en: 'Show in Folder', 'zh-CN': '在文件夹中显示' },
    'diff.noEditor': { en: 'Open a CNMS file to compare its model with a revision.', 'zh-CN': '请先打开一个 CNMS 文件，再将其模型与某个版本比较。' },
    'diff.title.input': { en: 'CNMS: Compare with Revision', 'zh-CN': 'CNMS: 与版本比较' },
    'diff.prompt': {
        en: 'The git revision to compare the model with: a branch, a tag, a commit or HEAD~1. The other side is the saved files.',
        'zh-CN': '要与模型比较的 git 版本：分支、标签、提交或 HEAD~1。另一侧为已保存的文件。'
    },
    'diff.empty': { en: 'Name a revision, such as HEAD.', 'zh-CN': '请输入一个版本，例如 HEAD。' },
    'diff.invalid': { en: 'A revision does not start with “-”.', 'zh-CN': '版本名称不能以“-”开头。' },
    'diff.progress': { en: 'Comparing the CNMS model with {revision}…', 'zh-CN': '正在将 CNMS 模型与 {revision} 比较…' },
    'diff.failed': { en: 'CNMS: the model could not be compared with {revision}: {message}', 'zh-CN': 'CNMS：无法将模型与 {revision} 比较：{message}' },
    'diff.title': { en: 'CNMS: changes since {revision}', 'zh-CN': 'CNMS：自 {revision} 以来的变化' },
    'diff.pick': { en: 'Compare the model with…', 'zh-CN': '将模型与以下版本比较…' },
    'diff.pick.head': { en: 'the last commit', 'zh-CN': '最近一次提交' },
    'diff.pick.branches': { en: 'Branches', 'zh-CN': '分支' },
    'diff.pick.tags': { en: 'Tags', 'zh-CN': '标签' },
    'diff.pick.commits': { en: 'Recent commits', 'zh-CN': '最近的提交' },
    'diff.pick.other': { en: 'Another revision…', 'zh-CN': '其他版本…' },
    'diff.pick.otherDetail': { en: 'Type a branch, a tag, a commit or HEAD~2', 'zh-CN': '输入分支、标签、提交或 HEAD~2' },
    'diff.heading': { en: 'Changes in {model}', 'zh-CN': '{model} 的变化' },
    'diff.savedFiles': { en: 'the saved files', 'zh-CN': '已保存的文件' },
    'diff.netChange': { en: 'Net balance:', 'zh-CN': '净排放变化：' },
    'diff.colon': { en: ': ', 'zh-CN': '：' },
    'diff.neutrality.kept': { en: 'still carbon neutral', 'zh-CN': '仍为碳中和' },
    'diff.neutrality.lost': { en: 'no longer carbon neutral', 'zh-CN': '不再碳中和' },
    'diff.neutrality.gained': { en: 'now carbon neutral', 'zh-CN': '现已碳中和' },
    'diff.neutrality.still-not': { en: 'not carbon neutral, as before', 'zh-CN': '仍未实现碳中和' },
    'diff.totals': { en: 'Totals (tCO2e)', 'zh-CN': '合计（tCO2e）' },
    'diff.before': { en: 'Before', 'zh-CN': '之前' },
    'diff.after': { en: 'Now', 'zh-CN': '现在' },
    'diff.change': { en: 'Change', 'zh-CN': '变化' },
    'diff.causes': { en: 'Caused by', 'zh-CN': '原因' },
    'diff.emissions': { en: 'Emissions', 'zh-CN': '排放量' },
    'diff.removals': { en: 'Removals', 'zh-CN': '清除量' },
    'diff.offsets': { en: 'Offsets', 'zh-CN': '抵销量' },
    'diff.net': { en: 'Net', 'zh-CN': '净排放' },
    'diff.figures': { en: '{count:# figure|# figures} changed (tCO2e)', 'zh-CN': '{count} 个数值变化（tCO2e）' },
    'diff.other': { en: '{count:# other declaration|# other declarations} changed', 'zh-CN': '其他 {count} 个声明变化' },
    'diff.targets': { en: 'First missed year of the targets', 'zh-CN': '目标首次未达成的年份' },
    'diff.never': { en: 'never', 'zh-CN': '无' },
    'diff.findings': { en: 'Findings gained (+) and resolved (−)', 'zh-CN': '新增（+）与消除（−）的问题' },
    'diff.unparsable': { en: '{file} does not parse at {revision}.', 'zh-CN': '{file} 在 {revision} 中无法解析。' },
    'diff.cause.activity': { en: 'activity', 'zh-CN': '活动数据' },
    'diff.cause.factor': { en: 'factor', 'zh-CN': '排放因子' },
    'diff.cause.gwp': { en: 'GWP set', 'zh-CN': 'GWP 值' },
    'diff.cause.share': { en: 'share', 'zh-CN': '权益份额' },
    'diff.cause.scope2': { en: 'scope-2 method', 'zh-CN': '范围二方法' },
    'diff.cause.category': { en: 'category', 'zh-CN': '类别' },
    'diff.cause.other': { en: 'other', 'zh-CN': '其他' },
    'balance.title': { en: 'Balance: {model}', 'zh-CN': '碳排放平衡：{model}' },
    'newModel.title': { en: 'CNMS: New Model — choose an empty folder', 'zh-CN': 'CNMS：新建模型——选择一个空文件夹' },
    'newModel.create': { en: 'Create Model Here', 'zh-CN': '在此创建模型' },
    'newModel.exists': { en: 'CNMS: not overwriting {files}: choose an empty folder.', 'zh-CN': 'CNMS：不会覆盖 {files}，请选择一个空文件夹。' },
    'newModel.failed': { en: 'CNMS: the model could not be written: {message}', 'zh-CN': 'CNMS：无法写入模型：{message}' },
    'newModel.outside': {
        en: 'The new model is outside the open folder: open its folder to see its balance and findings.',
        'zh-CN': '新模型不在当前打开的文件夹中：请打开其文件夹以查看碳排放平衡与问题。'
    },
    'newModel.openFolder': { en: 'Open Folder', 'zh-CN': '打开文件夹' },
    'export.failed': { en: 'CNMS: the report could not be written to {file}: {message}', 'zh-CN': 'CNMS：无法将报告写入 {file}：{message}' },
    'export.openFailed': { en: 'CNMS: {file} was written but could not be opened: {message}', 'zh-CN': 'CNMS：报告已写入 {file}，但无法打开：{message}' }
} as const satisfies Record<string, Record<CnmsLocale, string>>;

export type TextId = keyof typeof TEXTS;

export function isTextId(id: string): id is TextId {
    return Object.hasOwn(TEXTS, id);
}

/** The text `id` in the current locale, with `{name}` placeholders filled in. */
export function text(id: TextId, values: Record<string, string | number> = {}, locale: CnmsLocale = currentLocale()): string {
    return fillTemplate(TEXTS[id][locale], values);
}
