// Data-driven tests of the rule catalogue: for every rule, a model that fires
// it and the fixed model that does not, under test/fixtures/rules/<id>/fires
// and …/fixed. In `fires`, a comment `expect: <rule id>` on a line says that a
// diagnostic of that rule must start on that line; every diagnostic of the
// rule under test must be expected. A rule without fixtures fails the test.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULES } from '@cnms/language';
import { buildDirectory } from './helpers/model.js';
import { REPO } from './helpers/cli.js';

const FIXTURES = join(REPO, 'test/fixtures/rules');

function cnmsFiles(dir: string): string[] {
    return readdirSync(dir).sort().flatMap(name => {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) return cnmsFiles(full).map(f => join(name, f));
        return name.endsWith('.cnms') ? [name] : [];
    });
}

/** `file:line` of every `expect: ID` comment for the given rule. */
function expectations(dir: string, rule: string): string[] {
    return cnmsFiles(dir).flatMap(file => readFileSync(join(dir, file), 'utf8').split('\n').flatMap((text, index) => {
        const match = /expect:\s*([A-Z0-9.\-,\s]+)/.exec(text);
        const ids = match ? match[1].split(/[\s,]+/).filter(Boolean) : [];
        return ids.includes(rule) ? [`${file}:${index + 1}`] : [];
    }));
}

describe('the rule catalogue', () => {
    test('every rule has both fixtures', () => {
        const missing = RULES.filter(rule => !existsSync(join(FIXTURES, rule.id, 'fires')) || !existsSync(join(FIXTURES, rule.id, 'fixed')));
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

    test.runIf(existsSync(join(REPO, '../shared/spec/rules.md')))('the list of rules.md ids is the spec\'s', () => {
        const spec = readFileSync(join(REPO, '../shared/spec/rules.md'), 'utf8');
        expect([...spec.matchAll(/^\| (CN-[A-Z0-9.]+-\d+)/gm)].map(m => m[1])).toEqual(ids);
    });
});

describe.each(RULES.map(rule => [rule.id] as const))('%s', id => {
    const dir = join(FIXTURES, id);
    const present = existsSync(join(dir, 'fires')) && existsSync(join(dir, 'fixed'));

    test.runIf(present)('fires where its fixture says, and only there', async () => {
        const model = await buildDirectory(join(dir, 'fires'));
        const found = model.diagnostics().filter(d => d.code === id).map(d => `${d.file}:${d.line}`);
        const wanted = expectations(join(dir, 'fires'), id);
        expect(wanted.length, 'the fixture has no `expect:` comment').toBeGreaterThan(0);
        expect([...new Set(found)].sort()).toEqual([...new Set(wanted)].sort());
        if (id !== 'CN-NUM-001') expect(model.diagnostics().filter(d => d.code === 'CN-NUM-001')).toEqual([]);
    });

    test.runIf(present)('stays quiet on the fixed model', async () => {
        const model = await buildDirectory(join(dir, 'fixed'));
        expect(model.diagnostics().filter(d => d.code === id)).toEqual([]);
        expect(model.diagnostics().filter(d => d.code === 'CN-NUM-001')).toEqual([]);
    });
});
