// The live figures never mislead (the server spoken to over the protocol, the
// CLI run as a process, on real files): a typo that drops a source shows "not
// computed" and an incomplete net in every view; the code lens never says
// neutral while errors stand; cnms.json and evidence files take effect without
// a .cnms edit; a cycle is reported at the same places by the CLI and the server.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CodeLensRequest, DidChangeWatchedFilesNotification, FileChangeType, InlayHintRequest } from 'vscode-languageserver-protocol';
import { LANGUAGE_ONLY_SETTINGS, runCli, tempCopy } from './helpers/cli.js';
import { fileUri, startServer, type LspSession } from './helpers/lsp-client.js';

const dirs: string[] = [];
const sessions: LspSession[] = [];
afterAll(async () => {
    await Promise.all(sessions.map(session => session.close()));
    dirs.forEach(dir => rmSync(dir, { recursive: true, force: true }));
});

async function serverOn(dir: string): Promise<LspSession> {
    const session = await startServer(dir);
    sessions.push(session);
    return session;
}

/** The exact sum of two non-negative decimal strings, by hand (no floating point). */
function exactSum(a: string, b: string): string {
    const places = Math.max((a.split('.')[1] ?? '').length, (b.split('.')[1] ?? '').length);
    const scaled = (text: string) => BigInt(text.replace('.', '') + '0'.repeat(places - (text.split('.')[1] ?? '').length));
    const digits = (scaled(a) + scaled(b)).toString().padStart(places + 1, '0');
    const whole = digits.slice(0, digits.length - places);
    const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
    return fraction ? `${whole}.${fraction}` : whole;
}

function labelOf(hint: { label: string | Array<{ value: string }> }): string {
    return typeof hint.label === 'string' ? hint.label : hint.label.map(part => part.value).join('');
}

function newModel(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'cnms-live-'));
    dirs.push(dir);
    for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
    }
    return dir;
}

const ORGANIZATION = 'organization acme "Acme" {\n    consolidation operational-control\n    period 2024\n    gwp AR6\n    ms-scope "All"\n}\n';

describe('a typo that drops a source from the totals', () => {
    test('the hint says "not computed", the lens, cnms/balance and cnms balance say the net is incomplete', async () => {
        const dir = tempCopy('examples/steel');
        dirs.push(dir);
        const file = join(dir, 'sites/main_works.cnms');
        const typo = readFileSync(file, 'utf8').replace('activity 320_000 MWh', 'activity 320_000 MWx');
        const complete = JSON.parse(runCli(['balance', dir, '--format', 'json']).stdout);
        writeFileSync(file, typo);

        const session = await serverOn(dir);
        const uri = fileUri(file);
        const orgUri = fileUri(join(dir, 'organization.cnms'));
        const published = session.waitForDiagnostics(uri, diagnostics => diagnostics.some(d => d.code === 'CN-NUM-002'));
        await session.open(uri, typo);
        await session.open(orgUri, readFileSync(join(dir, 'organization.cnms'), 'utf8'));
        await published;

        const hints = await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } } });
        const notComputed = (hints ?? []).filter(hint => labelOf(hint).startsWith('⚠'));
        expect(notComputed.map(labelOf)).toEqual(['⚠ not computed: CN-NUM-002']);
        const line = typo.split('\n').findIndex(text => text.startsWith('source purchased_power'));
        expect(notComputed[0].position.line).toBe(line);

        const lens = (await session.validatedCodeLens(orgUri)).map(l => l.command?.title ?? '').find(title => title.startsWith('Net 2024'));
        expect(lens).toMatch(/^Net 2024: ≥ \+[\d,]+\.\d{3} tCO2e · .* · incomplete: 1 not computed$/);

        const summary = await session.connection.sendRequest<{ uncomputed: number; netDisplay: string; neutral: boolean; net: string }>('cnms/balance', { uri: orgUri });
        expect(summary.uncomputed).toBe(1);
        expect(summary.netDisplay.startsWith('≥ +')).toBe(true);
        expect(summary.neutral).toBe(false);

        const text = runCli(['balance', dir]);
        expect(text.code).toBe(1);
        expect(text.stdout).toMatch(/Net\s+≥ \+[\d,.]+ tCO2e · 1 not computed/);
        expect(text.stdout).toContain('1 source, removal or offset could not be computed, so the figures are incomplete');
        const json = JSON.parse(runCli(['balance', dir, '--format', 'json']).stdout);
        expect(json).toMatchObject({ complete: false, uncomputed: 1, neutral: false });
        expect(json.reasons).toContain('incomplete');
        expect(summary.net).toBe(json.net);
        // what is missing is exactly the dropped source: the complete total is the incomplete one plus it
        const dropped = complete.sources.find((s: { id: string }) => s.id === 'purchased_power').co2e;
        expect(complete.complete).toBe(true);
        expect(exactSum(json.emissions, dropped)).toBe(complete.emissions);
    }, 120_000);
});

