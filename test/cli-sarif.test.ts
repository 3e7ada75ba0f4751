import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Validator } from 'jsonschema';
import { RULES } from '@cnms/language';
import { REPO, runCli, tempModel } from './helpers/cli.js';

// The SARIF 2.1.0 JSON schema (OASIS, as shipped in @microsoft/jest-sarif), kept in the fixtures: never fetched.
const SCHEMA = JSON.parse(readFileSync(join(REPO, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));

const BROKEN = 'organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" }\nsite s\nsource a at s { category 1 activity 45000 MWH factor 0.5 tCO2/MWh }\nsource b at s { category 1 emissions 10 t / 0 }\n';

describe('cnms validate --format sarif', () => {
    test('is valid SARIF 2.1.0 with one reportingDescriptor per rule and results pointing at them', () => {
        const dir = tempModel({ 'org.cnms': BROKEN });
        const result = runCli(['validate', dir, '--format', 'sarif'], { cwd: dir });
        expect(result.code).toBe(1);
        const log = JSON.parse(result.stdout);
        const validation = new Validator().validate(log, SCHEMA);
        expect(validation.errors.map(e => `${e.property}: ${e.message}`)).toEqual([]);
        const driver = log.runs[0].tool.driver;
        expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map(r => r.id));
        for (const descriptor of driver.rules) {
            expect(descriptor.shortDescription.text).not.toBe('');
            expect(descriptor.fullDescription.text).not.toBe('');
            expect(descriptor.helpUri).toMatch(new RegExp(`${descriptor.id}$`));
            expect(['error', 'warning', 'note']).toContain(descriptor.defaultConfiguration.level);
        }
        const results = log.runs[0].results as Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }>;
        const unknownUnit = results.find(r => r.ruleId === 'CN-NUM-002')!;
        expect(driver.rules[unknownUnit.ruleIndex].id).toBe('CN-NUM-002');
        expect(unknownUnit.level).toBe('error');
        expect(unknownUnit.locations[0].physicalLocation.artifactLocation.uri).toBe('org.cnms');
        expect(unknownUnit.locations[0].physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 43 });
        for (const r of results) expect(driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    });

    test('zh-CN descriptions with --lang zh-CN', () => {
        const dir = tempModel({ 'org.cnms': BROKEN });
        const log = JSON.parse(runCli(['validate', dir, '--format', 'sarif', '--lang', 'zh-CN'], { cwd: dir }).stdout);
        const descriptor = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'CN-NUM-002');
        expect(descriptor.shortDescription.text).toBe('未知的名称、单位或气体');
        expect(new Validator().validate(log, SCHEMA).errors).toEqual([]);
    });
});

describe('the clause coverage matrix', () => {
    test('json gives, per model, every clause 4.1 … 10.3 with status, counts and evidence', () => {
        const result = runCli(['validate', 'examples/steel', '--format', 'json']);
        const json = JSON.parse(result.stdout);
        expect(json.coverage).toHaveLength(1);
        const clauses = json.coverage[0].clauses as Array<{ clause: string; status: string; evidence: string[]; errors: number; warnings: number }>;
        expect(clauses.map(c => c.clause)).toEqual(['4.1', '4.2', '4.3', '5.1', '5.2', '5.3', '6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '7.1', '7.2', '7.3', '7.4', '7.5', '8.1', '8.2', '8.3', '9.1', '9.2', '9.3', '10.1', '10.2', '10.3']);
        for (const clause of clauses) {
            expect(['satisfied', 'findings', 'not-applicable']).toContain(clause.status);
            if (clause.status === 'findings') expect(clause.errors + clause.warnings).toBeGreaterThan(0);
            if (clause.status === 'satisfied') expect(clause.evidence.length).toBeGreaterThan(0);
        }
        const policy = clauses.find(c => c.clause === '5.2')!;
        expect(policy.evidence.some(e => e.startsWith('policy '))).toBe(true);
    });

    test('a model with no policy shows clause 5.2 with findings, and the text output lists the matrix', () => {
        const dir = tempModel({ 'org.cnms': 'organization acme { period 2024 consolidation operational-control ms-scope "All" }\n' });
        const json = JSON.parse(runCli(['validate', dir, '--format', 'json']).stdout);
        const policy = json.coverage[0].clauses.find((c: { clause: string }) => c.clause === '5.2');
        expect(policy.status).toBe('findings');
        expect(policy.rules).toContain('CN-5.2-001');
        const text = runCli(['validate', dir]).stdout;
        expect(text).toContain('Clause coverage of acme');
        expect(text).toMatch(/! 5\.2 +Carbon-neutrality policy · findings/);
    });
});
