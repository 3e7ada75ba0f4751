import type { AstNodeDescription, ReferenceInfo, Scope, Stream } from 'langium';
import { AstUtils, DefaultScopeProvider, DocumentState, EMPTY_SCOPE, stream } from 'langium';
import { GasDecl, isLibrary, Named } from '../generated/ast.js';
import { splitGasUnit } from '../semantics/gas-units.js';
import type { CnmsServices } from '../cnms-module.js';
import type { CnmsIndexManager } from '../workspace/cnms-index-manager.js';
import type { CnmsModels } from './cnms-models.js';
import { ModelNameTable, tableScope } from './model-name-table.js';
import { BuildCache } from '../workspace/build-cache.js';

/**
 * Names resolve within one model plus the built-in library, never across
 * models (language.md §1). A unit such as `tCO2` or `kgHFC134a` that is not
 * declared resolves to its gas, with the mass unit read from the name.
 */
export class CnmsScopeProvider extends DefaultScopeProvider {
    private readonly models: CnmsModels;
    private readonly modelScopes: BuildCache<string, Scope>;
    /** The name table of each model and reference type, kept from build to build. */
    private readonly tables = new Map<string, { readonly model: string; readonly referenceType: string; readonly table: ModelNameTable<AstNodeDescription> }>();
    private readonly cnmsIndex: CnmsIndexManager;

    constructor(services: CnmsServices) {
        super(services);
        this.models = services.references.Models;
        this.modelScopes = new BuildCache(services.shared);
        this.cnmsIndex = services.shared.workspace.IndexManager as CnmsIndexManager;
        services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Linked, () => this.dropStaleTables());
    }

    /**
     * Local symbols only inside `library` blocks: every top-level declaration
     * is in the model's indexed scope already, and scanning a file's top level
     * for each reference would cost O(n²) on a large model.
     */
    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        let result = this.getGlobalScope(referenceType, context);
        const localSymbols = AstUtils.getDocument(context.container).localSymbols;
        const library = AstUtils.getContainerOfType(context.container, isLibrary);
        if (localSymbols && library && localSymbols.has(library)) {
            result = this.createScope(
                localSymbols.getStream(library).filter(desc => this.reflection.isSubtype(desc.type, referenceType)),
                result
            );
        }
        return result;
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const document = AstUtils.getDocument(context.container);
        const model = this.models.modelOf(document.uri);
        const scope = this.modelScope(model, referenceType);
        return referenceType === Named.$type ? new GasUnitScope(scope, this.modelScope(model, GasDecl.$type)) : scope;
    }

    /** The names of one type visible in a model: its table brought up to date once per build. */
    private modelScope(model: string, referenceType: string): Scope {
        const key = `${model}\n${referenceType}`;
        return this.modelScopes.get(key, () => {
            let kept = this.tables.get(key);
            if (!kept)
                this.tables.set(
                    key,
                    (kept = {
                        model,
                        referenceType,
                        table: new ModelNameTable(
                            description => description.name,
                            description => description.documentUri.toString()
                        )
                    })
                );
            kept.table.update(this.namesOf(model, referenceType));
            return tableScope(kept.table);
        });
    }

    private namesOf(model: string, referenceType: string) {
        return this.cnmsIndex.namesByDocument(referenceType, uri => this.models.isVisibleFrom(model, uri));
    }

    /**
     * Once a build has linked, drops the tables it did not ask for whose names
     * changed: most edits look up a few types only (the restoring linker looks
     * up only what changed), and a table left as it was would hold the
     * declarations replaced since, and through them their old parse with its
     * whole text (docs/live-pipeline.md). A dropped table is filled again when
     * next asked for.
     */
    private dropStaleTables(): void {
        for (const [key, { model, referenceType, table }] of this.tables) {
            if (!this.modelScopes.has(key) && !table.isCurrent(this.namesOf(model, referenceType))) this.tables.delete(key);
        }
    }
}

/** Adds the masses of gases (`tCO2` → gas CO2) to the names of a scope. */
class GasUnitScope implements Scope {
    constructor(
        private readonly names: Scope,
        private readonly gases: Scope
    ) {}

    getElement(name: string): AstNodeDescription | undefined {
        const direct = this.names.getElement(name);
        if (direct) return direct;
        const split = splitGasUnit(name, gas => this.gases.getElement(gas) !== undefined);
        if (!split) return undefined;
        const gas = this.gases.getElement(split.gas)!;
        return { ...gas, name };
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const element = this.getElement(name);
        return element ? stream([element]) : EMPTY_SCOPE.getAllElements();
    }

    getAllElements(): Stream<AstNodeDescription> {
        return this.names.getAllElements();
    }
}
