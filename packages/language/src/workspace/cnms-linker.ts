import type { LangiumDocument } from 'langium';
import { DefaultLinker } from 'langium';
import type { CnmsServices } from '../cnms-module.js';

/**
 * Langium's linker; before a document is unlinked to be linked again, the
 * figure memory notes what its references resolved to, so that relinking
 * without a change of target keeps its figures (semantics/figure-memo.ts).
 */
export class CnmsLinker extends DefaultLinker {
    constructor(private readonly services: CnmsServices) {
        super(services);
    }

    override unlink(document: LangiumDocument): void {
        this.services.semantics.FigureMemo.beforeUnlink(document);
        super.unlink(document);
    }
}
