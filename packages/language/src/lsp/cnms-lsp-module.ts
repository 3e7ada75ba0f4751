import type { Module } from 'langium';
import type { DefaultSharedModuleContext, LangiumServices, LangiumSharedServices, PartialLangiumServices } from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { inject } from 'langium';
import { CnmsGeneratedModule, CnmsGeneratedSharedModule } from '../generated/module.js';
import { CnmsModule, CnmsSharedModule, type CnmsAddedServices } from '../cnms-module.js';
import { registerRules } from '../rules/register-rules.js';

/** The CNMS services of the language server: the core ones plus the editor's providers. */
export type CnmsLspServices = LangiumServices & CnmsAddedServices;

export const CnmsLspModule: Module<CnmsLspServices, PartialLangiumServices> = {
    lsp: {}
};

/**
 * Creates the language server's services. The context gives the connection
 * and the file system (`NodeFileSystem` in Node, `EmptyFileSystem` in a browser).
 */
export function createCnmsLspServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Cnms: CnmsLspServices } {
    const shared = inject(createDefaultSharedModule(context), CnmsGeneratedSharedModule, CnmsSharedModule);
    const Cnms = inject(createDefaultModule({ shared }), CnmsGeneratedModule, CnmsModule, CnmsLspModule);
    shared.ServiceRegistry.register(Cnms);
    registerRules(Cnms);
    return { shared, Cnms };
}
