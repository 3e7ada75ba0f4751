import { URI } from 'langium';
import type { Locale } from '@cnms/language';
import { buildReport, reportProvenance, renderCsv, renderHtml, renderJson, renderMarkdown, renderXlsx } from '@cnms/report';
import { CliError } from '../cli-error.js';
import { collectDiagnostics, exitCodeOf } from '../diagnostics.js';
import { loadWorkspace } from '../load-workspace.js';
import { CLI_VERSION } from '../version.js';
import { selectModel } from '../select-model.js';
import { writeFileSafely } from '../write-file-safely.js';

export interface ReportOptions {
    readonly format?: string;
    readonly output?: string;
    readonly locale: Locale;
    readonly timestamp: boolean;
}

const FORMATS = ['md', 'html', 'json', 'csv', 'xlsx'] as const;

/**
 * `cnms report [PATH] --format md|html|json|csv|xlsx [-o FILE] [--timestamp]`:
 * the carbon-neutrality report, with the figures of `cnms balance`. Written to
 * standard output, or to FILE (xlsx always needs -o, as it is binary).
 * Exit 1 when errors stand against the model (the report says so).
 */
export async function report(path: string | undefined, options: ReportOptions, write: (text: string) => void): Promise<number> {
    const format = options.format;
    if (!format || !(FORMATS as readonly string[]).includes(format)) {
        throw new CliError(`report needs --format ${FORMATS.join('|')}`);
    }
    if (format === 'xlsx' && !options.output) throw new CliError('an xlsx report is binary: name the file with -o FILE');
    const workspace = await loadWorkspace([path ?? '.'], options.locale);
    const model = selectModel(workspace, path);
    const diagnostics = collectDiagnostics(workspace, workspace.Cnms.references.Models.documentsOf(model));
    const data = buildReport(workspace.Cnms, model, {
        locale: options.locale,
        diagnostics,
        provenance: reportProvenance(`cnms ${CLI_VERSION}`, URI.parse(model).fsPath, options.timestamp)
    });
    const content: string | Buffer = format === 'md' ? renderMarkdown(data) : format === 'html' ? await renderHtml(data) : format === 'json' ? renderJson(data) : format === 'csv' ? renderCsv(data) : await renderXlsx(data);
    if (options.output) writeFileSafely(options.output, content, options.locale);
    else write(typeof content === 'string' ? content : content.toString('binary'));
    return exitCodeOf(diagnostics, data.balance.errors > 0);
}
