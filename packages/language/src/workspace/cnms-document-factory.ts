import type { AstNode, Cancellation, LangiumDocument, ParseResult, URI } from 'langium';
import { DefaultLangiumDocumentFactory } from 'langium';
import { reparseDeclarations } from '../syntax/declaration-reparse.js';

/**
 * Langium's document factory, except that a document whose text changed is
 * parsed again only where it changed (syntax/declaration-reparse.ts), when
 * that gives the same parse as the whole text; otherwise the whole text.
 */
export class CnmsDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The parse of each document being updated, before the update. */
    private readonly updating = new Map<string, ParseResult<AstNode>>();

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: Cancellation.CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        this.updating.set(key, document.parseResult);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.updating.delete(key);
        }
    }

    override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        const previous = this.updating.get(uri.toString());
        if (previous) {
            const reparsed = reparseDeclarations(this.serviceRegistry.getServices(uri).parser.LangiumParser, previous, text);
            if (reparsed) return Promise.resolve(reparsed as ParseResult<T>);
        }
        return super.parseAsync(uri, text, cancellationToken);
    }
}
