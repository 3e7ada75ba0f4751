import type { AstNode, LangiumDocument, LangiumSharedCoreServices, URI } from 'langium';
import { DocumentState } from 'langium';
import type { CnmsFile } from '../generated/ast.js';
import { isInstrument, isOrganization } from '../generated/ast.js';
import { isBuiltinUri } from '../workspace/builtin-library.js';
import type { FigureProblem } from './figure-problems.js';

/**
 * What a figure can depend on besides the documents it reads: which documents
 * declare an organisation, which hold instruments, and which documents exist
 * at all. Each changes rarely; a change bumps its key and every figure that
 * read it is computed again.
 */
export const ORGANIZATIONS_KEY = '#organizations';
export const INSTRUMENTS_KEY = '#instruments';
export const MEMBERS_KEY = '#members';

/** A computed figure with the problems its own computation found and what it was computed from. */
interface Entry<T> {
    readonly value: T;
    /** Keys read and their versions then, flattened: [key, version, key, version, …]. */
    readonly deps: ReadonlyArray<string | number>;
    /** Problems found by this computation itself (not by the figures it used). */
    readonly problems: readonly FigureProblem[];
    /** The entries used that have problems of their own or below them (to collect them without recomputing). */
    readonly troubled: ReadonlyArray<Entry<unknown>>;
}

/** The computation under way: what it reads, the problems it finds, the entries it uses that carry problems. */
interface Frame {
    readonly deps: Map<string, number>;
    readonly problems: FigureProblem[];
    readonly troubled: Array<Entry<unknown>>;
}

/** A store of one kind of figure, keyed by the node (or object) it belongs to. */
export type FigureStore<K extends object, T> = WeakMap<K, Entry<T>>;

/**
 * The memory of every figure, and of what each was computed from.
 *
 * Each figure is a pure function of the model: its value and the problems its
 * own computation found are cached together, with the versions of what it
 * read: the text of each document it read a node of (changed when the
 * document is parsed again), what the names of that node's top-level
 * declaration resolve to (changed when the document is linked again and a name
 * there now refers to something else), and the few model-wide keys above. A
 * cached figure is reused while every version it read is unchanged, so an
 * edit recomputes only the figures that read the edited document (and the
 * sums above them).
 *
 * Reading is tracked, not declared: a figure reads the document of every node
 * whose figure it asks for (its own node's document is read by `memo`), and
 * the figures it asks for pass their reads up. So a figure can only be stale
 * if some code reads another node's text without going through `memo` or
 * `read`: every semantic computation goes through them.
 *
 * Problems are never recorded on the side: they belong to the computation that
 * found them, so where a diagnostic lands does not depend on which figure was
 * asked for first.
 */
export class CnmsFigureMemo {
    private readonly versions = new Map<string, number>();
    private readonly frames: Frame[] = [];
    private counter = 0;
    /** What each document declared when it was last seen (organisation, instruments), to bump the model-wide keys. */
    private readonly facets = new Map<string, string>();
    /** What the references of a document that is linked again resolved to before (workspace/cnms-linker.ts). */
    private readonly resolvedBefore = new WeakMap<LangiumDocument, ResolvedReference[]>();

    constructor(shared: LangiumSharedCoreServices) {
        const builder = shared.workspace.DocumentBuilder;
        builder.onUpdate((changed, deleted) => {
            for (const uri of [...changed, ...deleted]) this.bump(textKey(uri.toString()));
            for (const uri of deleted) this.forgetFacets(uri);
        });
        // A document parsed again is new (its text key is bumped above). A document only linked
        // again is stale where a name now refers to something else: in those declarations only.
        builder.onBuildPhase(DocumentState.Linked, documents => {
            for (const document of documents) {
                const before = this.resolvedBefore.get(document);
                this.resolvedBefore.delete(document);
                if (before) this.bumpChangedResolutions(document, before);
                this.updateFacets(document);
            }
        });
    }

    /** Keeps what a linked document's references resolve to, before they are unlinked to be linked again. */
    beforeUnlink(document: LangiumDocument): void {
        if (document.state >= DocumentState.Linked && !this.resolvedBefore.has(document)) {
            this.resolvedBefore.set(document, resolvedReferences(document));
        }
    }

    /** Bumps the resolution key of every declaration in which a reference now resolves otherwise. */
    private bumpChangedResolutions(document: LangiumDocument, before: readonly ResolvedReference[]): void {
        const uri = document.uri.toString();
        const after = resolvedReferences(document);
        const changed = new Set<number>();
        for (let i = 0; i < Math.max(before.length, after.length); i++) {
            const a = before[i];
            const b = after[i];
            if (a && b && a.element === b.element && a.target === b.target && a.target !== undefined) continue;
            if (a) changed.add(a.element);
            if (b) changed.add(b.element);
        }
        for (const element of changed) this.bump(resolutionKey(uri, element));
    }

    /**
     * The cached figure of `key` in `store`, computed by `compute` when it is
     * missing or anything it read has changed since. A key that is a node is
     * read by the computation (a model's key object is not).
     */
    memo<K extends object, T>(store: FigureStore<K, T>, key: K, compute: () => T): T {
        const cached = store.get(key);
        if (cached && this.isValid(cached)) {
            this.pass(cached);
            return cached.value;
        }
        const frame: Frame = { deps: new Map(), problems: [], troubled: [] };
        this.frames.push(frame);
        let value: T;
        try {
            if ('$type' in key) this.readNode(key as unknown as AstNode);
            value = compute();
        } finally {
            this.frames.pop();
        }
        const deps: Array<string | number> = [];
        for (const [dep, version] of frame.deps) deps.push(dep, version);
        const entry: Entry<T> = { value, deps, problems: frame.problems, troubled: frame.troubled };
        store.set(key, entry);
        this.pass(entry);
        return value;
    }

