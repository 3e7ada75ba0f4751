// Asks the server for the balance of the model that holds a document.
import type { RequestSender } from './builtin-documents.js';
import { BALANCE_REQUEST, type BalanceParams, type BalanceSummary } from './protocol.js';

/**
 * The balance, or null when the document belongs to no model. With
 * `figuresOnly`, the answer comes as soon as the figures are computed, while
 * the clause rules may still run (`rulesChecked` false).
 */
export async function requestBalance(client: RequestSender, uri: string, figuresOnly = false): Promise<BalanceSummary | null> {
    const params: BalanceParams = figuresOnly ? { uri, figuresOnly } : { uri };
    return (await client.sendRequest<BalanceSummary | null>(BALANCE_REQUEST, params)) ?? null;
}

/** Whether a URI may name a CNMS document: a `.cnms` file or built-in library document, or an untitled buffer. */
export function isCnmsUri(uri: { readonly scheme: string; readonly path: string }): boolean {
    return uri.path.endsWith('.cnms') || uri.scheme === 'untitled';
}
