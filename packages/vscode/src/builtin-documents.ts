// The built-in library as read-only documents: go-to-definition on
// `ipcc2006.natural_gas` opens a `cnms-builtin:` URI, whose text the server
// serves (`cnms/builtinContent`).
import * as vscode from 'vscode';
import { BUILTIN_CONTENT_REQUEST, type BuiltinContentParams } from './protocol.js';

export const BUILTIN_SCHEME = 'cnms-builtin';

/** What the provider needs of the language client. */
export interface RequestSender {
    sendRequest<R>(method: string, param: unknown, token?: vscode.CancellationToken): Promise<R>;
}

export class BuiltinDocuments implements vscode.TextDocumentContentProvider {
    constructor(private readonly client: RequestSender) {}

    async provideTextDocumentContent(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<string> {
        const params: BuiltinContentParams = { uri: uri.toString() };
        const result = await this.client.sendRequest<string | { text?: string } | null>(BUILTIN_CONTENT_REQUEST, params, token);
        if (typeof result === 'string') return result;
        return result?.text ?? '';
    }
}
