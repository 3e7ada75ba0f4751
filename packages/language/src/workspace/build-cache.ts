import type { LangiumSharedCoreServices } from 'langium';
import { DocumentState, WorkspaceCache } from 'langium';

/**
 * A workspace cache that is emptied when documents change and again once
 * the changed documents are parsed and indexed. A request that runs while a
 * build is under way (Langium lets a request on an unchanged document run
 * at once) may fill the cache from a changed document's old syntax tree;
 * without the second emptying, that answer would outlive the build (the
 * clause rules once reported findings at the nodes of an old parse until the
 * next edit).
 */
export class BuildCache<K, V> extends WorkspaceCache<K, V> {
    constructor(shared: LangiumSharedCoreServices) {
        super(shared);
        this.toDispose.push(shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedContent, () => this.clear()));
    }
}
