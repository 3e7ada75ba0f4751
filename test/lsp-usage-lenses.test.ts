// The usage lenses over the protocol (the server spawned as an editor runs it,
// real files): above each factor and `let`, how many sources use it and what
// they emit; above each reduction, what it cuts a year. Figures worked out by
// hand; the source's total hint stands just after its `{`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HoverRequest, InlayHintRequest } from 'vscode-languageserver-protocol';
import { fileUri, startServer, type LspSession } from './helpers/lsp-client.js';

const MODEL = [
    'organization acme "Acme" { period 2024 consolidation operational-control gwp AR6 ms-scope "All" }',
    'site plant',
    'factor grid "Grid" { value 0.5 tCO2/MWh source "test" year 2024 }',
    'let loss = 1.2',
    'factor coal_f { value 2 tCO2/t source "test" year 2024 }',
    'factor spare { value 1 tCO2/t source "test" year 2024 }',
    'source power at plant { category 2 activity 1000 MWh * loss factor grid }',
    'source office at plant { category 2 activity 300 MWh factor grid }',
    'source boiler at plant { category 1 activity 100 t factor coal_f }',
    'source broken at plant { category 1 activity 10 zz factor coal_f }',
    'reduction efficiency { on power, office cuts 75 tCO2e from 2026 status planned }',
    'reduction relamp { on boiler cuts 10 % from 2023 status implemented }',
    ''
].join('\n');

const lineOf = (prefix: string) => MODEL.split('\n').findIndex(line => line.startsWith(prefix));

describe.each([
    ['en', 'en'],
    ['zh-CN', 'zh-CN']
] as const)('usage lenses (%s)', locale => {
    let dir: string;
    let session: LspSession;
    let uri: string;
    beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), 'cnms-usage-lenses-'));
        writeFileSync(join(dir, 'organization.cnms'), MODEL);
        session = await startServer(dir, { locale });
        uri = fileUri(join(dir, 'organization.cnms'));
        await session.open(uri, MODEL);
    });
    afterAll(async () => {
        await session.close();
        rmSync(dir, { recursive: true, force: true });
    });

    test('each factor, let and reduction has its lens, with the exact figures', async () => {
        const lenses = await session.validatedCodeLens(uri);
        const titleAt = (prefix: string) => lenses.filter(lens => lens.range.start.line === lineOf(prefix)).map(lens => lens.command?.title);
        // every lens runs the balance command
        expect(lenses.every(lens => lens.command?.command === 'cnms.showBalance')).toBe(true);
        if (locale === 'en') {
            // power: 1000 MWh × 1.2 = 1200 MWh × 0.5 tCO2/MWh = 600 t; office: 300 × 0.5 = 150 t; together 750
            expect(titleAt('factor grid')).toEqual(['used by 2 sources · 750.000 tCO2e']);
            // the let is read by power's activity only
            expect(titleAt('let loss')).toEqual(['used by 1 source · 600.000 tCO2e']);
            // boiler: 100 t × 2 = 200 t; broken cannot be computed (unit zz) and is left out, and said
            expect(titleAt('factor coal_f')).toEqual(['used by 2 sources · 200.000 tCO2e without the 1 not computed']);
            expect(titleAt('factor spare')).toEqual(['not used by any source']);
            // 75 t a year of power's and office's 750 t: 10.0 %
            expect(titleAt('reduction efficiency')).toEqual(['cuts 75.000 tCO2e a year from 2026 · 10.0 % of the 750.000 tCO2e of its 2 sources']);
            // implemented from 2023, before the 2024 period: its effect is in the data already
            expect(titleAt('reduction relamp')).toEqual(['in effect since 2023: already in the measured emissions']);
        } else {
            expect(titleAt('factor grid')).toEqual(['被 2 个排放源使用 · 750.000 tCO2e']);
            expect(titleAt('factor coal_f')).toEqual(['被 2 个排放源使用 · 200.000 tCO2e（不含 1 个未计算的排放源）']);
            expect(titleAt('factor spare')).toEqual(['未被任何排放源使用']);
            expect(titleAt('reduction efficiency')).toEqual(['自 2026 年起每年减排 75.000 tCO2e · 占其 2 个排放源 750.000 tCO2e 的 10.0 %']);
        }
    });

    test('the lenses follow an edit: a let that now names a factor makes its sources users of it', async () => {
        if (locale !== 'en') return;
        // loss = 1.2 × spare's 1 tCO2/t … is a dimension error; read spare through a plain number instead: loss = 1.2 + 0 × spare / (1 tCO2/t)
        const edited = MODEL.replace('let loss = 1.2', 'let loss = 1.2 + 0 * spare / (1 tCO2/t)');
        await session.change(uri, edited, 2);
        const lenses = await session.validatedCodeLens(uri);
        const at = (prefix: string) => lenses.filter(lens => lens.range.start.line === edited.split('\n').findIndex(line => line.startsWith(prefix))).map(lens => lens.command?.title);
        // power reads loss, and loss now reads spare: spare is used by power (600 t); grid is unchanged
        expect(at('factor spare')).toEqual(['used by 1 source · 600.000 tCO2e']);
        expect(at('factor grid')).toEqual(['used by 2 sources · 750.000 tCO2e']);
        await session.change(uri, MODEL, 3);
        const back = await session.validatedCodeLens(uri);
        expect(back.filter(lens => lens.range.start.line === lineOf('factor spare')).map(lens => lens.command?.title)).toEqual(['not used by any source']);
    });

    test("the factor's hover names the same users; the source's total stands just after its `{`", async () => {
        if (locale !== 'en') return;
        const line = lineOf('factor grid');
        const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 'factor gr'.length } });
        const text = JSON.stringify(hover?.contents);
        expect(text).toContain('Used by 2 sources: `power`, `office`');

        const hints = await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } } });
        const power = lineOf('source power');
        const total = hints?.find(hint => hint.position.line === power && String(typeof hint.label === 'string' ? hint.label : '').includes('tCO2e'));
        expect(total?.label).toBe('= 600.000 tCO2e');
        expect(total?.position).toEqual({ line: power, character: MODEL.split('\n')[power].indexOf('{') + 1 });
    });
});
