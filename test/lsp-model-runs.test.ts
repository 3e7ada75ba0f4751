// The clause rules run model by model after a build, and a newer edit cancels
// the run where it is. A model whose run was complete keeps its diagnostics
// published, even when the run of the next model is cancelled: the fuzz
// harness (issue 10) restored the texts of the steel example and found
// factors.cnms still showing the findings of a pasted text, because its model's
// new set was recorded as published but announced only after every model had
// run, and the run of a second model (a folder the paste had made one) was
// cancelled. The server is spoken to over the protocol, on real files.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { generateGroupModel, writeModel } from '../scripts/generate-group-model.mjs';
import { REPO } from './helpers/cli.js';
import { fileUri, startServer, type LspSession } from './helpers/lsp-client.js';

const dirs: string[] = [];
const sessions: LspSession[] = [];
afterAll(async () => {
    await Promise.all(sessions.map(session => session.close()));
    dirs.forEach(dir => rmSync(dir, { recursive: true, force: true }));
});

test('a model whose clause rules have run keeps its new diagnostics when the run of the next model is cancelled', async () => {
    // two models side by side: the steel example (a), whose rules run in a moment, and a group of
    // 2,000 sources (b), whose rules run long enough (some 400 ms) for an edit to come in the middle of them
    const dir = mkdtempSync(join(tmpdir(), 'cnms-runs-'));
    dirs.push(dir);
    cpSync(join(REPO, 'examples/steel'), join(dir, 'a'), { recursive: true });
    const group = generateGroupModel({ sources: 2000, files: 5, seed: 11 });
    writeModel(group.files, join(dir, 'b'));
    const factors = join(dir, 'a/factors.cnms');
    const plant = join(
        dir,
        'b',
        [...group.files.keys()].find(path => path.startsWith('plants/'))!
    );
    const organizationA = fileUri(join(dir, 'a/organization.cnms'));
    const organizationB = fileUri(join(dir, 'b/organization.cnms'));

    const session = await startServer(dir);
    sessions.push(session);
    // the first change builds the workspace with its diagnostics
    await session.open(organizationA, readFileSync(join(dir, 'a/organization.cnms'), 'utf8'));
    await session.validatedCodeLens(organizationA);
    await session.validatedCodeLens(organizationB);
    const factorAge = () => (session.diagnostics.get(fileUri(factors)) ?? []).filter(d => d.code === 'CN-6.2-007').map(d => d.message);
    expect(factorAge()).toEqual([
        'Factor ef_limestone is of 2015, 9 years before the reporting period 2024; check whether a more recent factor is published.',
        'Factor ef_dolomite is of 2015, 9 years before the reporting period 2024; check whether a more recent factor is published.',
        'Factor ef_lime is of 2006, 18 years before the reporting period 2024; check whether a more recent factor is published.'
    ]);

    // one update changes both models, a first: ef_lime becomes current, which only its clause rule (CN-6.2-007) says
    const text = readFileSync(factors, 'utf8');
    expect(text).toContain('    year 2006\n');
    writeFileSync(factors, text.replace('    year 2006\n', '    year 2024\n'));
    const plantText = readFileSync(plant, 'utf8');
    writeFileSync(plant, `${plantText}// edited\n`);
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [
            { uri: fileUri(factors), type: FileChangeType.Changed },
            { uri: fileUri(plant), type: FileChangeType.Changed }
        ]
    });
    // cnms/balance of a answers once a's run is complete; b's starts then, and the next edit of b cancels it
    await session.connection.sendRequest('cnms/balance', { uri: organizationA });
    writeFileSync(plant, `${plantText}// edited again\n`);
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(plant), type: FileChangeType.Changed }] });
    await session.validatedCodeLens(organizationB);
    await session.validatedCodeLens(organizationA);

    // a's published diagnostics are those of its text: ef_lime is no longer said to be old
    expect(factorAge()).toEqual([
        'Factor ef_limestone is of 2015, 9 years before the reporting period 2024; check whether a more recent factor is published.',
        'Factor ef_dolomite is of 2015, 9 years before the reporting period 2024; check whether a more recent factor is published.'
    ]);
}, 120_000);
