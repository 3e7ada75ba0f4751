// Data-driven tests of the rule catalogue: for every rule, a model that fires
// it and the fixed model that does not, under test/fixtures/rules/<id>/fires
// and …/fixed. In `fires`, a comment `expect: <rule id>` on a line says that a
// diagnostic of that rule must start on that line; every diagnostic of the
// rule under test must be expected. A rule without fixtures fails the test.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { RULE_DEFINITIONS, RULE_FAILED, RULES } from '@cnms/language';

type Rule = (typeof RULE_DEFINITIONS)[number];
import { buildModel, reusedBuildDirectory } from './helpers/model.js';
import { REPO } from './helpers/cli.js';

const FIXTURES = join(REPO, 'test/fixtures/rules');

function cnmsFiles(dir: string): string[] {
    return readdirSync(dir)
        .sort()
        .flatMap(name => {
            const full = join(dir, name);
            if (statSync(full).isDirectory()) return cnmsFiles(full).map(f => join(name, f));
            return name.endsWith('.cnms') ? [name] : [];
        });
}

/** `file:line` of every `expect: ID` comment for the given rule. */
function expectations(dir: string, rule: string): string[] {
    return cnmsFiles(dir).flatMap(file =>
        readFileSync(join(dir, file), 'utf8')
            .split('\n')
            .flatMap((text, index) => {
                const match = /expect:\s*([A-Z0-9.\-,\s]+)/.exec(text);
                const ids = match ? match[1].split(/[\s,]+/).filter(Boolean) : [];
                return ids.includes(rule) ? [`${file}:${index + 1}`] : [];
            })
    );
}

describe('the rule catalogue', () => {
    test('every rule has both fixtures', () => {
        // no model makes a rule fail (that would be a defect, fixed): 'a rule whose check fails' below makes one fail
        const missing = RULES.filter(rule => rule.id !== RULE_FAILED).filter(rule => !existsSync(join(FIXTURES, rule.id, 'fires')) || !existsSync(join(FIXTURES, rule.id, 'fixed')));
        expect(missing.map(rule => rule.id)).toEqual([]);
    });

    test('every rule has a message in English and Simplified Chinese, with the same placeholders', () => {
        for (const rule of RULES) {
            for (const text of [rule.title, rule.description, rule.rationale, ...Object.values(rule.messages)]) {
                expect(text.en.trim(), rule.id).not.toBe('');
                expect(text['zh-CN'].trim(), rule.id).not.toBe('');
                expect(text['zh-CN'], rule.id).toMatch(/[\u4e00-\u9fff]/);
                const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
                expect(placeholders(text['zh-CN']), `${rule.id}: ${text.en}`).toEqual(placeholders(text.en));
            }
        }
    });

    // The ids of rules.md, kept in the repository so that a clone without ../shared can run the
    // tests; where the spec is beside the repository (CI, a developer's machine) the list must match it.
    const ids = readFileSync(join(REPO, 'test/fixtures/rules-md-ids.txt'), 'utf8').split('\n').filter(Boolean);

    test('the catalogue holds every rule of rules.md', () => {
        expect(ids).toHaveLength(87);
        expect(RULES.map(rule => rule.id)).toEqual(expect.arrayContaining(ids));
    });

    test.runIf(existsSync(join(REPO, '../shared/spec/rules.md')))("the list of rules.md ids is the spec's", () => {
        const spec = readFileSync(join(REPO, '../shared/spec/rules.md'), 'utf8');
        expect([...spec.matchAll(/^\| (CN-[A-Z0-9.]+-\d+)/gm)].map(m => m[1])).toEqual(ids);
    });
});

describe.each(RULES.map(rule => [rule.id] as const))('%s', id => {
    const dir = join(FIXTURES, id);
    const present = existsSync(join(dir, 'fires')) && existsSync(join(dir, 'fixed'));

    test.runIf(present)('fires where its fixture says, and only there', async () => {
        const model = await reusedBuildDirectory(join(dir, 'fires'));
        const found = model
            .diagnostics()
            .filter(d => d.code === id)
            .map(d => `${d.file}:${d.line}`);
        const wanted = expectations(join(dir, 'fires'), id);
        expect(wanted.length, 'the fixture has no `expect:` comment').toBeGreaterThan(0);
        expect([...new Set(found)].sort()).toEqual([...new Set(wanted)].sort());
        if (id !== 'CN-NUM-001') expect(model.diagnostics().filter(d => d.code === 'CN-NUM-001')).toEqual([]);
    });

    test.runIf(present)('stays quiet on the fixed model', async () => {
        const model = await reusedBuildDirectory(join(dir, 'fixed'));
        expect(model.diagnostics().filter(d => d.code === id)).toEqual([]);
        expect(model.diagnostics().filter(d => d.code === 'CN-NUM-001')).toEqual([]);
    });
});

describe('a rule whose check fails', () => {
    afterEach(() => {
        vi.restoreAllMocks();
    });
    const ORG = 'organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" }\n';

    /** Makes the check of the catalogue's first clause rule throw, as a defect in it would. */
    function breakRule(error: unknown): Rule {
        const rule = RULE_DEFINITIONS.find(entry => entry.check && entry.clause !== null)!;
        vi.spyOn(rule as { check: NonNullable<Rule['check']> }, 'check').mockImplementation(() => {
            throw error;
        });
        return rule;
    }

    test('is an error at the organisation naming the rule, not silence; the other rules still run', async () => {
        const rule = breakRule(new Error('cannot read properties of undefined\n    at check (x.js:1:1)'));
        const model = await buildModel({ 'org.cnms': ORG });
        const failures = model.diagnostics().filter(d => d.code === RULE_FAILED);
        expect(failures).toHaveLength(1);
        expect(failures[0]).toMatchObject({ file: 'org.cnms', line: 1, severity: 1, text: 'acme' });
        expect(failures[0].message).toBe(
            `Rule ${rule.id} (${rule.title.en}) could not check this model: cannot read properties of undefined at check (x.js:1:1). ` +
                'Its findings are missing, so compliance with it is not known; this is a defect of cnms, please report it.'
        );
        // the other clause rules still report (this bare model misses most of what the standard asks)
        expect(model.diagnostics().filter(d => d.code !== RULE_FAILED && d.code !== rule.id).length).toBeGreaterThan(0);
    });

    test('in Chinese, whatever was thrown', async () => {
        const rule = breakRule({ not: 'an error' });
        const model = await buildModel({ 'org.cnms': ORG }, 'zh-CN');
        const [failure] = model.diagnostics().filter(d => d.code === RULE_FAILED);
        expect(failure.message).toBe(`规则 ${rule.id}（${rule.title['zh-CN']}）无法检查本模型：Error。其检查结果缺失，因此无法判断是否符合该规则；这是 cnms 的缺陷，请报告。`);
    });

    test('a model whose rules all run has no such diagnostic', async () => {
        const model = await buildModel({ 'org.cnms': ORG });
        expect(model.diagnostics().filter(d => d.code === RULE_FAILED)).toEqual([]);
    });
});
