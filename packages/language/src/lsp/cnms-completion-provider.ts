import type { LangiumDocument } from 'langium';
import { DefaultCompletionProvider } from 'langium/lsp';
import type { CancellationToken, CompletionList, CompletionParams } from 'vscode-languageserver-protocol';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import { DECLARATION_SNIPPETS } from './declaration-snippets.js';

/**
 * Langium's completion (keywords valid at the cursor, names of the right kind
 * for each reference: sites after `at`, factors after `factor`, roles after
 * `owner`, units after a number, enum values) plus a snippet for every
 * declaration with its required properties wherever a declaration may start.
 */
export class CnmsCompletionProvider extends DefaultCompletionProvider {
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const list = await super.getCompletion(document, params, cancelToken);
        if (!list) return list;
        const atDeclaration = list.items.some(item => item.label === 'organization' && item.kind === CompletionItemKind.Keyword);
        if (atDeclaration) {
            for (const snippet of DECLARATION_SNIPPETS) {
                list.items.push({
                    label: snippet.label,
                    kind: CompletionItemKind.Snippet,
                    detail: snippet.detail,
                    insertText: snippet.body,
                    insertTextFormat: InsertTextFormat.Snippet,
                    sortText: `0_${snippet.label}`
                });
            }
        }
        return list;
    }
}
