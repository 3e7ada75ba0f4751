import type { AstNode, Cancellation, LangiumDocument, ParseResult, URI } from 'langium';
import { DefaultLangiumDocumentFactory, interruptAndCheck } from 'langium';
import { reparseDeclarations } from '../syntax/declaration-reparse.js';
import { parseInPieces, PIECEWISE_FROM } from '../syntax/piecewise-parse.js';

/**
 * Langium's document factory, except that a document whose text changed is
 * parsed again only where it changed (syntax/declaration-reparse.ts), when
 * that gives the same parse as the whole text; otherwise the whole text, and
 * a long text in pieces with a pause between them (syntax/piecewise-parse.ts),
 * in which requests are answered and a newer edit cancels the parse.
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
            const reparsed = reparseDeclarations(this.serviceRegistry.getServices(uri).parser.LangiumParser, previous, text, PIECEWISE_FROM);
            if (reparsed) return Promise.resolve(reparsed as ParseResult<T>);
        }
        if (text.length >= PIECEWISE_FROM) return this.parseLong(uri, text, cancellationToken);
        return super.parseAsync(uri, text, cancellationToken);
    }

    private async parseLong<T extends AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        const parser = this.serviceRegistry.getServices(uri).parser.LangiumParser;
        const pieces = await parseInPieces(parser, text, () => interruptAndCheck(cancellationToken));
        return (pieces as ParseResult<T> | undefined) ?? super.parseAsync(uri, text, cancellationToken);
    }
}