describe('the code lens reads the validated model', () => {
    const neutral = `${ORGANIZATION}site plant "Plant" { location "Hangzhou, Zhejiang" }\nsource boiler "Boiler" at plant {\n    category 1\n    emissions 100 tCO2\n}\noffset ccer {\n    standard CCER  registry "National registry"  serial "CCER-1"\n    kind reduction  vintage 2023  quantity 1_000 tCO2e\n    retired 2025-03-15\n}\n`;
    const broken = `${neutral}let broken = 1 t + 1 MWh\n`;

    test('never "neutral" while an error stands, however fast the edits come', async () => {
        const dir = newModel({ 'organization.cnms': neutral, 'cnms.json': LANGUAGE_ONLY_SETTINGS });
        const session = await serverOn(dir);
        const uri = fileUri(join(dir, 'organization.cnms'));
        const first = session.waitForDiagnostics(uri);
        await session.open(uri, neutral);
        await first;
        const verdict = (lenses: Array<{ command?: { title: string } }>) => lenses.map(l => l.command?.title ?? '').find(t => t.startsWith('Net 2024'));
        const errorsOf = () => (session.diagnostics.get(uri) ?? []).filter(d => d.severity === 1).length;
        expect(verdict(await session.validatedCodeLens(uri))).toMatch(/ · neutral$/);
        expect(errorsOf()).toBe(0);

        for (let i = 1; i <= 11; i++) {
            const text = i % 2 === 1 ? broken : neutral;
            await session.change(uri, text, i + 1);
            const lens = verdict((await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? []);
            if (text === broken) expect(lens, `edit ${i}`).not.toMatch(/ · neutral$/);
            // computing, the net while the rules run (no verdict yet), or the verdict of the validated model
            expect(lens, `edit ${i}`).toMatch(/computing…$| · checking rules…$| · (not )?neutral$/);
        }
        const last = verdict(await session.validatedCodeLens(uri));
        expect(last).toMatch(/ · not neutral$/);
        expect(errorsOf()).toBeGreaterThan(0);
    }, 120_000);
});

describe('files that are not .cnms take effect without a .cnms edit', () => {
    test('a cnms.json that switches a rule off, and an evidence file that is created', async () => {
        const dir = tempCopy('examples/steel');
        dirs.push(dir);
        rmSync(join(dir, 'docs/policy.md'));
        const session = await serverOn(dir);
        const factors = fileUri(join(dir, 'factors.cnms'));
        const orgUri = fileUri(join(dir, 'organization.cnms'));
        const ready = session.waitForDiagnostics(orgUri, diagnostics => diagnostics.some(d => d.code === 'CN-7.5-001'));
        const old = session.waitForDiagnostics(factors, diagnostics => diagnostics.some(d => d.code === 'CN-6.2-007'));
        await session.open(factors, readFileSync(join(dir, 'factors.cnms'), 'utf8'));
        await session.open(orgUri, readFileSync(join(dir, 'organization.cnms'), 'utf8'));
        await Promise.all([ready, old]);

        const switchedOff = session.waitForDiagnostics(factors, diagnostics => !diagnostics.some(d => d.code === 'CN-6.2-007'));
        writeFileSync(join(dir, 'cnms.json'), '{ "rules": { "CN-6.2-007": "off" } }\n');
        await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(join(dir, 'cnms.json')), type: FileChangeType.Created }] });
        await switchedOff;

        const found = session.waitForDiagnostics(orgUri, diagnostics => !diagnostics.some(d => d.code === 'CN-7.5-001'));
        writeFileSync(join(dir, 'docs/policy.md'), '# Policy\n');
        await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(join(dir, 'docs/policy.md')), type: FileChangeType.Created }] });
        await found;
    }, 120_000);
});

