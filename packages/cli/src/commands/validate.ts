import type { Locale } from '@cnms/language';
import type { Colors } from '../colors.js';
import { collectDiagnostics, exitCodeOf, type DiagnosticRecord } from '../diagnostics.js';
import { loadWorkspace } from '../load-workspace.js';
import { CliError } from '../cli-error.js';
import { coverageText } from '../output/coverage-text.js';
import { sarifLog } from '../output/sarif.js';
import { escapeControlCharacters } from '../shown-path.js';
import { CLI_VERSION } from '../version.js';
import { BUILTIN_MODEL, clauseCoverage, shownName, type ClauseCoverage } from '@cnms/language';
import type { LoadedWorkspace } from '../load-workspace.js';

export interface ValidateOptions {
    readonly format: string;
    readonly locale: Locale;
    readonly colors: Colors;
    readonly quiet: boolean;
}

const SUMMARY = {
    en: {
        clean: (files: number) => `No problems in ${plural(files, 'file')}.`,
        found: (e: number, w: number, i: number, files: number) => `${plural(e, 'error')}, ${plural(w, 'warning')}, ${plural(i, 'info', 'infos')} in ${plural(files, 'file')}.`
    },
    'zh-CN': { clean: (files: number) => `${files} 个文件，未发现问题。`, found: (e: number, w: number, i: number, files: number) => `${files} 个文件：${e} 个错误，${w} 个警告，${i} 条提示。` }
} as const;

function plural(count: number, one: string, many = `${one}s`): string {
    return `${count} ${count === 1 ? one : many}`;
}

/** `cnms validate [PATH…] [--format text|json|sarif]`: exit 1 when any error is found, 2 when a rule could not check the model. */
export async function validate(paths: readonly string[], options: ValidateOptions, write: (text: string) => void): Promise<number> {
    if (!['text', 'json', 'sarif'].includes(options.format)) {
        throw new CliError(`unknown format '${options.format}' for validate: use text, json or sarif`);
    }
    const workspace = await loadWorkspace(paths, options.locale);
    const records = collectDiagnostics(workspace);
    const errors = records.filter(r => r.severity === 'error').length;
    const coverage = modelCoverage(workspace);
    if (options.format === 'sarif') {
        write(`${JSON.stringify(sarifLog(records, CLI_VERSION, options.locale), null, 2)}\n`);
    } else if (options.format === 'json') {
        write(`${JSON.stringify({ diagnostics: records, coverage: coverage.map(({ model, rows }) => ({ model, clauses: rows.map(row => ({ ...row, title: row.title[options.locale] })) })) }, null, 2)}\n`);
    } else {
        const shown = options.quiet ? records.filter(r => r.severity === 'error') : records;
        for (const record of shown) write(`${formatRecord(record, options.colors)}\n`);
        if (!options.quiet) {
            for (const { model, rows } of coverage) write(`\n${coverageText(model, rows, options.locale, options.colors)}`);
            const files = workspace.requested.length + workspace.unreadable.length;
            const warnings = records.filter(r => r.severity === 'warning').length;
            const infos = records.filter(r => r.severity === 'info').length;
            const summary = SUMMARY[options.locale];
            const line = records.length === 0 ? summary.clean(files) : summary.found(errors, warnings, infos, files);
            write(`${errors > 0 ? options.colors.red(line) : records.length > 0 ? options.colors.yellow(line) : options.colors.green(line)}\n`);
        }
    }
    return exitCodeOf(records);
}

/** `path:line:col  severity  RULE [clause]  message`, the form editors and CI logs link to; a control character in the path is escaped, so that one line is one finding. */
export function formatRecord(record: DiagnosticRecord, colors: Colors): string {
    const paint = record.severity === 'error' ? colors.red : record.severity === 'warning' ? colors.yellow : colors.cyan;
    const clause = record.clause ? ` ${colors.dim(`[${record.clause}]`)}` : '';
    return `${colors.bold(`${escapeControlCharacters(record.file)}:${record.line}:${record.column}`)}  ${paint(record.severity)}  ${record.rule}${clause}  ${record.message}`;
}

/** The clause coverage matrix of every model the requested files belong to. */
function modelCoverage(workspace: LoadedWorkspace): Array<{ model: string; rows: ClauseCoverage[] }> {
    const models = workspace.Cnms.references.Models;
    const keys = [...new Set(workspace.requested.map(doc => models.modelOf(doc.uri)))].filter(key => key !== BUILTIN_MODEL && !key.startsWith('file-only:'));
    return keys.flatMap(key => {
        const organization = models.organizationOf(key);
        if (!organization) return [];
        const findings = collectDiagnostics(workspace, models.documentsOf(key));
        return [{ model: shownName(organization), rows: clauseCoverage(workspace.Cnms, key, findings) }];
    });
}
