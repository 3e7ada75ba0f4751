import type { AstNode, LangiumDocument, LangiumDocumentFactory, LangiumDocuments } from 'langium';
import { URI } from 'langium';
import { BUILTIN_LIBRARY } from '../builtins/library.generated.js';

/** The scheme of the built-in library's documents, served read-only. */
export const BUILTIN_SCHEME = 'cnms-builtin';

export function builtinUri(fileName: string): URI {
    return URI.from({ scheme: BUILTIN_SCHEME, path: `/library/${fileName}` });
}

export function isBuiltinUri(uri: URI | string): boolean {
    return (typeof uri === 'string' ? uri : uri.toString()).startsWith(`${BUILTIN_SCHEME}:`);
}

/** Whether a node lies in a document of the built-in library. */
export function isBuiltinNode(node: AstNode): boolean {
    let root = node;
    while (root.$container) root = root.$container;
    return root.$document?.uri.scheme === BUILTIN_SCHEME;
}

/**
 * Creates the built-in library documents (units, gases and GWP sets, IPCC
 * fuel factors, Chinese grid factors) and adds them to the workspace, unless
 * they are there already. Returns them.
 */
export function addBuiltinDocuments(factory: LangiumDocumentFactory, documents: LangiumDocuments): LangiumDocument[] {
    return Object.entries(BUILTIN_LIBRARY).map(([fileName, text]) => {
        const uri = builtinUri(fileName);
        const existing = documents.getDocument(uri);
        if (existing) return existing;
        const document = factory.fromString(text, uri);
        documents.addDocument(document);
        return document;
    });
}
