// Texts a reader saw that said nothing or something false, found by the
// fuzzing harness (scripts/fuzz-lsp.mjs) and the hostile-input corpus
// (test/fixtures/hostile): each is checked here where it was fixed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CodeLensRequest } from 'vscode-languageserver-protocol';
import { runCli, tempModel } from './helpers/cli.js';
import { buildModel } from './helpers/model.js';
import { fileUri, SERVER, startServer, type LspSession } from './helpers/lsp-client.js';

const ORG = 'organization acme { period 2024 consolidation operational-control ms-scope "All" }\n';

describe('messages name what is wrong', () => {
    test('an emoji where a token is expected is named whole, with its code point', async () => {
        const model = await buildModel({ 'org.cnms': `${ORG}let x = 1 😀\n` });
        const messages = model
            .languageDiagnostics()
            .filter(d => d.code === 'CN-NUM-001')
            .map(d => d.message);
        expect(messages).toContain("Syntax error: unexpected character '😀' (U+1F600).");
        expect(messages.join('\n')).not.toMatch(/\p{Cs}/u); // no half of a character
    });

    test('a lone surrogate is named by its code point, not printed half', async () => {
        const model = await buildModel({ 'org.cnms': `${ORG}let x = 1 \ud83d\n` });
        const messages = model
            .languageDiagnostics()
            .filter(d => d.code === 'CN-NUM-001')
            .map(d => d.message);
        expect(messages).toContain('Syntax error: unexpected character U+D83D.');
    });

    test('the Chinese message names the character the same way', async () => {
        const model = await buildModel({ 'org.cnms': `${ORG}let x = 1 😀\n` }, 'zh-CN');
        expect(model.languageDiagnostics().map(d => d.message)).toContain("语法错误：无法识别的字符 '😀' (U+1F600)。");
    });

    test('0^-1 says that 0 has no negative power, not that 0^-1 is 0', async () => {
        const model = await buildModel({ 'org.cnms': `${ORG}let x = 0^-1\n` });
        const messages = model.languageDiagnostics().map(d => d.message);
        expect(messages).toEqual(['0 has no negative power: 0 is 0 and the exponent is -1.']);
        const zh = await buildModel({ 'org.cnms': `${ORG}let x = 0^-1\n` }, 'zh-CN');
        expect(zh.languageDiagnostics().map(d => d.message)).toEqual(['0 没有负数次幂：0 的值为 0，而指数为 -1。']);
    });

    test('0^0 is 1 and 2^-1 is a half: only 0 to a negative power is refused', async () => {
        const model = await buildModel({ 'org.cnms': `${ORG}let x = 0^0\nlet y = 2^-1\n` });
        expect(model.languageDiagnostics()).toEqual([]);
    });

    test('a cnms.json rule set to an object shows the object as written, not [object Object]', () => {
        const dir = tempModel({ 'organization.cnms': ORG, 'cnms.json': '{ "rules": { "CN-8.2-001": { "level": "off" } } }\n' });
        const result = runCli(['validate', dir]);
        expect(result.stdout).toContain(`cnms.json sets rule CN-8.2-001 to '{"level":"off"}'`);
        expect(result.stdout + result.stderr).not.toContain('[object Object]');
    });
});

