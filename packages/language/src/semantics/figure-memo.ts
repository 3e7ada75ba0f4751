import type { AstNode, LangiumDocument, LangiumSharedCoreServices, ParseResult, URI } from 'langium';
import { DocumentState, isAstNode } from 'langium';
import type { CnmsFile } from '../generated/ast.js';
import { isInstrument, isOrganization } from '../generated/ast.js';
import { BUILTIN_SCHEME, isBuiltinUri } from '../workspace/builtin-library.js';
import { carriedElements, resolvedReferences, topLevelElement, type CarriedElements, type ResolvedReference } from './carried-elements.js';
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

/**
 * How a store's values are carried to a declaration parsed again unchanged:
 * the nodes a value holds replaced by their counterparts (undefined when one
 * has none: the figure is then computed again).
 */
export type Carry<T> = (value: T, counterpart: <N extends AstNode>(node: N) => N | undefined) => T | undefined;

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
 * read: each top-level declaration it read a node of (its key changes when
 * the declaration's text changes or one of its names now refers to something
 * else), the text of each whole file it read (changed when the file is parsed
 * again), and the few model-wide keys above. A cached figure is reused while
 * every version it read is unchanged, so an edit recomputes only the figures
 * that read the edited declaration (and the sums above them).
 *
 * A file parsed again has new nodes throughout; its declarations whose text,
 * tree and references are unchanged (semantics/carried-elements.ts) keep
 * their key, and their figures are carried over to the new nodes, so that
 * typing in one declaration of a 5,000-line file does not compute the other
 * 600 again.
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
    /** What each document declared when it was last seen (organisations, instruments), to bump the model-wide keys. */
    private readonly facets = new Map<string, string>();
    /** A linked document's parse and what its references resolved to, kept when it is unlinked to be built again (workspace/cnms-linker.ts). */
    private readonly before = new WeakMap<LangiumDocument, { readonly parse: ParseResult<AstNode>; readonly references: readonly ResolvedReference[] }>();
    /** The key number of each top-level declaration; a declaration carried to a new parse keeps its number. */
    private readonly elementIds = new WeakMap<AstNode, number>();
    private nextElementId = 0;
    /** The declarations' key numbers of each document when it was last linked. */
    private readonly documentElements = new Map<string, readonly number[]>();
    /** The tree each document had when its text key was last bumped after a parse. */
    private readonly parsedRoots = new WeakMap<LangiumDocument, AstNode>();
    /** The document of each declaration key (a carried declaration keeps its key, and its document). */
    private readonly elementUris = new Map<number, string>();
    /** The stores of `store()`, whose entries are carried; the others (by model, by file) are not. */
    private readonly carriedStores = new WeakSet<object>();
    /** The stores whose figures are carried over to declarations parsed again unchanged. */
    private readonly carried: Array<{ readonly store: WeakMap<object, Entry<unknown>>; readonly carry: Carry<unknown> }> = [];

    constructor(shared: LangiumSharedCoreServices) {
        const builder = shared.workspace.DocumentBuilder;
        builder.onUpdate((changed, deleted) => {
            for (const uri of [...changed, ...deleted]) this.bump(textKey(uri.toString()));
            for (const uri of deleted) {
                this.forgetElements(uri.toString(), []);
                this.forgetFacets(uri);
            }
        });
        // A document's text key is bumped again once it is parsed: a request that ran during the
        // build (between the update and the parse) read the old tree under the new version.
        builder.onBuildPhase(DocumentState.IndexedContent, documents => {
            for (const document of documents) {
                if (this.parsedRoots.get(document) === document.parseResult.value) continue;
                this.parsedRoots.set(document, document.parseResult.value);
                this.bump(textKey(document.uri.toString()));
            }
        });
        // A document parsed again keeps the keys and figures of its unchanged declarations; a
        // document only linked again is stale where a name now refers to something else.
        builder.onBuildPhase(DocumentState.Linked, documents => {
            const relinked: Array<[LangiumDocument, readonly ResolvedReference[]]> = [];
            // the counterparts in each document parsed again, for this phase only (kept longer, they
            // would chain every old parse that anything still points into to the next)
            const reparsed = new Map<AstNode, CarriedElements>();
            for (const document of documents) {
                const before = this.before.get(document);
                this.before.delete(document);
                if (!before) continue;
                if (before.parse.value !== document.parseResult.value) reparsed.set(before.parse.value, this.carryOver(document, before.parse, before.references));
                else relinked.push([document, before.references]);
            }
            // after every carry-over: a reference to a carried node's counterpart is not a change
            const counterpart = (node: AstNode): AstNode | undefined => {
                let root = node;
                while (root.$container) root = root.$container;
                const carried = reparsed.get(root);
                return carried ? carried.counterpart(node) : node;
            };
            for (const [document, references] of relinked) this.bumpChangedResolutions(references, resolvedReferences(document), counterpart);
            for (const document of documents) {
                const uri = document.uri.toString();
                if (isBuiltinUri(uri)) continue;
                const ids = ((document.parseResult.value as CnmsFile).elements ?? []).map(element => this.elementId(element));
                this.forgetElements(uri, ids);
                this.documentElements.set(uri, ids);
                this.updateFacets(document);
            }
        });
    }

    /**
     * A store of figures keyed by nodes whose entries are carried over to a
     * declaration parsed again unchanged (with `carry` replacing the nodes a
     * value holds by their counterparts).
     */
    store<K extends AstNode, T>(carry: Carry<T> = value => value): FigureStore<K, T> {
        const store: FigureStore<K, T> = new WeakMap();
        this.carriedStores.add(store);
        this.carried.push({ store: store, carry: carry as Carry<unknown> });
        return store;
    }

    /** Keeps a linked document's parse and what its references resolve to, before they are unlinked to be built again. */
    beforeUnlink(document: LangiumDocument): void {
        if (document.state >= DocumentState.Linked && !this.before.has(document)) {
            this.before.set(document, { parse: document.parseResult, references: resolvedReferences(document) });
        }
    }

    /**
     * The key number of a top-level declaration. A new key starts with a
     * version of its own, so no figure records a declaration's key at version
     * 0, and the key of a declaration that is gone can be dropped (`forget`)
     * rather than bumped: a figure that read it finds no version, which is
     * not the one it recorded.
     */
    private elementId(element: AstNode): number {
        let id = this.elementIds.get(element);
        if (id === undefined) {
            this.elementIds.set(element, (id = ++this.nextElementId));
            this.bump(elementKey(id));
            const uri = element.$container?.$document?.uri.toString();
            if (uri) this.elementUris.set(id, uri);
        }
        return id;
    }

    /** Forgets the keys of a document's declarations that are gone (not among `kept`). */
    private forgetElements(uri: string, kept: readonly number[]): void {
        const keep = new Set(kept);
        for (const id of this.documentElements.get(uri) ?? []) if (!keep.has(id)) this.forget(id);
        if (kept.length === 0) this.documentElements.delete(uri);
    }

    /**
     * Drops a declaration key that no declaration has any more: every figure
     * that read it is computed again when next asked for, as after a bump,
     * and the key's entries go (kept, they grew with every edit: 8,000 keys
     * after 2,000 edits of the steel example).
     */
    private forget(id: number): void {
        this.versions.delete(elementKey(id));
        this.elementUris.delete(id);
    }

    /**
     * A document parsed again: its declarations that are unchanged keep their
     * key, and the figures kept for them (a source's figures, a factor's
     * values, a checked property, a cycle check …) are carried to the new
     * declarations, with their problems moved to the counterparts of their
     * nodes. Figures of the nodes inside (an expression's value) are not
     * carried: they are computed again if something asks. The others get new
     * keys; the keys of the old ones are bumped in the Linked phase above.
     */
    private carryOver(document: LangiumDocument, oldParse: ParseResult<AstNode>, before: readonly ResolvedReference[]): CarriedElements {
        // a declaration with a key that is in the new parse was in the last linked parse and kept its node
        // (only the edited declarations were parsed again: syntax/declaration-reparse.ts)
        const kept = (element: AstNode) => this.elementIds.has(element);
        const carried = carriedElements(oldParse, document, before, kept);
        const counterpart = <N extends AstNode>(node: N): N | undefined => carried.counterpart(node) as N | undefined;
        // an entry whose problems (or those of the entries it used) lie in the old parse, with them moved; null when one cannot be
        const moved = new Map<Entry<unknown>, Entry<unknown> | null>();
        const move = (entry: Entry<unknown>): Entry<unknown> | null => {
            const known = moved.get(entry);
            if (known !== undefined) return known;
            moved.set(entry, null);
            let changed = false;
            const problems: FigureProblem[] = [];
            for (const problem of entry.problems) {
                const at = counterpart(problem.node);
                if (!at) return null;
                changed ||= at !== problem.node;
                problems.push(at === problem.node ? problem : { ...problem, node: at });
            }
            const troubled: Array<Entry<unknown>> = [];
            for (const used of entry.troubled) {
                const now = move(used);
                if (!now) return null;
                changed ||= now !== used;
                troubled.push(now);
            }
            const result = changed ? { value: entry.value, deps: entry.deps, problems, troubled } : entry;
            moved.set(entry, result);
            return result;
        };
        // a declaration kept as the same node (a parse of only the edited declarations) but whose
        // references now resolve otherwise is not carried: it takes a new key, so that every figure
        // read from it, down to its expressions' values, is computed again
        for (const element of (document.parseResult.value as CnmsFile).elements ?? []) {
            if (kept(element) && !carried.elements.has(element)) this.elementIds.delete(element);
        }
        for (const [old, element] of carried.elements) {
            if (old === element) continue;
            const id = this.elementIds.get(old);
            if (id === undefined) continue;
            // (a key the new node got when a request read it during the build is no one's now)
            const own = this.elementIds.get(element);
            if (own !== undefined && own !== id) this.forget(own);
            this.elementIds.set(element, id);
            for (const { store, carry } of this.carried) {
                const entry = store.get(old);
                if (!entry || store.has(element)) continue;
                const value = carry(entry.value, counterpart);
                const now = value === undefined ? null : move(entry);
                if (now) store.set(element, { ...now, value });
            }
        }
        return carried;
    }

    /** Bumps the key of every declaration in which a reference now resolves otherwise. */
    private bumpChangedResolutions(before: readonly ResolvedReference[], after: readonly ResolvedReference[], counterpart: (node: AstNode) => AstNode | undefined): void {
        const changed = new Set<AstNode>();
        for (let i = 0; i < Math.max(before.length, after.length); i++) {
            const a = before[i];
            const b = after[i];
            if (a && b && a.element === b.element && a.target !== undefined && (a.target === b.target || (isAstNode(a.target) && counterpart(a.target) === b.target))) continue;
            if (a?.element) changed.add(a.element);
            if (b?.element) changed.add(b.element);
        }
        for (const element of changed) this.bump(elementKey(this.elementId(element)));
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
        // a figure that is not carried with a declaration (a model's, a file's) may hold nodes of the
        // declarations it read: it is computed again when their file is parsed again, not only when they change
        if (!this.carriedStores.has(store)) {
            for (const dep of [...frame.deps.keys()]) {
                if (!dep.startsWith(ELEMENT_PREFIX)) continue;
                const uri = this.elementUris.get(Number(dep.slice(ELEMENT_PREFIX.length)));
                if (uri) frame.deps.set(textKey(uri), this.versions.get(textKey(uri)) ?? 0);
            }
        }
        // arrays of their exact size, an empty one shared: an entry is kept for every expression of a
        // model (a 2 MB paste of lets holds 600,000), and an array grown by push reserves 17 slots
        const deps = new Array<string | number>(frame.deps.size * 2);
        let i = 0;
        for (const [dep, version] of frame.deps) {
            deps[i++] = dep;
            deps[i++] = version;
        }
        const entry: Entry<T> = { value, deps, problems: frame.problems.length > 0 ? frame.problems : NONE, troubled: frame.troubled.length > 0 ? frame.troubled : NONE };
        store.set(key, entry);
        this.pass(entry);
        return value;
    }

    /**
     * Records that the figure under way reads `node`: its top-level
     * declaration (whose key changes when its text changes or a name in it
     * now refers to something else), or, for a whole file, the file's text.
     */
    readNode(node: AstNode): void {
        if (this.frames.length === 0) return;
        const top = topLevelElement(node);
        const document = (top?.$container ?? node).$document;
        if (!document || document.uri.scheme === BUILTIN_SCHEME) return;
        this.read(top ? elementKey(this.elementId(top)) : textKey(document.uri.toString()));
    }

    /** Records that the figure under way reads `key` (a model-wide key; nodes are read through readNode). */
    read(key: string): void {
        const frame = this.frames.at(-1);
        if (!frame) return;
        frame.deps.set(key, this.versions.get(key) ?? 0);
    }

    /**
     * A problem found by the figure under way; it is kept with that figure.
     * A view that computes a value outside any figure (a report or hover
     * asking for one part directly) gets no value for it and says so; the
     * problem itself is reported by the file's figures, which are all
     * memoized, so it is not kept here (and never stops the view).
     */
    report(problem: FigureProblem): void {
        this.frames.at(-1)?.problems.push(problem);
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
        return distinctProblems(problems);
    }

    /**
     * Records that the figure under way reads a file that is not a CNMS
     * document (a dataset's CSV): its key is the file's text key, bumped by
     * `fileChanged` when the file is saved, created or deleted.
     */
    readFile(uri: string): void {
        this.read(textKey(uri));
    }

    /** A file that is not a CNMS document changed (the language server was told so): the figures that read it are computed again. */
    fileChanged(uri: string): void {
        this.bump(textKey(uri));
    }

    /** How many keys the memory tracks (versions and declarations' documents): bounded by the model, not by the edits made (test/memory-retention.test.ts). */
    trackedKeys(): number {
        return this.versions.size + this.elementUris.size;
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

    /**
     * Bumps the model-wide keys when the organisations or instruments a
     * document declares change (which ones, not only whether it has any: a
     * new instrument changes every allocation; a second organisation may come
     * first), and when a document joins the workspace.
     */
    private updateFacets(document: LangiumDocument): void {
        const uri = document.uri.toString();
        const elements = (document.parseResult.value as CnmsFile).elements ?? [];
        const ids = (test: (element: AstNode) => boolean) =>
            elements
                .filter(test)
                .map(element => this.elementId(element))
                .join(',');
        const facets = { organizations: ids(isOrganization), instruments: ids(isInstrument) };
        const before = this.facets.get(uri);
        const now = `${facets.organizations}|${facets.instruments}`;
        if (before === now) return;
        const [organizations, instruments] = (before ?? '|').split('|');
        if (before === undefined) this.bump(MEMBERS_KEY);
        if (organizations !== facets.organizations) this.bump(ORGANIZATIONS_KEY);
        if (instruments !== facets.instruments) this.bump(INSTRUMENTS_KEY);
        this.facets.set(uri, now);
    }

    private forgetFacets(uri: URI): void {
        const before = this.facets.get(uri.toString());
        if (before === undefined) return;
        this.facets.delete(uri.toString());
        const [organizations, instruments] = before.split('|');
        this.bump(MEMBERS_KEY);
        if (organizations) this.bump(ORGANIZATIONS_KEY);
        if (instruments) this.bump(INSTRUMENTS_KEY);
    }
}

