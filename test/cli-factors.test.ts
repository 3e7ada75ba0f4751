// `cnms factors`: the built-in library as a reader looks it up, with every
// factor's values and provenance, run as a process.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, runCli } from './helpers/cli.js';

interface FactorJson {
    id: string;
    title: string | null;
    library: string;
    values: Array<{ gas: string; value: string; unit: string }>;
    source: string | null;
    year: string | null;
    region: string | null;
    uncertaintyPercent: string | null;
    file: string;
}

/** `library.factor` of every factor declared in the library's source files, read with a regular expression (not the parser). */
function declaredFactors(): string[] {
    const dir = join(REPO, 'packages/language/src/builtins');
    const ids: string[] = [];
    for (const file of readdirSync(dir)
        .filter(name => name.endsWith('.cnms'))
        .sort()) {
        let library = '';
        for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
            const lib = /^library (\w+)/.exec(line);
            if (lib) library = lib[1];
            const factor = /^\s+factor (\w+)/.exec(line);
            if (factor) ids.push(`${library}.${factor[1]}`);
        }
    }
    return ids;
}

describe('cnms factors', () => {
    test('--format json lists every factor of the library with its exact values and provenance', () => {
        const result = runCli(['factors', '--format', 'json']);
        expect(result.code, result.stderr).toBe(0);
        const json = JSON.parse(result.stdout) as { cnms: string; search: null; factors: FactorJson[] };
        expect(json.factors.map(factor => factor.id).sort()).toEqual(declaredFactors().sort());
        expect(json.factors.find(factor => factor.id === 'ipcc2006.natural_gas')).toEqual({
            id: 'ipcc2006.natural_gas',
            title: 'Natural gas (CH4 and N2O of energy industries; see natural_gas_energy, _manufacturing, _commercial, _residential)',
            library: 'ipcc2006',
            libraryTitle: 'IPCC 2006 Guidelines, default factors for stationary combustion',
            values: [
                { gas: 'CO2', value: '56100', unit: 'kgCO2/TJ' },
                { gas: 'CH4', value: '1', unit: 'kgCH4/TJ' },
                { gas: 'N2O', value: '0.1', unit: 'kgN2O/TJ' }
            ],
            source: 'IPCC 2006 Guidelines, Vol. 2, Ch. 1, Table 1.4 (CO2); Ch. 2, Table 2.2 (CH4, N2O)',
            year: '2006',
            region: null,
            uncertaintyPercent: null,
            file: 'ipcc2006.cnms'
        });
        // every factor has a value and names its publication
        for (const factor of json.factors) {
            expect(factor.values.length, factor.id).toBeGreaterThan(0);
            expect(factor.source, factor.id).toBeTruthy();
        }
    });

    test('--search filters by name, title, source or region, in any case; nothing found is exit 1', () => {
        const east = JSON.parse(runCli(['factors', '--search', 'EAST China', '--format', 'json']).stdout) as { factors: FactorJson[] };
        expect(east.factors.map(factor => factor.id)).toEqual(expect.arrayContaining(['china_grid.east_2023']));
        for (const factor of east.factors) expect(`${factor.title} ${factor.region} ${factor.source}`.toLowerCase()).toContain('east china');
        const text = runCli(['factors', '--search', 'natural_gas']);
        expect(text.code).toBe(0);
        expect(text.stdout).toContain(
            'ipcc2006.natural_gas  Natural gas (CH4 and N2O of energy industries; see natural_gas_energy, _manufacturing, _commercial, _residential)\n      CO2 56100 kgCO2/TJ · CH4 1 kgCH4/TJ · N2O 0.1 kgN2O/TJ\n      source: IPCC 2006 Guidelines'
        );
        // the sector factors of IPCC 2006 Vol. 2 Tables 2.2–2.5: commercial/institutional natural gas has 5 kg CH4/TJ
        expect(text.stdout).toContain('ipcc2006.natural_gas_commercial  Natural gas, commercial/institutional\n      CO2 56100 kgCO2/TJ · CH4 5 kgCH4/TJ · N2O 0.1 kgN2O/TJ');
        expect(text.stdout).toMatch(/^Built-in emission factors of cnms \S+ · \d+ factors? matching 'natural_gas'\n/);
        const none = runCli(['factors', '--search', 'no-such-fuel']);
        expect(none.code).toBe(1);
        expect(none.stdout).toBe("No built-in factor matches 'no-such-fuel'.\n");
        expect(runCli(['factors', '--search', 'no-such-fuel', '--lang', 'zh-CN']).stdout).toBe('没有与“no-such-fuel”匹配的内置排放因子。\n');
    });

    test('in Chinese, with the same figures', () => {
        const result = runCli(['factors', '--search', 'east_2023', '--lang', 'zh-CN']);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('内置排放因子');
        expect(result.stdout).toContain('CO2 0.55 tCO2/MWh');
        expect(result.stdout).toContain('来源：MEE and NBS');
    });
});
