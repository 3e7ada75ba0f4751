import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** A model's files at one revision: paths relative to the repository root, and their texts. */
export interface RevisionFiles {
    /** The revision as the user named it, or `working tree`. */
    readonly label: string;
    /** The full commit, or null for the working tree. */
    readonly commit: string | null;
    readonly files: ReadonlyMap<string, string>;
}

export class RevisionError extends Error {}

const WORKING_TREE = 'working tree';

function git(root: string, args: string[]): string {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** The repository root that holds `path`. */
export function repositoryRoot(path: string): string {
    try {
        return git(existsSync(path) && statSync(path).isDirectory() ? path : resolve(path, '..'), ['rev-parse', '--show-toplevel']).trim();
    } catch {
        throw new RevisionError(`'${path}' is not inside a git repository`);
    }
}

/**
 * The `.cnms` files (and `cnms.json`) under `path` at a revision, read with
 * `git ls-tree` and `git cat-file`: nothing is checked out, the working tree
 * is never touched. Without a revision, the files of the working tree.
 */
export function revisionFiles(root: string, path: string, revision?: string): RevisionFiles {
    const prefix = relative(root, resolve(path)).split('\\').join('/');
    if (revision === undefined) {
        const files = new Map<string, string>();
        const start = resolve(root, prefix);
        if (!existsSync(start)) throw new RevisionError(`'${prefix || '.'}' does not exist in the working tree`);
        const walk = (dir: string) => {
            for (const name of readdirSync(dir).sort()) {
                if (name === '.git' || name === 'node_modules') continue;
                const full = join(dir, name);
                if (statSync(full).isDirectory()) walk(full);
                else if (name.endsWith('.cnms') || name === 'cnms.json') files.set(relative(root, full).split('\\').join('/'), readFileSync(full, 'utf8'));
            }
        };
        if (statSync(start).isDirectory()) walk(start); else files.set(prefix, readFileSync(start, 'utf8'));
        return { label: WORKING_TREE, commit: null, files };
    }
    let commit: string;
    try {
        commit = git(root, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).trim();
    } catch {
        throw new RevisionError(`unknown revision '${revision}'`);
    }
    const listing = git(root, ['ls-tree', '-r', '-z', '--full-tree', '--name-only', commit, '--', prefix || '.']).split('\0').filter(Boolean);
    const paths = listing.filter(file => file.endsWith('.cnms') || file.endsWith('/cnms.json') || file === 'cnms.json');
    if (paths.length === 0) {
        throw new RevisionError(`'${prefix || '.'}' holds no .cnms file at ${revision}`);
    }
    const files = new Map<string, string>();
    for (const file of paths) files.set(file, git(root, ['cat-file', 'blob', `${commit}:${file}`]));
    return { label: revision, commit, files };
}
