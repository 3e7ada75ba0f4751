import type { BuildOptions, LangiumDocument } from 'langium';
import { Cancellation, DefaultDocumentBuilder, delayNextTick, DocumentState } from 'langium';
import type { CnmsServices } from '../cnms-module.js';
import type { CnmsIndexManager } from './cnms-index-manager.js';

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
    /**
     * Langium notifies a copy of a phase's listeners and lets the event loop
     * run between them; a request that arrives meanwhile and waits for that
     * phase (workspace symbols wait for the builder's state) registers a
     * listener that is not in the copy, and the builder's state is set to the
     * phase right after, so the request would wait for the next build, which
     * never comes while the editor waits for its answer (the fuzz harness saw
     * workspace symbols hang 60 s). The listeners added during the
     * notification are called too, before the state moves on.
     */
    protected override async notifyBuildPhase(documents: LangiumDocument[], state: DocumentState, cancelToken: Cancellation.CancellationToken): Promise<void> {
        if (documents.length === 0) return;
        const notified = new Set(this.buildPhaseListeners.get(state));
        await super.notifyBuildPhase(documents, state, cancelToken);
        for (;;) {
            const late = this.buildPhaseListeners.get(state).filter(listener => !notified.has(listener));
            if (late.length === 0) return;
            for (const listener of late) {
                notified.add(listener);
                await listener(documents, cancelToken);
            }
        }
    }

    /**
     * The language server sends a document's diagnostics from a listener of
     * its Validated phase, but the message is written to the client only at a
     * later turn of the event loop (vscode-jsonrpc queues every write), and
     * the build goes on without one: validating the next document, then the
     * clause rules, until a pause comes. At 10,000 sources the edited file's
     * diagnostics waited so some 25 ms of the 60 ms an edit took (a trace of
     * `pnpm bench:lsp`). The builder lets the event loop turn once after the
     * phase's listeners, so the diagnostics leave when they are ready.
     */
    protected override async notifyDocumentPhase(document: LangiumDocument, state: DocumentState, cancelToken: Cancellation.CancellationToken): Promise<void> {
        await super.notifyDocumentPhase(document, state, cancelToken);
        if (state === DocumentState.Validated && this.documentPhaseListeners.get(state).length > 0) await delayNextTick();
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        await super.buildDocuments(documents, options, cancelToken);
        // every document of the build is linked: the names changed before are resolved anew where used
        (this.indexManager as CnmsIndexManager).forgetChangedNames();
        if (options.validation === false || options.validation === undefined) return;
        for (const services of this.serviceRegistry.all) {
            const modelValidation = (services as Partial<CnmsServices>).validation?.ModelValidation;
            if (modelValidation) await modelValidation.validateModels(documents, cancelToken);
        }
    }
}
