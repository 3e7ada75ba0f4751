import type { BuildOptions, LangiumDocument } from 'langium';
import { Cancellation, DefaultDocumentBuilder } from 'langium';
import type { CnmsServices } from '../cnms-module.js';

/**
 * Langium's builder, plus the second round of diagnostics after every build
 * that validates (validation/cnms-model-validation.ts): the clause rules of
 * each model that changed. It runs after the build and not in a build-phase
 * listener, because Langium notifies no listener of a build without
 * documents (a changed cnms.json or evidence file rebuilds no document, yet
 * changes findings), and because a listener that pauses would let a request
 * register for a phase that is being notified, and miss it.
 */
export class CnmsDocumentBuilder extends DefaultDocumentBuilder {
    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        await super.buildDocuments(documents, options, cancelToken);
        if (options.validation === false || options.validation === undefined) return;
        for (const services of this.serviceRegistry.all) {
            const modelValidation = (services as Partial<CnmsServices>).validation?.ModelValidation;
            if (modelValidation) await modelValidation.validateModels(documents, cancelToken);
        }
    }
}
