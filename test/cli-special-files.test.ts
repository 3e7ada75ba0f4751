// What the CLI reads and how it names it: a file's name cannot forge a line
// of the text output.
import { describe, expect, test } from 'vitest';
import { languageModel, runCli } from './helpers/cli.js';

const ORG = 'organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" }\n';
const SITE = 'site s\nsource a at s { category 1 emissions 10 tCO2 }\n';
/** Short enough that a hang fails the test rather than the run. */
const QUICK = { timeout: 30_000 };

describe('file names in text output', () => {
    test('a newline in a file name cannot forge a diagnostic line', () => {
        const forged = 'x\nforged.cnms:1:1  error  CN-NUM-002  Forged finding\ny.cnms';
        const dir = languageModel({ 'org.cnms': ORG + SITE, [forged]: 'site t { location }\n' });
        const result = runCli(['validate', dir], { ...QUICK, cwd: dir });
        expect(result.code).toBe(1);
        const lines = result.stdout.split('\n');
        expect(lines.some(line => line.startsWith('forged.cnms'))).toBe(false);
        expect(result.stdout).toContain('x\\nforged.cnms:1:1  error  CN-NUM-002  Forged finding\\ny.cnms:1:');
        // json keeps the real name: JSON escapes it
        const json = JSON.parse(runCli(['validate', dir, '--format', 'json'], { ...QUICK, cwd: dir }).stdout);
        expect(json.diagnostics.map((d: { file: string }) => d.file)).toContain(forged);
    });
});
