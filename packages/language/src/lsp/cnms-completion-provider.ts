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
    /**
     * Off when the client brings the same snippets itself (the VS Code
     * extension does, from snippets/cnms.json), so that none is offered twice.
     */
    snippets = true;

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const list = await super.getCompletion(document, params, cancelToken);
        if (!list) return list;
        const atDeclaration = list.items.some(item => item.label === 'organization' && item.kind === CompletionItemKind.Keyword);
        if (atDeclaration && this.snippets) {
            for (const [name, snippet] of Object.entries(DECLARATION_SNIPPETS)) {
                list.items.push({
                    label: `${name} …`,
                    filterText: snippet.prefix,
                    kind: CompletionItemKind.Snippet,
                    detail: snippet.description,
                    insertText: snippet.body.join('\n'),
                    insertTextFormat: InsertTextFormat.Snippet,
                    sortText: `0_${name}`
                });
            }
        }
        return list;
    }
}
