import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { DefaultIndexManager } from 'langium';
import type { CnmsServices } from '../cnms-module.js';

/**
 * A model's figures are model-wide: the GWP set in the organisation's file,
 * a site's share or an instrument elsewhere change a source's emissions
 * without any reference between the files. So a change to any file of a
 * model relinks and revalidates every file of that model.
 */
export class CnmsIndexManager extends DefaultIndexManager {
    private readonly sharedServices: LangiumSharedCoreServices;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.sharedServices = services;
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (super.isAffected(document, changedUris)) return true;
        const services = this.sharedServices.ServiceRegistry.getServices(document.uri) as CnmsServices;
        const models = services.references.Models;
        const model = models.modelOf(document.uri);
        for (const uri of changedUris) {
            if (models.modelOf(uri) === model) return true;
        }
        return false;
    }
}
