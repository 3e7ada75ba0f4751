import type { Locale } from '@cnms/language';
import type { Colors } from '../colors.js';
import { CliError } from '../cli-error.js';
import { selectModel } from '../select-model.js';
import { collectDiagnostics, exitCodeOf } from '../diagnostics.js';
import { loadWorkspace } from '../load-workspace.js';
import { balanceJson } from '../output/balance-json.js';
import { balanceText } from '../output/balance-text.js';

export interface BalanceOptions {
    readonly format: string;
    readonly locale: Locale;
    readonly colors: Colors;
    readonly quiet: boolean;
}

/** `cnms balance [PATH] [--format text|json]`: the net balance of one model; exit 1 when errors stand against it or a figure could not be computed. */
export async function balance(path: string | undefined, options: BalanceOptions, write: (text: string) => void): Promise<number> {
    if (!['text', 'json'].includes(options.format)) {
        throw new CliError(`unknown format '${options.format}' for balance: use text or json`);
    }
    const workspace = await loadWorkspace([path ?? '.'], options.locale);
    const models = workspace.Cnms.references.Models;
    const model = selectModel(workspace, path);
    const documents = models.documentsOf(model);
    const records = collectDiagnostics({ ...workspace, unreadable: workspace.unreadable }, documents);
    const errors = records.filter(r => r.severity === 'error').length;
    const warnings = records.filter(r => r.severity === 'warning').length;
    const result = workspace.Cnms.semantics.Balance.of(model);
    const products = workspace.Cnms.semantics.ProductFigures.ofModel(model);
    if (options.format === 'json') {
        write(`${JSON.stringify(balanceJson(result, products, errors, warnings), null, 2)}\n`);
    } else {
        write(balanceText(result, products, errors, warnings, options.locale, options.colors, !options.quiet));
    }
    // an incomplete balance fails like an error: its totals leave something out
    return exitCodeOf(records, result.uncomputed > 0);
}
