import type { AstNode, AstNodeDescription, LangiumDocument, LocalSymbols } from 'langium';
import { DefaultScopeComputation, interruptAndCheck, Cancellation, MultiMap } from 'langium';
import type { CnmsFile } from '../generated/ast.js';
import { isDataset, isLibrary, isProcess } from '../generated/ast.js';

/**
 * Exports every top-level declaration under its name, and the declarations of
 * a `library` block under qualified names (`ipcc2006.natural_gas`), which is
 * how the built-in library is seen from models, and the columns of a
 * `dataset` likewise (`meters.energy`), which aggregates name. The goods a
 * `process` makes are exported under their own names: other processes
 * consume them as precursors.
 */
export class CnmsScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value as CnmsFile;
        const exports: AstNodeDescription[] = [];
        for (const element of root.elements ?? []) {
            await interruptAndCheck(cancelToken);
            if (isLibrary(element)) {
                for (const inner of element.elements) {
                    const name = this.nameProvider.getName(inner);
                    if (name && element.name) {
                        exports.push(this.descriptions.createDescription(inner, `${element.name}.${name}`, document));
                    }
                }
            } else {
                this.addExportedSymbol(element, exports, document);
                if (isDataset(element) && element.name) {
                    for (const column of element.columns) {
                        if (column.name) exports.push(this.descriptions.createDescription(column, `${element.name}.${column.name}`, document));
                    }
                }
                if (isProcess(element)) for (const good of element.goods) this.addExportedSymbol(good, exports, document);
            }
        }
        return exports;
    }

    /**
     * The names local to a `library` block, the only local scope there is
     * (references/cnms-scope-provider.ts): everything else is seen through
     * the model's exported names. Langium's default gives every named node a
     * local name, walking the whole file on every edit (7 ms at 4,900 lines).
     */
    override async collectLocalSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        for (const element of (document.parseResult.value as CnmsFile).elements ?? []) {
            if (!isLibrary(element)) continue;
            await interruptAndCheck(cancelToken);
            for (const inner of element.elements) this.addLocalSymbol(inner, document, symbols);
        }
        return symbols;
    }
}
