import type { CnmsLspServices } from './cnms-lsp-module.js';
import type { CnmsSettings } from './cnms-protocol.js';

/** Decimals shown when the client sets none (and the most it may set). */
export const DEFAULT_PRECISION = 3;
const MAX_PRECISION = 6;

/**
 * The decimals the reader asked for with `cnms.display.precision`, for every
 * view of the editor (inlay hints, hovers, code lenses, the status bar);
 * the default without a client (tests, the CLI).
 */
export async function displayPrecision(services: CnmsLspServices): Promise<number> {
    if (services.shared.lsp.Connection === undefined) return DEFAULT_PRECISION;
    const display = (await services.shared.workspace.ConfigurationProvider.getConfiguration('cnms', 'display')) as CnmsSettings['display'] | undefined;
    const precision = display?.precision;
    return typeof precision === 'number' && Number.isInteger(precision) ? Math.min(MAX_PRECISION, Math.max(0, precision)) : DEFAULT_PRECISION;
}
