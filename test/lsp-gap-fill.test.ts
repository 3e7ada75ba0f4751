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

    test('the rule a source names, in the hover; the let of `gap-fill value` edited, the figure follows; a half-typed gap-fill, not computed and nothing undefined', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'cnms-gap-fill-rules-'));
        dirs.push(dir);
        const months = ['01 10', '02 20', '04 10', '05 10', '06 10', '07 10', '08 10', '09 10', '10 10', '11 10'].map(entry => `2024-${entry} t`).join(' ');
        const model = (fillMonth: string, averageLine = 'gap-fill average') =>
            [
                'organization acme "Acme" { consolidation operational-control period 2024 ms-scope "All" }',
                'site plant',
                `let fill_month = ${fillMonth}`,
                `source given at plant { category 1 activity monthly { ${months} } factor 1 tCO2/t gap-fill value fill_month }`,
                `source mean at plant { category 1 activity monthly { 2024-01 1 t 2024-02 1 t 2024-03 2 t } factor 3 tCO2/t ${averageLine} }`,
                ''
            ].join('\n');
        writeFileSync(join(dir, 'model.cnms'), model('12 t'));
        writeFileSync(join(dir, 'cnms.json'), onlyRulesSettings('CN-6.2-018'));
        const session = await startServer(dir);
        sessions.push(session);
        const uri = fileUri(join(dir, 'model.cnms'));
        const first = session.waitForDiagnostics(uri, diagnostics => diagnostics.filter(d => d.code === 'CN-6.2-018').length === 2);
        await session.open(uri, model('12 t'));
        await first;
        const hover = async (line: number) => {
            const result = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 8 } });
            return (result?.contents as { value: string } | undefined)?.value ?? '';
        };
        const hint = async (line: number) => {
            const all = await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } } });
            return (all ?? []).map(h => (typeof h.label === 'string' ? h.label : h.label.map(part => part.value).join(''))).find(label => label.startsWith('=') || label.startsWith('⚠'));
        };
        // given: 110 t + 12 t for March and December = 134 t
        expect(await hint(3)).toBe('= 134.000 tCO2e');
        const given = await hover(3);
        expect(given).toContain('**Filled months (gap-fill value): 2 months, 24 t, 17.91 % of the monthly data**');
        expect(given).toContain('- 2024-03: 12 t filled, the value `gap-fill value` gives');
        // the let the fill reads is among the values the source uses
        expect(given).toContain('**Values used**\n\n`fill_month` = 12 t — no source given');
        // mean: 4 t over three months, each of nine filled with 4/3 t; 16 t × 3 = 48 tCO2e
        expect(await hint(4)).toBe('= 48.000 tCO2e');
        const mean = await hover(4);
        expect(mean).toContain('**Filled months (gap-fill average): 9 months, 12 t, 75.00 % of the monthly data**');
        expect(mean).toContain('- 2024-04: 1.333 t filled, the mean of the 3 months of the period given (4 t ÷ 3)');

        // the let edited: 15 t a month, 110 + 30 = 140 t
        const edited = session.waitForDiagnostics(uri, diagnostics => diagnostics.some(d => d.message.includes('2024-03 15 t, 2024-12 15 t')));
        await session.change(uri, model('15 t'), 2);
        await edited;
        expect(await hint(3)).toBe('= 140.000 tCO2e');

        // half typed: `gap-fill` alone, then `gap-fill value` without its value
        for (const [version, line] of [
            [3, 'gap-fill'],
            [4, 'gap-fill value']
        ] as const) {
            const typed = session.waitForDiagnostics(uri, diagnostics => diagnostics.some(d => d.code === 'CN-NUM-001'));
            await session.change(uri, model('15 t', line), version);
            const diagnostics = await typed;
            expect(
                diagnostics.some(d => d.range.start.line === 4 && d.code === 'CN-NUM-001'),
                line
            ).toBe(true);
            expect(diagnostics.map(d => d.message).join('\n'), line).not.toMatch(/undefined|null|NaN|\[object Object\]/);
            const text = await hover(4);
            expect(text, line).not.toMatch(/undefined|null|NaN|\[object Object\]/);
            expect(text, line).not.toContain('Filled months');
            expect(text, line).toContain('The emissions of this source cannot be computed: see its diagnostics.');
            expect(await hint(4), line).toBe('⚠ not computed: CN-NUM-001');
        }
    }, 120_000);
});