describe('a cycle between two files', () => {
    test('is reported at the same places by the CLI and the server, at each declaration on it', async () => {
        const dir = newModel({
            'organization.cnms': ORGANIZATION,
            'a.cnms': 'let a = b * 2\n',
            'b.cnms': 'let b = a + 1\n'
        });
        const cli = JSON.parse(runCli(['validate', dir, '--format', 'json']).stdout) as { diagnostics: Array<{ file: string; line: number; column: number; rule: string; message: string }> };
        const fromCli = cli.diagnostics
            .filter(d => d.rule === 'CN-NUM-003')
            .map(d => `${d.file.split('/').pop()}:${d.line}:${d.column} ${d.message}`)
            .sort();
        expect(fromCli).toEqual(['a.cnms:1:5 a depends on itself (a → b → a).', 'b.cnms:1:5 b depends on itself (b → a → b).']);

        for (const order of [
            ['a.cnms', 'b.cnms'],
            ['b.cnms', 'a.cnms']
        ]) {
            const session = await serverOn(dir);
            const fromServer: string[] = [];
            for (const name of order) {
                const uri = fileUri(join(dir, name));
                const published = session.waitForDiagnostics(uri, diagnostics => diagnostics.some(d => d.code === 'CN-NUM-003'));
                await session.open(uri, readFileSync(join(dir, name), 'utf8'));
                for (const d of await published) {
                    if (d.code === 'CN-NUM-003') fromServer.push(`${name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
                }
            }
            expect(fromServer.sort()).toEqual(fromCli);
        }
    }, 120_000);
});

describe("a target's lens covers what the target rules cover", () => {
    test('a target of category 1.1 counts the 1.1 source only, not all of category 1', async () => {
        const text =
            `${ORGANIZATION}site plant "Plant" { location "Hangzhou, Zhejiang" }\n` +
            'source kiln "Kiln" at plant {\n    category 1.1\n    emissions 100 tCO2\n}\n' +
            'source fleet "Fleet" at plant {\n    category 1.2\n    emissions 50 tCO2\n}\n' +
            'target cut "Cut" {\n    kind absolute-reduction\n    categories 1.1\n    base-year 2020\n    base 200 tCO2e\n    reduce 10 %\n    year 2030\n}\n';
        const dir = newModel({ 'organization.cnms': text, 'cnms.json': LANGUAGE_ONLY_SETTINGS });
        const session = await serverOn(dir);
        const uri = fileUri(join(dir, 'organization.cnms'));
        await session.open(uri, text);
        const titles = (await session.validatedCodeLens(uri)).map(lens => lens.command?.title ?? '');
        // by hand: the kiln's 100 t now; 200 t × (1 − 10 %) = 180 t allowed (the fleet's 50 t is category 1.2)
        expect(titles).toContain('Target 2030 met: 100.000 tCO2e now, 180.000 tCO2e allowed');
    }, 60_000);
});

describe("the status bar's balance: the net first, the verdict after the rules", () => {
    const neutral = `${ORGANIZATION}site plant "Plant" { location "Hangzhou, Zhejiang" }\nsource boiler "Boiler" at plant {\n    category 1\n    emissions 100 tCO2\n}\noffset ccer {\n    standard CCER  registry "National registry"  serial "CCER-1"\n    kind reduction  vintage 2023  quantity 1_000 tCO2e\n    retired 2025-03-15\n}\n`;
    type Summary = { net: string; neutral: boolean; rulesChecked: boolean; errors: number; markdown: string };

    test('figuresOnly answers the new net exactly, and never a verdict before the rules have run', async () => {
        const dir = newModel({ 'organization.cnms': neutral, 'cnms.json': LANGUAGE_ONLY_SETTINGS });
        const session = await serverOn(dir);
        const uri = fileUri(join(dir, 'organization.cnms'));
        await session.open(uri, neutral);
        await session.validatedCodeLens(uri);
        for (let i = 1; i <= 6; i++) {
            // by hand: the boiler's 100 t + 10·i t, less the 1,000 t offset
            const text = neutral.replace('emissions 100 tCO2', `emissions ${100 + 10 * i} tCO2`);
            await session.change(uri, text, i + 1);
            const [fast, complete] = await Promise.all([session.connection.sendRequest<Summary>('cnms/balance', { uri, figuresOnly: true }), session.connection.sendRequest<Summary>('cnms/balance', { uri })]);
            expect(fast.net, `edit ${i}`).toBe(String(100 + 10 * i - 1000));
            if (!fast.rulesChecked) {
                expect(fast.neutral, `edit ${i}`).toBe(false);
                expect(fast.markdown, `edit ${i}`).toContain('Checking the rules: the verdict follows.');
            }
            expect(complete.rulesChecked, `edit ${i}`).toBe(true);
            expect(complete.neutral, `edit ${i}`).toBe(true);
            expect(complete.errors, `edit ${i}`).toBe(0);
            expect(complete.markdown, `edit ${i}`).toContain('✔ Carbon neutral for the period');
        }
    }, 120_000);

    test('the breakdown lists the 20 largest sources and sums the others in one row', async () => {
        // 25 sources of 1 … 25 tCO2, in model order: the 20 largest are 25 … 6, the others 1 + 2 + 3 + 4 + 5 = 15 t
        let text = `${ORGANIZATION}site plant "Plant" { location "Hangzhou, Zhejiang" }\n`;
        for (let n = 1; n <= 25; n++) text += `source s${n} "Source ${n}" at plant {\n    category 1\n    emissions ${n} tCO2\n}\n`;
        const dir = newModel({ 'organization.cnms': text, 'cnms.json': LANGUAGE_ONLY_SETTINGS });
        const session = await serverOn(dir);
        const uri = fileUri(join(dir, 'organization.cnms'));
        await session.open(uri, text);
        const summary = await session.connection.sendRequest<Summary>('cnms/balance', { uri });
        const rows = summary.markdown.split('\n').filter(line => line.startsWith('| `s'));
        expect(rows).toEqual(Array.from({ length: 20 }, (_, i) => `| \`s${25 - i}\` [1] | ${25 - i}.000 |`));
        expect(summary.markdown).toContain('| 5 more sources | 15.000 |');
        expect(summary.markdown).toContain('Sources: the 20 largest of 25, then those not computed.');
        // 1 + 2 + … + 25 = 325 t in all
        expect(summary.net).toBe('325');
    }, 60_000);
});