    /**
     * Records that the figure under way reads `node`: the text of its document
     * (changed when the document is parsed again) and what the references of
     * its top-level declaration resolve to (changed when the document is linked
     * again and a name there now refers to something else).
     */
    readNode(node: AstNode): void {
        let top = node;
        while (top.$container?.$container) top = top.$container;
        const root = top.$container ?? top;
        const uri = root.$document?.uri.toString();
        if (!uri || isBuiltinUri(uri)) return;
        this.read(textKey(uri));
        if (top !== root) this.read(resolutionKey(uri, top.$containerIndex ?? 0));
    }

    /** Records that the figure under way reads `key` (a model-wide key; nodes are read through readNode). */
    read(key: string): void {
        const frame = this.frames.at(-1);
        if (!frame) return;
        frame.deps.set(key, this.versions.get(key) ?? 0);
    }

    /** A problem found by the figure under way; it is kept with that figure. */
    report(problem: FigureProblem): void {
        const frame = this.frames.at(-1);
        if (!frame) throw new Error(`a figure problem (${problem.rule}) was found outside any figure computation`);
        frame.problems.push(problem);
    }

    /**
     * Asks for figures (`ask` calls the evaluator and the other services) and
     * returns the problems of every figure it used, and of the figures those
     * used, each once, cached or not.
     */
    problemsOfFigures(ask: () => void): FigureProblem[] {
        const frame: Frame = { deps: new Map(), problems: [], troubled: [] };
        this.frames.push(frame);
        try {
            ask();
        } finally {
            this.frames.pop();
        }
        // what the figures read is read by the figure under way, if any
        this.passReads(frame.deps);
        const seen = new Set<Entry<unknown>>();
        const problems: FigureProblem[] = [...frame.problems];
        const stack = [...frame.troubled];
        while (stack.length > 0) {
            const entry = stack.pop()!;
            if (seen.has(entry)) continue;
            seen.add(entry);
            problems.push(...entry.problems);
            stack.push(...entry.troubled);
        }
        return problems;
    }

    /** Marks `key` changed: every figure that read it is computed again when next asked for. */
    bump(key: string): void {
        this.versions.set(key, ++this.counter);
    }

    private isValid(entry: Entry<unknown>): boolean {
        const deps = entry.deps;
        for (let i = 0; i < deps.length; i += 2) {
            if ((this.versions.get(deps[i] as string) ?? 0) !== deps[i + 1]) return false;
        }
        return true;
    }

    /** Hands what a used figure read, and its problems, to the figure under way. */
    private pass(entry: Entry<unknown>): void {
        const frame = this.frames.at(-1);
        if (!frame) return;
        const deps = entry.deps;
        for (let i = 0; i < deps.length; i += 2) frame.deps.set(deps[i] as string, deps[i + 1] as number);
        if (entry.problems.length > 0 || entry.troubled.length > 0) frame.troubled.push(entry);
    }

    /** Hands what a collection of figures read to the figure under way, if any. */
    private passReads(reads: ReadonlyMap<string, number>): void {
        const frame = this.frames.at(-1);
        if (frame) for (const [dep, version] of reads) frame.deps.set(dep, version);
    }

    /** Bumps the model-wide keys when a document starts or stops declaring an organisation or instruments. */
    private updateFacets(document: LangiumDocument): void {
        const uri = document.uri.toString();
        if (isBuiltinUri(uri)) return;
        const elements = (document.parseResult.value as CnmsFile).elements ?? [];
        const facets = `${elements.some(isOrganization) ? 'O' : ''}${elements.some(isInstrument) ? 'I' : ''}`;
        const before = this.facets.get(uri);
        if (before === facets) return;
        if (before === undefined) this.bump(MEMBERS_KEY);
        if ((before ?? '').includes('O') !== facets.includes('O')) this.bump(ORGANIZATIONS_KEY);
        if ((before ?? '').includes('I') !== facets.includes('I')) this.bump(INSTRUMENTS_KEY);
        this.facets.set(uri, facets);
    }

    private forgetFacets(uri: URI): void {
        const before = this.facets.get(uri.toString());
        if (before === undefined) return;
        this.facets.delete(uri.toString());
        this.bump(MEMBERS_KEY);
        if (before.includes('O')) this.bump(ORGANIZATIONS_KEY);
        if (before.includes('I')) this.bump(INSTRUMENTS_KEY);
    }
}

/** A reference of a document: the top-level declaration it stands in, and what it resolves to. */
interface ResolvedReference {
    readonly element: number;
    /** The node, or the linking error (a new object each time: an unknown name always counts as changed). */
    readonly target: unknown;
}

/** What each reference of a document resolves to, read from the resolved references without linking. */
function resolvedReferences(document: LangiumDocument): ResolvedReference[] {
    return document.references.map(reference => {
        const raw = reference as unknown as { _ref?: unknown; _items?: unknown };
        let top = reference.$refNode?.astNode;
        while (top?.$container?.$container) top = top.$container;
        return { element: top?.$containerIndex ?? 0, target: '_ref' in raw ? raw._ref : raw._items };
    });
}

/** The key of a document's text: bumped when it is parsed again or deleted. */
function textKey(uri: string): string {
    return `text ${uri}`;
}

/** The key of what the references of one top-level declaration of a document resolve to. */
function resolutionKey(uri: string, element: number): string {
    return `names ${uri} #${element}`;
}
