// The extension's own user-visible texts, in English and Simplified Chinese.
// They follow `cnms.messages.language`, like the server's messages; the
// contributions in package.json are translated by package.nls*.json.
import { currentLocale, type CnmsLocale } from './locale.js';

const TEXTS = {
    'server.name': { en: 'CNMS Language Server', 'zh-CN': 'CNMS 语言服务器' },
    'server.failed': { en: 'The CNMS language server did not start: {message}', 'zh-CN': 'CNMS 语言服务器未能启动：{message}' },
    'status.name': { en: 'CNMS net balance', 'zh-CN': 'CNMS 净排放' },
    'status.text': { en: '$(pulse) Net{period}: {net} tCO2e', 'zh-CN': '$(pulse) 净排放{period}：{net} tCO2e' },
    'status.none': { en: '$(pulse) Net: —', 'zh-CN': '$(pulse) 净排放：—' },
    'status.noModel': { en: 'This file belongs to no CNMS model: no `organization` is declared in its folder or above it.', 'zh-CN': '此文件不属于任何 CNMS 模型：其所在目录及上级目录中没有声明 `organization`。' },
    'status.unavailable': { en: 'The balance is not available: {message}', 'zh-CN': '无法获取碳排放平衡：{message}' },
    'status.click': { en: 'Click to show the whole balance.', 'zh-CN': '单击显示完整的碳排放平衡。' },
    'balance.document': { en: 'CNMS balance', 'zh-CN': 'CNMS 碳排放平衡' },
    'balance.noEditor': { en: 'Open a CNMS file to show the balance of its model.', 'zh-CN': '请先打开一个 CNMS 文件，再显示其模型的碳排放平衡。' },
    'validate.progress': { en: 'Validating the CNMS workspace…', 'zh-CN': '正在校验 CNMS 工作区…' },
    'validate.done': {
        en: 'CNMS: {files} files checked: {errors} errors, {warnings} warnings, {infos} infos.',
        'zh-CN': 'CNMS：已校验 {files} 个文件，{errors} 个错误，{warnings} 个警告，{infos} 条提示。'
    },
    'validate.failed': { en: 'CNMS: the workspace could not be validated: {message}', 'zh-CN': 'CNMS：无法校验工作区：{message}' }
} as const satisfies Record<string, Record<CnmsLocale, string>>;

export type TextId = keyof typeof TEXTS;

/** The text `id` in the current locale, with `{name}` placeholders filled in. */
export function text(id: TextId, values: Record<string, string | number> = {}, locale: CnmsLocale = currentLocale()): string {
    return TEXTS[id][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
