import type { AstNode } from 'langium';
import { AstUtils, URI, UriUtils } from 'langium';
import type { Factor, Let } from '../generated/ast.js';
import { isFactor, isLet, isLibrary, isNameReference } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { LIBRARY_VERSION } from '../builtins/library.generated.js';
import { isBuiltinNode } from '../workspace/builtin-library.js';
import { isModelFolderKey } from '../references/cnms-models.js';
import { Rational } from './rational.js';
import { sha256Hex } from './sha256.js';

/** The lock file at a model's root (docs/months.md, "Factor lock"). */
export const LOCK_FILE = 'cnms.lock';
export { LIBRARY_VERSION };

/** One built-in value as the lock records it: its content hash, and its exact values to compute the figures it gave. */
export interface LockedValue {
    /** `sha256:` and the hex SHA-256 of the value's canonical content (values, GWP basis, source, year, region, uncertainty). */
    readonly hash: string;
    /**
     * For a factor, per gas: grams of the gas per base unit of activity, as an exact fraction (`5703/3600000000000`);
     * for a `let`, its value under the key `value`, in base units.
     */
    readonly values: Readonly<Record<string, string>>;
}

/** The content of a cnms.lock. */
export interface LockFile {
    readonly lock: 1;
    readonly library: string;
    /** By the name models use (`china_grid.east_2023`), in name order. */
    readonly values: Readonly<Record<string, LockedValue>>;
}

/** A built-in factor or value a model uses, and its first use (where a finding about it is shown). */
export interface BuiltinUse {
    readonly id: string;
    readonly declaration: Factor | Let;
    readonly firstUse: AstNode;
}

/**
 * The built-in factors and values (`let`s of a library, such as a net calorific value) that a
 * model's declarations name, directly: `factor china_grid.east_2023`, `* ipcc2006.ncv_natural_gas`,
 * `value ipcc2006.natural_gas` in a factor of the model. In name order.
 */
export function builtinValuesUsed(services: CnmsServices, model: string): BuiltinUse[] {
    const used = new Map<string, BuiltinUse>();
    for (const element of services.references.Models.elementsOf(model)) {
        for (const node of AstUtils.streamAst(element)) {
            if (!isNameReference(node)) continue;
            const target = node.target.ref;
            if (!(isFactor(target) || isLet(target)) || !isBuiltinNode(target) || !isLibrary(target.$container)) continue;
            const id = `${target.$container.name}.${target.name}`;
            if (!used.has(id)) used.set(id, { id, declaration: target, firstUse: node });
        }
    }
    return [...used.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The lock's record of one built-in value, or undefined when it cannot be computed (the library's own checks say why). */
export function lockedValueOf(services: CnmsServices, declaration: Factor | Let): LockedValue | undefined {
    const evaluator = services.semantics.Evaluator;
    const values: Record<string, string> = {};
    const content: Record<string, unknown> = {};
    if (isFactor(declaration)) {
        const factorValues = evaluator.factorValues(declaration);
        if (!factorValues) return undefined;
        for (const value of factorValues) values[value.gas] = fraction(value.value);
        content.values = factorValues.map(value => [value.gas, fraction(value.value), value.per.key, value.basis ?? null]);
        content.region = declaration.region ?? null;
    } else {
        const value = evaluator.evaluate(declaration.value);
        if (!value) return undefined;
        values.value = fraction(value.value);
        content.values = [['value', fraction(value.value), value.dimension.key, null]];
    }
    content.source = declaration.source ?? null;
    content.year = declaration.year ?? null;
    const uncertainty = evaluator.evaluate(declaration.uncertainty);
    content.uncertainty = uncertainty ? fraction(uncertainty.value) : null;
    return { hash: `sha256:${sha256Hex(JSON.stringify(content))}`, values };
}

/** The lock of a model as the library stands: every built-in value it uses. */
export function currentLock(services: CnmsServices, model: string): LockFile {
    const values: Record<string, LockedValue> = {};
    for (const use of builtinValuesUsed(services, model)) {
        const locked = lockedValueOf(services, use.declaration);
        if (locked) values[use.id] = locked;
    }
    return { lock: 1, library: LIBRARY_VERSION, values };
}

/** A lock as written to cnms.lock: JSON, two spaces, a final line break, stable order. */
export function lockText(lock: LockFile): string {
    return `${JSON.stringify(lock, null, 2)}\n`;
}

/** A cnms.lock's text read back, or what is wrong with it. */
export function parseLock(text: string): LockFile | { readonly error: string } {
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
    }
    const record = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
    if (!record(data) || data.lock !== 1 || typeof data.library !== 'string' || !record(data.values)) return { error: 'expected { "lock": 1, "library": "…", "values": { … } }' };
    for (const [id, value] of Object.entries(data.values)) {
        if (!record(value) || typeof value.hash !== 'string' || !record(value.values) || !Object.values(value.values).every(v => typeof v === 'string' && parseFraction(v) !== undefined)) {
            return { error: `the entry of ${id} is not { "hash": "sha256:…", "values": { "CO2": "n/d" } }` };
        }
    }
    return data as unknown as LockFile;
}

