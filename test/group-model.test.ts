import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateGroupModel, Q, writeModel } from '../scripts/generate-group-model.mjs';
import { runCli } from './helpers/cli.js';

/**
 * The generated group model of the latency benchmark (issue 9), small: its
 * expected figures are computed by the generator with BigInt rationals from
 * the texts it writes and the built-in library's values (parsed from
 * packages/language/src/builtins), and must be exactly what `cnms balance`
 * prints, as decimal strings.
 */
interface BalanceJson {
    gwp: string;
    emissions: string;
    removals: string;
    offsets: string;
    net: string;
    errors: number;
    sources: Array<{ id: string; co2e: string | null; computed: boolean }>;
}

describe('generated group model', () => {
    const model = generateGroupModel({ sources: 200, files: 5, seed: 7 });
    const dir = mkdtempSync(join(tmpdir(), 'cnms-group-'));
    writeModel(model.files, dir);

    test('has the files and sources asked for, one organisation file and plant files', () => {
        const cnms = [...model.files.keys()].filter(path => path.endsWith('.cnms'));
        expect(cnms).toHaveLength(5);
        expect(cnms.filter(path => path.startsWith('plants/'))).toHaveLength(4);
        expect(model.files.get('organization.cnms')).toMatch(/^organization huaxia_group /m);
        expect(model.expected.sources).toBe(200);
        expect(model.records).toHaveLength(200);
        expect(new Set(model.records.map(r => r.kind))).toEqual(new Set(['gas', 'power', 'diesel', 'direct']));
        // every record points at its number in the text
        for (const record of model.records) {
            const line = model.files.get(record.file)!.split('\n')[record.line];
            expect(line.slice(record.character, record.character + record.number.length)).toBe(record.number);
        }
    });

    test('is deterministic: the same seed gives the same bytes, another seed other numbers', () => {
        const again = generateGroupModel({ sources: 200, files: 5, seed: 7 });
        expect([...again.files]).toEqual([...model.files]);
        expect(again.expected).toEqual(model.expected);
        const other = generateGroupModel({ sources: 200, files: 5, seed: 8 });
        expect(other.expected.emissions).not.toBe(model.expected.emissions);
    });

    test('cnms balance gives exactly the figures the generator computed', () => {
        const run = runCli(['balance', dir, '--format', 'json'], { timeout: 120_000 });
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const balance = JSON.parse(run.stdout) as BalanceJson;
        expect(balance.gwp).toBe(model.expected.gwp);
        expect(balance.errors).toBe(0);
        expect(balance.emissions).toBe(model.expected.emissions);
        expect(balance.removals).toBe(model.expected.removals);
        expect(balance.offsets).toBe(model.expected.offsets);
        expect(balance.net).toBe(model.expected.net);
        expect(balance.sources).toHaveLength(model.expected.sources);
        const byId = new Map(balance.sources.map(source => [source.id, source]));
        for (const record of model.records) {
            expect(byId.get(record.id)?.co2e, record.id).toBe(Q.toDecimal(record.co2e));
        }
    });

    test('cnms validate finds no error in it', () => {
        const run = runCli(['validate', dir, '--quiet'], { timeout: 120_000 });
        expect(run.code, run.stdout + run.stderr).toBe(0);
    });
});
