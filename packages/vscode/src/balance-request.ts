// Asks the server for the balance of the model that holds a document.
import type { RequestSender } from './builtin-documents.js';
import { BALANCE_REQUEST, type BalanceParams, type BalanceSummary } from './protocol.js';

/** The balance, or null when the document belongs to no model. */
export async function requestBalance(client: RequestSender, uri: string): Promise<BalanceSummary | null> {
    const params: BalanceParams = { uri };
    return (await client.sendRequest<BalanceSummary | null>(BALANCE_REQUEST, params)) ?? null;
}

/** Whether a URI may name a CNMS document: a `.cnms` file or built-in library document, or an untitled buffer. */
export function isCnmsUri(uri: { readonly scheme: string; readonly path: string }): boolean {
    return uri.path.endsWith('.cnms') || uri.scheme === 'untitled';
}
