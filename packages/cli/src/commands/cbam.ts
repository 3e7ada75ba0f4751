import type { Locale } from '@cnms/language';
import { buildCbamCommunication, modelInstallations, renderCbamXlsx } from '@cnms/report';
import { CliError } from '../cli-error.js';
import { collectDiagnostics, exitCodeOf } from '../diagnostics.js';
import { loadWorkspace } from '../load-workspace.js';
import { selectModel } from '../select-model.js';
import { writeFileSafely } from '../write-file-safely.js';

export interface CbamOptions {
    readonly format: string;
    readonly output?: string;
    readonly installation?: string;
    readonly locale: Locale;
}

/**
 * `cnms cbam [PATH] [--format xlsx|json] [-o FILE] [--installation NAME]`:
 * the installation operator's communication of one installation, with the
 * figures of `cnms balance`. Exit 1 when errors stand against the model, a
 * mandatory field is missing or a figure could not be computed (the
 * communication flags each).
 */
export async function cbam(path: string | undefined, options: CbamOptions, write: (text: string) => void): Promise<number> {
    if (!['xlsx', 'json'].includes(options.format)) throw new CliError(`unknown format '${options.format}' for cbam: use xlsx or json`);
    if (options.format === 'xlsx' && !options.output) throw new CliError('the communication is an xlsx workbook: name the file with -o FILE.xlsx (or use --format json)');
    const workspace = await loadWorkspace([path ?? '.'], options.locale);
    const model = selectModel(workspace, path);
    const diagnostics = collectDiagnostics(workspace, workspace.Cnms.references.Models.documentsOf(model));
    const installations = modelInstallations(workspace.Cnms, model);
    const names = installations.map(installation => installation.name);
    if (installations.length === 0) throw new CliError('the model declares no installation: write one (`installation works "…" at SITE { country "CN" city "…" }`) with its processes and goods (docs/cbam.md)');
    let installation = installations[0];
    if (options.installation !== undefined) {
        const named = installations.find(candidate => candidate.name === options.installation);
        if (!named) throw new CliError(`the model has no installation '${options.installation}': it has ${names.join(', ')}`);
        installation = named;
    } else if (installations.length > 1) {
        throw new CliError(`the model has ${installations.length} installations (${names.join(', ')}): choose one with --installation NAME`);
    }
    const communication = buildCbamCommunication(workspace.Cnms, model, installation);
    const content: string | Buffer = options.format === 'json' ? `${JSON.stringify(communication, null, 2)}\n` : await renderCbamXlsx(communication);
    if (options.output) writeFileSafely(options.output, content, options.locale);
    else write(content as string);
    return exitCodeOf(diagnostics, !communication.complete);
}
