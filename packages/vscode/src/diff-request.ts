// Asks the server to compare the model that holds a document with a git
// revision (`cnms/diff`), and reads the net change out of the JSON answer.
import type { RequestSender } from './builtin-documents.js';
import { DIFF_REQUEST, type DiffFormat, type DiffParams, type DiffResult } from './protocol.js';

/** The comparison in one format; rejects with the server's message (unknown revision, no repository, no model). */
export async function requestDiff(client: RequestSender, uri: string, revision: string, format: DiffFormat): Promise<string> {
    const params: DiffParams = { uri, revision, format };
    const result = await client.sendRequest<DiffResult | null>(DIFF_REQUEST, params);
    if (!result || typeof result.content !== 'string') throw new Error('the server gave no comparison');
    return result.content;
}

/** The exact change of the net balance (tCO2e, a decimal string) in the JSON of `cnms/diff`, or null when a side has no balance. */
export function netChangeOf(json: string): string | null {
    const diff = JSON.parse(json) as { totals?: { net?: { delta?: unknown } } };
    const delta = diff.totals?.net?.delta;
    return typeof delta === 'string' ? delta : null;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/** Whether an exact decimal string is zero. */
export function isZeroDecimal(decimal: string): boolean {
    const match = DECIMAL.exec(decimal.trim());
    return !!match && !/[1-9]/.test(match[2] + (match[3] ?? ''));
}

/**
 * An exact decimal string as the status bar shows figures: rounded half to
 * even to `decimals` places, thousands grouped with commas, always signed
 * unless exactly zero (`7357.1326` → `+7,357.133`), like the server's
 * formatFigure. The string itself when it is not a plain decimal.
 */
export function formatSignedDecimal(decimal: string, decimals = 3): string {
    const match = DECIMAL.exec(decimal.trim());
    if (!match) return decimal;
    const [, sign, whole, fraction = ''] = match;
    let scaled = BigInt(whole + (fraction + '0'.repeat(decimals)).slice(0, decimals));
    const rest = fraction.slice(decimals);
    if (/[1-9]/.test(rest)) {
        const first = rest[0];
        const beyond = /[1-9]/.test(rest.slice(1));
        if (first > '5' || (first === '5' && (beyond || scaled % 2n === 1n))) scaled += 1n;
    }
    const digits = scaled.toString().padStart(decimals + 1, '0');
    const integer = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const places = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
    const prefix = isZeroDecimal(decimal) ? '' : sign === '-' ? '-' : '+';
    return `${prefix}${integer}${places}`;
}
