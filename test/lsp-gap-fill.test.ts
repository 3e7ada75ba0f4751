// A gap-filled source over a watched CSV, the server spoken to over the
// protocol on real files: the filled month is an info of CN-6.2-018 and is
// shown as filled in the hover; the missing reading saved into the CSV, the
// fill is gone and the figure is the readings' sum (docs/months.md).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, InlayHintRequest } from 'vscode-languageserver-protocol';
import { onlyRulesSettings } from './helpers/cli.js';
import { fileUri, startServer, type LspSession } from './helpers/lsp-client.js';

const dirs: string[] = [];
const sessions: LspSession[] = [];
afterAll(async () => {
    await Promise.all(sessions.map(session => session.close()));
    dirs.forEach(dir => rmSync(dir, { recursive: true, force: true }));
});

const MODEL = `organization acme "Acme" {
    consolidation operational-control
    period 2024
    ms-scope "All"
}
site plant
dataset meters "data/meters.csv" {
    column meter text
    column month date
    column energy MWh
}
source power at plant {
    category 2
    activity sum(meters.energy where meter = "E-01")
    factor 1 tCO2/MWh
    gap-fill conservative
}
`;
/** E-01 at 10 MWh a month, June at 12, July not read. */
const READINGS = ['01', '02', '03', '04', '05', '06', '08', '09', '10', '11', '12'].map(month => `E-01,2024-${month},${month === '06' ? 12 : 10}`);

describe('a gap-filled source over a watched CSV', () => {
    test('filled while the month is missing, read once it is saved', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'cnms-gap-fill-'));
        dirs.push(dir);
        mkdirSync(join(dir, 'data'));
        const csv = join(dir, 'data/meters.csv');
        writeFileSync(join(dir, 'model.cnms'), MODEL);
        writeFileSync(join(dir, 'cnms.json'), onlyRulesSettings('CN-6.2-018'));
        writeFileSync(csv, `meter,month,energy\n${READINGS.join('\n')}\n`);
        const session = await startServer(dir);
        sessions.push(session);
        const uri = fileUri(join(dir, 'model.cnms'));
        const first = session.waitForDiagnostics(uri, diagnostics => diagnostics.some(d => d.code === 'CN-6.2-018'));
        await session.open(uri, MODEL);
        // given 10 × 10 + 12 = 112 MWh; July max(June 12, August 10) = 12 MWh; 124 MWh × 1 tCO2/MWh; 12 / 124 = 9.68 %
        expect((await first).map(d => `${d.range.start.line} ${d.severity} ${d.message}`)).toEqual([
            '15 3 Source power has no activity data for 2024-07 of the period 2024; filled conservatively (gap-fill): 2024-07 12 MWh, 9.68 % of its monthly data.'
        ]);
        const hint = async () => {
            const all = await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 11, character: 0 }, end: { line: 12, character: 0 } } });
            return (all ?? []).map(h => (typeof h.label === 'string' ? h.label : h.label.map(part => part.value).join(''))).find(label => label.startsWith('=') || label.startsWith('⚠'));
        };
        const hover = async () => {
            const result = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 11, character: 8 } });
            return (result?.contents as { value: string } | undefined)?.value ?? '';
        };
        expect(await hint()).toBe('= 124.000 tCO2e');
        expect(await hover()).toContain('- 2024-07: 12 MWh filled, the highest of 2024-06 12 MWh, 2024-08 10 MWh');

        // July read at 5 MWh: 112 + 5 = 117 MWh, nothing filled
        const read = session.waitForDiagnostics(uri, diagnostics => !diagnostics.some(d => d.code === 'CN-6.2-018'));
        writeFileSync(csv, `meter,month,energy\n${READINGS.join('\n')}\nE-01,2024-07,5\n`);
        await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(csv), type: FileChangeType.Changed }] });
        expect(await read).toEqual([]);
        expect(await hint()).toBe('= 117.000 tCO2e');
        expect(await hover()).not.toContain('filled');
    }, 120_000);
});
