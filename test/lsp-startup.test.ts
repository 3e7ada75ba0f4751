// A file opened while the server still builds the workspace at startup. The
// editor sends `didOpen` right after `initialized`; on a model of some size the
// workspace's first build is still running then, and the change cancels it.
// Langium continues a cancelled build's documents with the options they were
// started with: the first build's, which did not validate. The documents that
// were not open then stayed unvalidated, so the model's figures were never
// ready: the net's code lens said "computing…" until the next edit (CI saw it
// on a three-file model under load; here the model is large enough for the
// first build to be cancelled every time). The server is spoken to over the
// protocol, on real files.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { WorkspaceSymbolRequest } from 'vscode-languageserver-protocol';
import { generateGroupModel, writeModel } from '../scripts/generate-group-model.mjs';
import { fileUri, startServer, type LspSession } from './helpers/lsp-client.js';

let dir: string | undefined;
let session: LspSession | undefined;
afterAll(async () => {
    await session?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a file opened during the first build: every document of the model is validated, and the net is shown without another edit', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cnms-startup-'));
    const group = generateGroupModel({ sources: 2000, files: 5, seed: 3 });
    writeModel(group.files, dir);
    const plant = [...group.files.keys()].find(path => path.startsWith('plants/'))!;
    const organization = fileUri(join(dir, 'organization.cnms'));

    session = await startServer(dir);
    // workspace symbols are answered once the first build has indexed the files' names: it links them next
    await session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'x' });
    await session.open(fileUri(join(dir, plant)), readFileSync(join(dir, plant), 'utf8'));
    const lenses = await session.validatedCodeLens(organization);
    const net = lenses.map(lens => lens.command?.title ?? '').find(title => title.startsWith('Net '));
    expect(net).toMatch(/^Net \d{4}: /);
    expect(net).not.toMatch(/computing/);
    // a file that is not open got its diagnostics too (published by the model's run)
    expect(session.diagnostics.has(organization)).toBe(true);
}, 60_000);
