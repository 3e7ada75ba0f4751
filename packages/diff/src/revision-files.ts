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

/**
 * A model file's bytes as text; one that is not UTF-8 (saved as GBK, say) is
 * refused, as the CLI's other commands refuse it, rather than compared with
 * U+FFFD in place of its characters.
 */
function utf8Text(bytes: Buffer, file: string, label: string): string {
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
        throw new RevisionError(`'${file}' is not UTF-8 text at ${label}: convert it to UTF-8 first (for example with iconv -f GBK -t UTF-8)`);
    }
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
                else if (name.endsWith('.cnms') || name === 'cnms.json') {
                    const file = relative(root, full).split('\\').join('/');
                    files.set(file, utf8Text(readFileSync(full), file, WORKING_TREE));
                }
            }
        };
        if (statSync(start).isDirectory()) walk(start); else files.set(prefix, utf8Text(readFileSync(start), prefix, WORKING_TREE));
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
    for (const file of paths) {
        const bytes = execFileSync('git', ['cat-file', 'blob', `${commit}:${file}`], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
        files.set(file, utf8Text(bytes, file, revision));
    }
    return { label: revision, commit, files };
}
