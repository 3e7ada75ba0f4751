import type { AstNode, LangiumDocument, LangiumDocuments, LangiumSharedCoreServices } from 'langium';
import { DocumentState, URI, UriUtils } from 'langium';
import type { CnmsFile, Element, Organization } from '../generated/ast.js';
import { isOrganization } from '../generated/ast.js';
import { isBuiltinUri } from '../workspace/builtin-library.js';
import { declaresOrganization, modelFolderOf, type FolderTree } from '../workspace/model-discovery.js';
import { BuildCache } from '../workspace/build-cache.js';

/** The key of the built-in library: visible from every model. */
export const BUILTIN_MODEL = 'builtin:';

/**
 * "A model is a directory" (language.md §1): a model is the directory that
 * holds a file declaring `organization`, with every `.cnms` file below it,
 * except the subdirectories that declare their own organization. A file in no
 * model is a model of its own (its names resolve within the file and the
 * library) and is reported once (CN-NUM-009).
 */
export class CnmsModels {
    private readonly documents: LangiumDocuments;
    private readonly keys: BuildCache<string, string>;
    private readonly organizationDirs: BuildCache<'dirs', Set<string>>;
    private readonly members: BuildCache<string, LangiumDocument[]>;
    private readonly elements: BuildCache<string, Element[]>;
    /**
     * One object per model key, to key the figures of a whole model
     * (semantics/figure-memo.ts) and what is kept per model. The object of a
     * model that is gone is let go once the documents are parsed: what was
     * kept for it (its balance, its declarations by name) held the syntax
     * trees it was computed from. A folder is a model for a while when an
     * `organization` is pasted into one of its files, and each file is a model
     * of its own while the organisation's file is cut off; the fuzz harness on
     * a 2,000-source model saw the live heap grow by 42 MB in 200 such edits.
     */
    private readonly keyObjects = new Map<string, object>();

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.keys = new BuildCache(shared);
        this.organizationDirs = new BuildCache(shared);
        this.members = new BuildCache(shared);
        this.elements = new BuildCache(shared);
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedContent, () => this.forgetGoneModels());
    }

    /** Lets go of the key objects of models that no longer exist (see `keyObjects`). */
    private forgetGoneModels(): void {
        const current = new Set<string>();
        for (const document of this.documents.all) current.add(this.modelOf(document.uri));
        for (const key of [...this.keyObjects.keys()]) if (!current.has(key)) this.keyObjects.delete(key);
    }

    /** How many model key objects are kept: one per model that exists (test/memory-retention.test.ts). */
    keptModelKeys(): number {
        return this.keyObjects.size;
    }

    /** A stable object standing for a model key, for caches keyed by objects. */
    keyObject(key: string): object {
        let object = this.keyObjects.get(key);
        if (!object) this.keyObjects.set(key, (object = { model: key }));
        return object;
    }

    /** The model key of a document: its model's root directory URI, `file:` + its own URI when in no model, or the library's key. */
    modelOf(uri: URI | string): string {
        const text = uri.toString();
        return this.keys.get(text, () => this.computeKey(text));
    }

    /** Whether the document is in no model (no organization in its directory or above). */
    isInNoModel(uri: URI | string): boolean {
        return this.modelOf(uri).startsWith(NO_MODEL_PREFIX);
    }

    /** Whether a model key stands for a file in no model. */
    isNoModelKey(key: string): boolean {
        return key.startsWith(NO_MODEL_PREFIX);
    }

    /** Whether `uri` belongs to model `key` or to the built-in library. */
    isVisibleFrom(key: string, uri: URI | string): boolean {
        const other = this.modelOf(uri);
        return other === key || other === BUILTIN_MODEL;
    }

    /** The documents of one model (not the library), in a stable order. */
    documentsOf(key: string): LangiumDocument[] {
        return this.members.get(key, () =>
            this.documents.all
                .filter(doc => this.modelOf(doc.uri) === key)
                .toArray()
                .sort((a, b) => (a.uri.toString() < b.uri.toString() ? -1 : 1))
        );
    }

    /** Top-level declarations of a model, in file order. */
    elementsOf(key: string): Element[] {
        return this.elements.get(key, () => this.documentsOf(key).flatMap(doc => (doc.parseResult.value as CnmsFile).elements ?? []));
    }

    /** The organization of a model (the first, if there are several: CN-NUM-006 reports the others). */
    organizationOf(key: string): Organization | undefined {
        return this.elementsOf(key).find(isOrganization);
    }

    /** The model key of a folder (its model's root directory URI), or undefined when it is in no model. */
    modelOfFolder(folder: URI | string): string | undefined {
        const dirs = this.organizationDirs.get('dirs', () => this.findOrganizationDirs());
        return modelFolderOf(folder.toString().replace(/\/+$/, ''), folderTree(dirs));
    }

    /** The model key of the document that holds a node. */
    modelOfNode(node: AstNode): string {
        let root = node;
        while (root.$container) root = root.$container;
        return this.modelOf(root.$document!.uri);
    }

    private computeKey(uri: string): string {
        if (isBuiltinUri(uri)) {
            return BUILTIN_MODEL;
        }
        return this.modelOfFolder(UriUtils.dirname(URI.parse(uri))) ?? NO_MODEL_PREFIX + uri;
    }

    private findOrganizationDirs(): Set<string> {
        const dirs = new Set<string>();
        for (const doc of this.documents.all) {
            if (isBuiltinUri(doc.uri)) continue;
            if (declaresOrganization(doc.parseResult.value as CnmsFile)) {
                dirs.add(UriUtils.dirname(doc.uri).toString());
            }
        }
        return dirs;
    }
}

const NO_MODEL_PREFIX = 'file-only:';

/** Whether a model key is a model's root folder, where its cnms.json and cnms.lock lie (not a file in no model, nor the library). */
export function isModelFolderKey(key: string): boolean {
    return key.includes(':') && !key.startsWith(NO_MODEL_PREFIX) && !key.startsWith(BUILTIN_MODEL);
}

/** Folders as URI strings, with the folders that declare an organisation. */
function folderTree(modelFolders: ReadonlySet<string>): FolderTree<string> {
    return { parentOf: folder => UriUtils.dirname(URI.parse(folder)).toString(), isModelFolder: folder => modelFolders.has(folder) };
}
