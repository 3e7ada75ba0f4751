import type { Module } from 'langium';
import type { DefaultSharedModuleContext, LangiumServices, LangiumSharedServices, PartialLangiumServices } from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { inject } from 'langium';
import { CnmsGeneratedModule, CnmsGeneratedSharedModule } from '../generated/module.js';
import { CnmsModule, CnmsSharedModule, startCnmsServices, type CnmsAddedServices } from '../cnms-module.js';
import { CnmsCodeActionProvider } from './cnms-code-action-provider.js';
import { CnmsCodeLensProvider } from './cnms-code-lens-provider.js';
import { CnmsDocumentSymbolProvider, CnmsNodeKindProvider } from './cnms-document-symbol-provider.js';
import { CnmsCompletionProvider } from './cnms-completion-provider.js';
import { CnmsFormatter } from './cnms-formatter.js';
import { CnmsHoverProvider } from './cnms-hover-provider.js';
import { CnmsInlayHintProvider } from './cnms-inlay-hint-provider.js';
import { CnmsRenameProvider } from './cnms-rename-provider.js';
import { registerCnmsRequests } from './cnms-request-handlers.js';
import { CnmsSemanticTokenProvider } from './cnms-semantic-token-provider.js';

/** The CNMS services of the language server: the core ones plus the editor's providers. */
export type CnmsLspServices = LangiumServices & CnmsAddedServices;

export const CnmsLspModule: Module<CnmsLspServices, PartialLangiumServices> = {
    lsp: {
        InlayHintProvider: services => new CnmsInlayHintProvider(services),
        CodeLensProvider: services => new CnmsCodeLensProvider(services),
        HoverProvider: services => new CnmsHoverProvider(services),
        CompletionProvider: services => new CnmsCompletionProvider(services),
        Formatter: () => new CnmsFormatter(),
        CodeActionProvider: services => new CnmsCodeActionProvider(services),
        RenameProvider: services => new CnmsRenameProvider(services),
        SemanticTokenProvider: services => new CnmsSemanticTokenProvider(services),
        DocumentSymbolProvider: services => new CnmsDocumentSymbolProvider(services)
    }
};

/**
 * Creates the language server's services. The context gives the connection
 * and the file system (`NodeFileSystem` in Node, `EmptyFileSystem` in a browser).
 */
export function createCnmsLspServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Cnms: CnmsLspServices } {
    const shared = inject(createDefaultSharedModule(context), CnmsGeneratedSharedModule, CnmsSharedModule, { lsp: { NodeKindProvider: () => new CnmsNodeKindProvider() } });
    const Cnms = inject(createDefaultModule({ shared }), CnmsGeneratedModule, CnmsModule, CnmsLspModule);
    shared.ServiceRegistry.register(Cnms);
    startCnmsServices(Cnms);
    registerCnmsRequests(shared, Cnms);
    return { shared, Cnms };
}