/** What differs between a model's lock and the library as it stands. */
export interface LockDifference {
    readonly libraryBefore: string;
    readonly libraryNow: string;
    /** Values whose content changed since the lock. */
    readonly changed: readonly string[];
    /** Values the model uses that the lock does not record. */
    readonly unlocked: readonly string[];
    /** Values the lock records that the model no longer uses (or the library no longer has). */
    readonly unused: readonly string[];
}

export function lockDifference(locked: LockFile, now: LockFile): LockDifference {
    const changed: string[] = [];
    const unlocked: string[] = [];
    for (const [id, value] of Object.entries(now.values)) {
        const before = locked.values[id];
        if (!before) unlocked.push(id);
        else if (before.hash !== value.hash) changed.push(id);
    }
    const unused = Object.keys(locked.values).filter(id => !(id in now.values));
    return { libraryBefore: locked.library, libraryNow: now.library, changed, unlocked, unused: unused.sort() };
}

/** Whether a lock difference is nothing at all. */
export function isUnchanged(difference: LockDifference): boolean {
    return difference.libraryBefore === difference.libraryNow && difference.changed.length + difference.unlocked.length + difference.unused.length === 0;
}

/** The model's cnms.lock read through the workspace's file system: undefined when there is none. */
export function readLock(services: CnmsServices, model: string): LockFile | { readonly error: string } | undefined {
    if (!isModelFolderKey(model)) return undefined;
    const fileSystem = services.shared.workspace.FileSystemProvider;
    const uri = UriUtils.joinPath(URI.parse(model), LOCK_FILE);
    let text: string;
    try {
        if (!fileSystem.existsSync(uri)) return undefined;
        text = fileSystem.readFileSync(uri);
    } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
    }
    return parseLock(text);
}

/** An exact value as a fraction `n/d` (or `n`), lowest terms. */
function fraction(value: Rational): string {
    let a = value.num < 0n ? -value.num : value.num;
    let b = value.den;
    while (b !== 0n) [a, b] = [b, a % b];
    const divisor = a === 0n ? 1n : a;
    const num = value.num / divisor;
    const den = value.den / divisor;
    return den === 1n ? num.toString() : `${num}/${den}`;
}

/** A fraction `n/d` or an integer read back exactly; undefined when it is neither. */
export function parseFraction(text: string): Rational | undefined {
    const match = /^(-?[0-9]{1,400})(?:\/([1-9][0-9]{0,399}))?$/.exec(text);
    if (!match) return undefined;
    const value = Rational.fromInteger(BigInt(match[1]));
    return match[2] ? value.dividedBy(Rational.fromInteger(BigInt(match[2]))) : value;
}