/** The problems or troubled entries of the many entries that have none. */
const NONE: readonly never[] = Object.freeze([]);

/** The key of a document's text: bumped when it is parsed again or deleted. */
function textKey(uri: string): string {
    return `text ${uri}`;
}

/** The key of one top-level declaration: bumped when it is gone (its text changed) or a name in it resolves otherwise. */
function elementKey(id: number): string {
    return `${ELEMENT_PREFIX}${id}`;
}

const ELEMENT_PREFIX = 'element ';

/**
 * Each problem once, in order, though several figures hold it (same node,
 * rule, key, property and index): a figure carried to a new parse keeps a
 * moved copy of the entries it used, and the same figure computed anew for
 * the new node holds it too; two declarations that use one faulty value both
 * hold its problem.
 */
export function distinctProblems(problems: readonly FigureProblem[]): FigureProblem[] {
    const found = new Map<AstNode, Set<string>>();
    const distinct: FigureProblem[] = [];
    for (const problem of problems) {
        // (the texts of its message too: one declaration can have several problems of one kind, a dataset's broken rows)
        const texts = Object.values(problem.params)
            .filter(param => typeof param === 'string')
            .join('\u0000');
        const key = `${problem.rule}\n${problem.key}\n${problem.property ?? ''}\n${problem.index ?? ''}\n${texts}`;
        let keys = found.get(problem.node);
        if (!keys) found.set(problem.node, (keys = new Set()));
        if (keys.has(key)) continue;
        keys.add(key);
        distinct.push(problem);
    }
    return distinct;
}
