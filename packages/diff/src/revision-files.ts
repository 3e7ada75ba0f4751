import { execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Cancellation, OperationCancelled } from 'langium';

/** A model's files at one revision: paths relative to the repository root, and their texts. */
export interface RevisionFiles {
    /** The revision as the user named it, or `working tree`. */
    readonly label: string;
    /** The full commit, or null for the working tree. */
    readonly commit: string | null;
    readonly files: ReadonlyMap<string, string>;
}

export class RevisionError extends Error {}

export const WORKING_TREE = 'working tree';

/** A revision's `.cnms` and `.csv` files before their texts are read: path in the repository → blob id. */
interface RevisionTree {
    readonly label: string;
    readonly commit: string;
    readonly blobs: ReadonlyMap<string, string>;
}

/**
 * A git repository, read without checking anything out and without blocking:
 * `git rev-parse` and `git ls-tree` once per revision, and the texts of all
 * the revisions asked for through one `git cat-file --batch` process (a blob
 * that two revisions share is read once). A cancelled token stops the git
 * process under way and rejects with Langium's OperationCancelled.
 */
export class GitRepository {
    private constructor(
        readonly root: string,
        private readonly token: Cancellation.CancellationToken
    ) {}

    /** The repository that holds `path` (a folder, or a file in one). */
    static async holding(path: string, token: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<GitRepository> {
        const folder = resolve(path);
        for (const cwd of [folder, resolve(folder, '..')]) {
            try {
                const root = (await git(cwd, ['rev-parse', '--show-toplevel'], token)).trim();
                return new GitRepository(root, token);
            } catch (error) {
                if (error === OperationCancelled) throw error;
            }
        }
        throw new RevisionError(`'${path}' is not inside a git repository`);
    }

    /** The path of `path` in the repository, with `/` separators (`''` for the root). */
    pathOf(path: string): string {
        return relative(this.root, resolve(path)).split('\\').join('/');
    }

    /** Whether `text` names a commit of the repository. */
    async isRevision(text: string): Promise<boolean> {
        if (text.startsWith('-')) return false;
        try {
            await git(this.root, ['rev-parse', '--verify', '--quiet', `${text}^{commit}`], this.token);
            return true;
        } catch (error) {
            if (error === OperationCancelled) throw error;
            return false;
        }
    }

    /** The `.cnms` and `.csv` files under `path` at each revision (links left out), their texts read by one `git cat-file --batch`. */
    async revisionFiles(path: string, revisions: readonly string[]): Promise<RevisionFiles[]> {
        const prefix = this.pathOf(path);
        const trees = await Promise.all(revisions.map(revision => this.treeAt(prefix, revision)));
        const texts = await this.blobTexts(new Set(trees.flatMap(tree => [...tree.blobs.values()])));
        return trees.map(tree => ({
            label: tree.label,
            commit: tree.commit,
            files: new Map([...tree.blobs].map(([file, blob]) => [file, texts.get(blob)!]))
        }));
    }

    private async treeAt(prefix: string, revision: string): Promise<RevisionTree> {
        let commit: string;
        try {
            if (revision.startsWith('-')) throw new RevisionError(revision);
            commit = (await git(this.root, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], this.token)).trim();
        } catch (error) {
            if (error === OperationCancelled) throw error;
            throw new RevisionError(`unknown revision '${revision}'`);
        }
        const listing = await git(this.root, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', prefix || '.'], this.token);
        const blobs = new Map<string, string>();
        for (const entry of listing.split('\0')) {
            // <mode> SP <type> SP <object> TAB <file>
            const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
            // the model's files, and the CSV files its datasets may read (docs/datasets.md)
            if (match && match[2] === 'blob' && match[1] !== '120000' && /\.(cnms|csv)$/i.test(match[4])) blobs.set(match[4], match[3]);
        }
        if (![...blobs.keys()].some(file => file.endsWith('.cnms'))) throw new RevisionError(`'${prefix || '.'}' holds no .cnms file at ${revision}`);
        return { label: revision, commit, blobs };
    }

    /** The UTF-8 texts of blobs, from one `git cat-file --batch` process. */
    private blobTexts(ids: ReadonlySet<string>): Promise<Map<string, string>> {
        return new Promise((done, fail) => {
            if (ids.size === 0) return done(new Map());
            if (this.token.isCancellationRequested) return fail(OperationCancelled);
            const child = spawn('git', ['cat-file', '--batch'], { cwd: this.root, stdio: ['pipe', 'pipe', 'pipe'] });
            const chunks: Buffer[] = [];
            const errors: Buffer[] = [];
            const cancel = this.token.onCancellationRequested(() => child.kill());
            child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
            child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
            child.on('error', error => {
                cancel.dispose();
                fail(error);
            });
            child.on('close', code => {
                cancel.dispose();
                if (this.token.isCancellationRequested) return fail(OperationCancelled);
                if (code !== 0) return fail(new RevisionError(`git cat-file failed: ${Buffer.concat(errors).toString('utf8').trim()}`));
                try {
                    done(parseBatch(Buffer.concat(chunks)));
                } catch (error) {
                    fail(error);
                }
            });
            child.stdin.on('error', () => undefined); // the close above reports what went wrong
            child.stdin.end(`${[...ids].join('\n')}\n`);
        });
    }
}

/** `git cat-file --batch` output: for each object, `<id> blob <size>\n<content>\n`. */
function parseBatch(output: Buffer): Map<string, string> {
    const texts = new Map<string, string>();
    const decoder = new TextDecoder('utf-8');
    let at = 0;
    while (at < output.length) {
        const eol = output.indexOf(0x0a, at);
        if (eol < 0) break;
        const header = output.subarray(at, eol).toString('utf8').split(' ');
        if (header.length !== 3) throw new RevisionError(`git cat-file could not read ${header[0]}`);
        const size = Number(header[2]);
        texts.set(header[0], decoder.decode(output.subarray(eol + 1, eol + 1 + size)));
        at = eol + 1 + size + 1;
    }
    return texts;
}

/** The working tree as a revision: the files a caller read (absolute path → text), by their path in the repository. */
export function workingTree(root: string, files: Iterable<readonly [string, string]>): RevisionFiles {
    const byPath = new Map<string, string>();
    for (const [file, text] of files) byPath.set(relative(root, file).split('\\').join('/'), text);
    return { label: WORKING_TREE, commit: null, files: byPath };
}

/** Runs git asynchronously; a cancelled token kills it. */
function git(cwd: string, args: readonly string[], token: Cancellation.CancellationToken): Promise<string> {
    return new Promise((done, fail) => {
        if (token.isCancellationRequested) return fail(OperationCancelled);
        const controller = new AbortController();
        const cancel = token.onCancellationRequested(() => controller.abort());
        execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, signal: controller.signal }, (error, stdout) => {
            cancel.dispose();
            if (token.isCancellationRequested) fail(OperationCancelled);
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an ExecFileException is an Error; its type (Omit<…>) hides that
            else if (error) fail(error);
            else done(stdout);
        });
    });
}

/**
 * The CSV files under a folder of the working tree (absolute path → text), for
 * the datasets of its models: regular files of at most `limit` bytes, in
 * folders that are not hidden and not `node_modules`, links left out (as git
 * leaves them out of a revision).
 */
export function workingTreeCsvFiles(folder: string, limit: number): Array<[string, string]> {
    const files: Array<[string, string]> = [];
    const walk = (dir: string) => {
        let entries: Dirent[];
        try {
            entries = readdirSync(dir, { withFileTypes: true });
        } catch {
            return;
        }
        for (const entry of entries) {
            const full = join(dir, entry.name);
            if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full);
            else if (entry.isFile() && /\.csv$/i.test(entry.name)) {
                try {
                    if (statSync(full).size <= limit) files.push([full, readFileSync(full, 'utf8')]);
                } catch {
                    // unreadable now: the dataset says the file does not exist, as at a revision without it
                }
            }
        }
    };
    walk(folder);
    return files;
}
