// `cnms/diff` of the language server (packages/server/src/diff-requests.ts):
// the model of a document at a git revision against the saved files, as the
// editor's Compare with Revision and status bar ask for it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver-protocol';
import { REPO, tempCopy } from './helpers/cli.js';
import { fileUri, startServer, type LspSession } from './helpers/lsp-client.js';

const gitEnv = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'CNMS test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'CNMS test',
    GIT_COMMITTER_EMAIL: 'test@example.com'
};
function git(cwd: string, ...args: string[]): void {
    const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: gitEnv });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

const requestError = (promise: Promise<unknown>) =>
    promise.then(
        () => {
            throw new Error('the request succeeded');
        },
        (error: Error) => error.message
    );

describe('cnms/diff', () => {
    const dirs: string[] = [];
    let repo: string;
    let session: LspSession;
    let siteUri: string;

    beforeAll(async () => {
        repo = mkdtempSync(join(tmpdir(), 'cnms-lsp-diff-'));
        dirs.push(repo);
        git(repo, 'init', '-q', '-b', 'main');
        cpSync(join(REPO, 'examples/steel'), join(repo, 'models/steel'), { recursive: true });
        git(repo, 'add', '-A');
        git(repo, 'commit', '-q', '-m', 'The model');
        // Saved, not committed: more purchased electricity.
        const site = join(repo, 'models/steel/sites/main_works.cnms');
        writeFileSync(site, readFileSync(site, 'utf8').replace('activity 320_000 MWh', 'activity 331_566 MWh'));
        siteUri = fileUri(site);
        session = await startServer(repo);
        await session.open(siteUri, readFileSync(site, 'utf8'));
        await session.waitForDiagnostics(siteUri);
    });

    afterAll(async () => {
        await session?.close();
        for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    test('md: the model at the revision against the saved files, naming the changed source', async () => {
        const { content } = await session.connection.sendRequest<{ content: string }>('cnms/diff', { uri: siteUri, revision: 'HEAD', format: 'md' });
        expect(content).toMatch(/^### CNMS: shigang — HEAD → working tree$/m);
        expect(content).toContain('**net +7,357.133 tCO2e (+0.2 %) · 1 source changed');
        expect(content).toMatch(/source `purchased\\?_power`/);
    });

    test('json: the exact figures of cnms diff --format json', async () => {
        const { content } = await session.connection.sendRequest<{ content: string }>('cnms/diff', { uri: fileUri(join(repo, 'models/steel/organization.cnms')), revision: 'main', format: 'json' });
        const diff = JSON.parse(content);
        expect(diff.totals.net.delta).toBe('7357.1326');
        expect(diff.before.revision).toBe('main');
        expect(diff.after).toEqual({ revision: 'working tree', commit: null });
        expect(diff.changes.map((change: { id: string }) => change.id)).toEqual(['purchased_power']);
    });

    test('an unknown revision, a bad format or an option are errors with a message', async () => {
        expect(await requestError(session.connection.sendRequest('cnms/diff', { uri: siteUri, revision: 'no-such-branch', format: 'md' }))).toBe("unknown revision 'no-such-branch'");
        expect(await requestError(session.connection.sendRequest('cnms/diff', { uri: siteUri, revision: 'HEAD', format: 'html' }))).toContain("unknown format 'html'");
        expect(await requestError(session.connection.sendRequest('cnms/diff', { uri: siteUri, revision: '--output=/tmp/x', format: 'md' }))).toContain('unknown revision');
    });

    test('a model outside any git repository, and a file in no model, are errors with a message', async () => {
        const plain = tempCopy('examples/steel');
        dirs.push(plain);
        const other = await startServer(plain);
        try {
            const uri = fileUri(join(plain, 'organization.cnms'));
            await other.open(uri, readFileSync(join(plain, 'organization.cnms'), 'utf8'));
            await other.waitForDiagnostics(uri);
            expect(await requestError(other.connection.sendRequest('cnms/diff', { uri, revision: 'HEAD', format: 'md' }))).toMatch(/is not inside a git repository/);
            const stray = fileUri(join(tmpdir(), 'cnms-stray-file.cnms'));
            await other.open(stray, 'site lone { location "x" }\n');
            expect(await requestError(other.connection.sendRequest('cnms/diff', { uri: stray, revision: 'HEAD', format: 'md' }))).toContain('belongs to no CNMS model');
        } finally {
            await other.close();
        }
    });

    test('a cancelled request stops and answers RequestCancelled; the next one is answered in full', async () => {
        // a model large enough that its diff takes seconds: 3,000 sources in 30 files
        const big = mkdtempSync(join(tmpdir(), 'cnms-lsp-diff-big-'));
        dirs.push(big);
        git(big, 'init', '-q', '-b', 'main');
        const org = join(big, 'model/organization.cnms');
        const write = (version: number) => {
            mkdirSync(join(big, 'model/sites'), { recursive: true });
            writeFileSync(org, 'organization big { consolidation operational-control period 2024 gwp AR6 ms-scope "All" }\nsite plant\n');
            for (let file = 0; file < 30; file++) {
                const lines: string[] = [];
                for (let i = file * 100; i < (file + 1) * 100; i++) {
                    lines.push(`source s${i} at plant { category 1 emissions ${1000 + i + (version === 2 && i === 0 ? 5 : 0)} tCO2 }`);
                }
                writeFileSync(join(big, `model/sites/part-${file}.cnms`), `${lines.join('\n')}\n`);
            }
        };
        write(1);
        git(big, 'add', '-A');
        git(big, 'commit', '-q', '-m', 'The model');
        write(2);
        const other = await startServer(big);
        try {
            const uri = fileUri(org);
            await other.open(uri, readFileSync(org, 'utf8'));
            await other.waitForDiagnostics(uri);
            const source = new CancellationTokenSource();
            const pending = other.connection.sendRequest('cnms/diff', { uri, revision: 'HEAD', format: 'json' }, source.token);
            setTimeout(() => source.cancel(), 200);
            const error = await pending.then(
                () => undefined,
                (failure: { code?: number }) => failure
            );
            expect(error?.code).toBe(LSPErrorCodes.RequestCancelled);
            const { content } = await other.connection.sendRequest<{ content: string }>('cnms/diff', { uri, revision: 'HEAD', format: 'json' });
            // s0: 1000 → 1005 tCO2e (given as emissions: the change is its factor's), nothing else
            expect(JSON.parse(content).changes).toEqual([
                {
                    kind: 'source',
                    id: 's0',
                    action: 'changed',
                    before: '1000',
                    after: '1005',
                    delta: '5',
                    causes: [{ cause: 'factor', delta: '5', input: { before: '1000 tCO2', after: '1005 tCO2', percent: null } }],
                    at: { file: 'model/sites/part-0.cnms', line: 1 }
                }
            ]);
        } finally {
            await other.close();
        }
    }, 180_000);
});