describe('a declaration whose name the parser could not read', () => {
    const files = { 'organization.cnms': ORG, 'x.cnms': 'site s\nsource { category 1 emissions 10 tCO2e }\n' };

    test('is shown as — in the balance (text and json), its figure still counted', () => {
        const dir = tempModel(files);
        const text = runCli(['balance', dir]);
        expect(text.stdout).toMatch(/^ {4}— \[1\] +10\.000 tCO2e$/m);
        expect(text.stdout).not.toContain('undefined');
        const json = JSON.parse(runCli(['balance', dir, '--format', 'json']).stdout);
        expect(json.sources.map((s: { id: string; co2e: string }) => [s.id, s.co2e])).toEqual([['—', '10']]);
    });

    test('an organization without a name is — in the balance and the coverage, not undefined', () => {
        const dir = tempModel({ 'o.cnms': 'organization { period 2024 consolidation operational-control ms-scope "All" }\n' });
        expect(runCli(['balance', dir]).stdout.split('\n')[0]).toBe('Net balance · —');
        expect(runCli(['validate', dir]).stdout).toContain('Clause coverage of —');
    });

    test('an offset and a factor without names, an organization without one: every rule checks them (no rule fails on a missing name)', () => {
        const dir = tempModel({
            'o.cnms':
                'organization { period 2024 consolidation operational-control ms-scope "All" }\n' +
                'offset { standard CCER serial "S-1" kind removal vintage 2023 quantity 10 tCO2e retired 2025-01-01 retired-for "X" }\n' +
                'factor { CO2 1 t/t source "x" year 2020 }\n'
        });
        const result = runCli(['validate', dir]);
        expect(result.stdout).not.toContain('CN-NUM-011');
        expect(result.stdout).not.toMatch(/\bundefined\b/);
    });

    test('a meter whose interval has no unit yet is checked (CN-7.1-002 failed on it)', () => {
        const dir = tempModel({ 'o.cnms': `${ORG}site plant { location "x" }\nsource boiler at plant { category 1 emissions 10 tCO2e }\nmeter m1 { measures boiler calibrated 2024-02-01 interval 12 }\n` });
        const result = runCli(['validate', dir]);
        expect(result.stdout).toContain("Syntax error: expected 'days', 'months', 'years', found '}'.");
        expect(result.stdout).not.toContain('CN-NUM-011');
    });

    test('a meter whose interval has no count yet is checked (CN-7.1-002 and CN-NUM-012 failed on it)', () => {
        const dir = tempModel({ 'o.cnms': `${ORG}site plant { location "x" }\nsource boiler at plant { category 1 emissions 10 tCO2e }\nmeter m1 { measures boiler calibrated 2024-02-01 interval months }\n` });
        const result = runCli(['validate', dir]);
        expect(result.stdout).toContain('CN-NUM-001');
        expect(result.stdout).not.toContain('CN-NUM-011');
        expect(result.stdout).not.toMatch(/error occurred|\bundefined\b/);
    });

    test('a factor whose name is being typed is checked (CN-NUM-007 failed on it)', () => {
        const dir = tempModel({ 'o.cnms': `${ORG}factor "Boiler fuel" {\n    value 56100 kgCO2/TJ\n    source "IPCC 2006"\n}\n` });
        const result = runCli(['validate', dir]);
        expect(result.stdout).toContain('CN-NUM-001');
        expect(result.stdout).not.toContain('CN-NUM-011');
        expect(result.stdout).not.toMatch(/error occurred|\bundefined\b/);
    });

    test('is shown as — in every report format', () => {
        const dir = tempModel(files);
        for (const format of ['md', 'html', 'csv', 'json']) {
            const result = runCli(['report', dir, '--format', format]);
            expect(result.stdout, format).not.toMatch(/\bundefined\b/);
            expect(result.stdout, format).toContain('—');
        }
    });
});

describe('the language server', () => {
    let session: LspSession;
    let dir: string;

    beforeAll(async () => {
        dir = tempModel({ 'organization.cnms': ORG, 'sites/plant.cnms': 'site plant { name "Plant" }\n' });
        session = await startServer(dir);
    });
    afterAll(async () => session?.close());

    test("while a site's name is being typed, no lens reads `undefined`", async () => {
        const uri = fileUri(join(dir, 'sites/plant.cnms'));
        await session.open(uri, 'site plant { name "Plant" }\nsite \n');
        await session.waitForDiagnostics(uri);
        // a file without the organization has no lens while its model is being validated: ask until the site's comes
        let titles: string[] = [];
        for (const until = Date.now() + 20_000; titles.length === 0 && Date.now() < until; await new Promise(r => setTimeout(r, 200))) {
            titles = ((await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? []).map(lens => lens.command?.title ?? '');
        }
        expect(titles).toEqual(['plant: 0.000 tCO2e · — of the total']);
    });
});

/** Writes `frames` to a fresh server's stdin, then an `initialize`; resolves with whether it answered within 10 s. */
function answersAfter(frames: string): Promise<{ answered: boolean; alive: boolean; stderr: string }> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.write(frames);
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    return new Promise(resolve => {
        const finish = () => {
            clearInterval(poll);
            clearTimeout(timer);
            const alive = child.exitCode === null;
            child.kill();
            resolve({ answered: stdout.includes('"id":1'), alive, stderr });
        };
        const poll = setInterval(() => stdout.includes('"id":1') && finish(), 50);
        const timer = setTimeout(finish, 10_000);
    });
}

describe('malformed message frames over stdio', () => {
    const bad = (header: string) => `${header}\r\n\r\n{"jsonrpc":"2.0","method":"x"}`;

    test.each([
        ['a Content-Length that is not a number', bad('Content-Length: abc')],
        ['a negative Content-Length', bad('Content-Length: -5')],
        ['no Content-Length', bad('Content-Type: application/json')],
        ['a header line without a colon', bad('Content-Length 12')]
    ])('five frames with %s are dropped and the server answers the next request', async (_name, frame) => {
        const result = await answersAfter(frame.repeat(5));
        expect(result).toMatchObject({ answered: true, alive: true });
        expect(result.stderr).toContain('dropped a malformed message frame');
    });
});
