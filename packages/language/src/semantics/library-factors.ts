import type { CnmsFile } from '../generated/ast.js';
import { isFactor, isLibrary } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { isBuiltinUri } from '../workspace/builtin-library.js';
import { shownFactorValue, type ShownFactorValue } from './factor-display.js';
import { Rational } from './rational.js';

/** A factor of the built-in library with its provenance, as `cnms factors` lists it. */
export interface LibraryFactor {
    /** As models name it: `ipcc2006.natural_gas`. */
    readonly id: string;
    readonly title: string | null;
    readonly library: string;
    readonly libraryTitle: string | null;
    /** Its values per gas; empty when one cannot be computed (the library's own checks would say why). */
    readonly values: readonly ShownFactorValue[];
    readonly source: string | null;
    readonly year: string | null;
    readonly region: string | null;
    /** The uncertainty in per cent, exact, when the library gives one. */
    readonly uncertaintyPercent: string | null;
    /** The library file it is declared in (`ipcc2006.cnms`). */
    readonly file: string;
}

/**
 * The factors of the built-in library (packages/language/src/builtins), in
 * the order of their files and declarations, each with its values and its
 * provenance: the publication (`source`), the year, the region.
 */
export function libraryFactors(services: CnmsServices): LibraryFactor[] {
    const evaluator = services.semantics.Evaluator;
    const factors: LibraryFactor[] = [];
    const documents = services.shared.workspace.LangiumDocuments.all
        .filter(document => isBuiltinUri(document.uri))
        .toArray()
        .sort((a, b) => a.uri.path.localeCompare(b.uri.path));
    for (const document of documents) {
        for (const library of (document.parseResult.value as CnmsFile).elements.filter(isLibrary)) {
            for (const factor of library.elements.filter(isFactor)) {
                const uncertainty = evaluator.evaluate(factor.uncertainty);
                factors.push({
                    id: `${library.name}.${factor.name}`,
                    title: factor.title ?? null,
                    library: library.name,
                    libraryTitle: library.title ?? null,
                    values: (evaluator.factorValues(factor) ?? []).map(shownFactorValue),
                    source: factor.source ?? null,
                    year: factor.year ?? null,
                    region: factor.region ?? null,
                    uncertaintyPercent: uncertainty?.dimension.isDimensionless() ? uncertainty.value.times(HUNDRED).toString() : null,
                    file: document.uri.path.split('/').pop() ?? ''
                });
            }
        }
    }
    return factors;
}

const HUNDRED = Rational.fromInteger(100);
