// The revisions a model can be compared with: the branches, tags and recent
// commits of the git repository that holds it, read with the `git` program
// (asynchronously, with a timeout), for the pick list of Compare with
// Revision and for the links from a comparison to the files.
import { execFile } from 'node:child_process';

const GIT_TIMEOUT_MS = 10_000;
const BRANCHES = 30;
const TAGS = 30;
const COMMITS = 20;

export interface GitRevision {
    readonly kind: 'branch' | 'tag' | 'commit';
    /** What git is given: the branch or tag name, or the abbreviated commit hash. */
    readonly revision: string;
    /** The subject of its commit. */
    readonly subject: string;
    /** When it was committed, as git says it (`3 days ago`). */
    readonly when: string;
}

export interface GitRevisions {
    /** The repository's top folder (a file path). */
    readonly root: string;
    readonly revisions: readonly GitRevision[];
}

/** Runs git in `cwd`; its standard output, or a rejection with git's message. */
export function git(cwd: string, args: readonly string[]): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile('git', [...args], { cwd, timeout: GIT_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024, windowsHide: true, encoding: 'utf8' }, (error, stdout, stderr) => {
            if (error) reject(new Error(stderr.trim() || error.message));
            else resolve(stdout);
        });
    });
}

const lines = (text: string) => text.split('\n').filter(line => line.trim() !== '');

/** The repository that holds `folder` and its revisions; undefined outside a repository or without git. */
export async function gitRevisionsOf(folder: string): Promise<GitRevisions | undefined> {
    let root: string;
    try {
        root = (await git(folder, ['rev-parse', '--show-toplevel'])).trim();
    } catch {
        return undefined;
    }
    const refs = (pattern: string, sort: string, count: number) => git(root, ['for-each-ref', `--sort=${sort}`, `--count=${count}`, '--format=%(refname:short)%00%(subject)%00%(committerdate:relative)', pattern]).catch(() => '');
    const [branches, tags, commits] = await Promise.all([refs('refs/heads', '-committerdate', BRANCHES), refs('refs/tags', '-creatordate', TAGS), git(root, ['log', `-n${COMMITS}`, '--format=%h%x00%s%x00%cr']).catch(() => '')]);
    const parse = (kind: GitRevision['kind'], text: string): GitRevision[] =>
        lines(text).map(line => {
            const [revision, subject = '', when = ''] = line.split('\0');
            return { kind, revision, subject, when };
        });
    return { root, revisions: [...parse('branch', branches), ...parse('tag', tags), ...parse('commit', commits)] };
}
