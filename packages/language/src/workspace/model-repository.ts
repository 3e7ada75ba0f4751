import type { FileSystemProvider } from 'langium';
import { URI, UriUtils } from 'langium';

/**
 * The repository of a model (CN-7.5-001, datasets): the nearest folder at or
 * above the model root that holds a `.git` entry, else the model root itself.
 * Files a model names (evidence, datasets) must lie inside it. Undefined where
 * the model has no folder that the file system can see (a file in no model,
 * the built-in library, a browser without a file system).
 */
export function modelRepository(fileSystem: FileSystemProvider, model: string): { root: URI; repository: URI } | undefined {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(model) || model.startsWith('file-only:') || model.startsWith('builtin:')) return undefined;
    let root: URI;
    try {
        root = URI.parse(model);
        if (!fileSystem.existsSync(root)) return undefined;
    } catch {
        return undefined;
    }
    for (let dir = root; ;) {
        if (fileSystem.existsSync(UriUtils.joinPath(dir, '.git'))) return { root, repository: dir };
        const parent = UriUtils.dirname(dir);
        if (parent.toString() === dir.toString()) break;
        dir = parent;
    }
    return { root, repository: root };
}

/** Whether `uri` is `folder` or lies below it (same scheme and authority). */
export function isInsideFolder(uri: URI, folder: URI): boolean {
    if (uri.scheme !== folder.scheme || uri.authority !== folder.authority) return false;
    const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
    return uri.path === folder.path || uri.path.startsWith(base);
}

/** Whether a path as written is absolute or a URI (`/data/x.csv`, `C:/x`, `file:///x`): a model names files relative to itself. */
export function isAbsolutePath(path: string): boolean {
    return /^\//.test(path) || /^[a-z][a-z0-9+.-]*:/i.test(path);
}

/** A file system that can tell where a path really leads (through symbolic links): the CLI's and the Node server's. */
export interface RealPathFileSystem {
    realPathSync(uri: URI): URI;
}

/**
 * Where a path really leads, when the file system can tell (symbolic links
 * followed), else the path itself; a path that does not exist is itself.
 * A file a model reads must lie inside its repository really, not only as
 * written: a link to `/etc/passwd` would put that file's lines in messages.
 */
export function realPathOf(fileSystem: FileSystemProvider, uri: URI): URI {
    const real = (fileSystem as Partial<RealPathFileSystem>).realPathSync;
    if (typeof real !== 'function') return uri;
    try {
        return real.call(fileSystem, uri);
    } catch {
        return uri;
    }
}
