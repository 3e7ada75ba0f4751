// cnms diff on temporary git repositories, with every figure worked out by hand.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { Dec, Rational } from '@cnms/language';
import { runCli } from './helpers/cli.js';

const exact = (text: string) => Rational.fromDecimal(new Dec(text));

function git(dir: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
}

function write(dir: string, files: Record<string, string>): void {
    for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
    }
}

const ORG = (gwp: string) => `organization acme "Acme" { period 2024 consolidation equity-share ms-scope "All" gwp ${gwp} }\npolicy p { text "We act." }\n`;
const SITE = (share: string, activity: string, co2: string) => `site a { share ${share} }
factor gas_f { value ${co2} tCO2/GJ value 0.002 tCH4/GJ source "test" year 2024 }
source boiler at a { category 1 activity ${activity} GJ factor gas_f }
source power at a { category 2 activity 100 MWh factor 0.5 tCO2/MWh }
`;
const OFFSET = 'offset o { standard CCER registry "r" serial "S-1" kind reduction vintage 2024 quantity 10 tCO2e retired 2025-01-10 }\n';

describe('cnms diff', () => {
    let repo: string;
    let commits: string[];

    beforeAll(() => {
        repo = mkdtempSync(join(tmpdir(), 'cnms-diff-'));
        git(repo, 'init', '-q', '-b', 'main');
        commits = [];
        const commit = (message: string) => {
            git(repo, 'add', '-A');
            git(repo, 'commit', '-q', '-m', message);
            commits.push(git(repo, 'rev-parse', 'HEAD').trim());
        };
        // 1: the base
        write(repo, { 'model/org.cnms': ORG('AR6') + OFFSET, 'model/sites/a.cnms': SITE('100 %', '1000', '0.05') });
        commit('base');
        // 2: activity, factor, GWP set and share all change
        write(repo, { 'model/org.cnms': `${ORG('AR5').replace('gwp AR5', 'gwp AR5 gwp-justification "Kept for comparability"')}${OFFSET}`, 'model/sites/a.cnms': SITE('50 %', '1200', '0.06') });
        commit('activity, factor, GWP, share');
        // 3: a source added, an offset removed, the policy text changed
        write(repo, {
            'model/org.cnms': ORG('AR5').replace('gwp AR5', 'gwp AR5 gwp-justification "Kept for comparability"').replace('We act.', 'We act now.'),
            'model/sites/kiln.cnms': 'source kiln at a { category 1 emissions 30 tCO2 }\n'
        });
        commit('kiln, no offset, policy');
        // 4: a file renamed, nothing else
        renameSync(join(repo, 'model/sites/kiln.cnms'), join(repo, 'model/sites/lime-kiln.cnms'));
        commit('rename');
    });

    test('attributes each source change to its causes, and the causes sum exactly to the change', () => {
        const result = runCli(['diff', commits[0], commits[1], 'model', '--format', 'json'], { cwd: repo });
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const diff = JSON.parse(result.stdout);
        const boiler = diff.changes.find((c: { id: string }) => c.id === 'boiler');
        // before: CO2 1000 GJ × 0.05 = 50 t; CH4 1000 × 0.002 = 2 t × 27.9 (AR6) = 55.8; total 105.8; share 100 %
        // after: CO2 1200 × 0.06 = 72; CH4 2.4 t × 28 (AR5) = 67.2; 139.2 × 50 % = 69.6
        expect(boiler).toMatchObject({ kind: 'source', action: 'changed', before: '105.8', after: '69.6', delta: '-36.2' });
        // in order: activity 1200 GJ: CO2 60 + CH4 2.4 × 27.9 = 66.96 → 126.96 (+21.16);
        // factor 0.06: CO2 72 → 138.96 (+12); GWP AR5: CH4 67.2 → 139.2 (+0.24); share 50 %: 69.6 (−69.6)
        // each cause with the input as written at both revisions; the activity's change in percent: 1200 / 1000 − 1 = 20 %
        expect(boiler.causes).toEqual([
            { cause: 'activity', delta: '21.16', input: { before: '1000 GJ', after: '1200 GJ', percent: '20' } },
            { cause: 'factor', delta: '12', input: { before: '0.05 tCO2/GJ · 0.002 tCH4/GJ', after: '0.06 tCO2/GJ · 0.002 tCH4/GJ', percent: null } },
            { cause: 'gwp', delta: '0.24', input: null },
            { cause: 'share', delta: '-69.6', input: null }
        ]);
        // each changed declaration links to its line in the newer revision (source boiler is line 3 of sites/a.cnms)
        expect(boiler.at).toEqual({ file: 'model/sites/a.cnms', line: 3 });
        const markdown = runCli(['diff', commits[0], commits[1], 'model', '--format', 'md'], { cwd: repo }).stdout;
        expect(markdown).toContain('activity 1000 GJ → 1200 GJ (+20.0 %) → +21.160<br>factor 0.05 tCO2/GJ · 0.002 tCH4/GJ → 0.06 tCO2/GJ · 0.002 tCH4/GJ → +12.000<br>gwp +0.240<br>share -69.600');
        const sum = boiler.causes.reduce((total: Rational, c: { delta: string }) => total.plus(exact(c.delta)), Rational.ZERO);
        expect(sum.equals(exact(boiler.delta))).toBe(true);
        // power: 100 MWh × 0.5 = 50 → × 50 % = 25, all of it the share
        expect(diff.changes.find((c: { id: string }) => c.id === 'power')).toMatchObject({ before: '50', after: '25', delta: '-25', causes: [{ cause: 'share', delta: '-25', input: null }] });
        // net: 105.8 + 50 − 10 = 145.8 → 69.6 + 25 − 10 = 84.6
        expect(diff.totals.net).toMatchObject({ before: '145.8', after: '84.6', delta: '-61.2' });
        expect(diff.totals.byScope['2-location']).toEqual({ before: '50', after: '25', delta: '-25' });
        expect(diff.summary).toMatch(/^net -61\.200 tCO2e \(-42\.0 %\) · 2 sources changed · 2024: not carbon neutral, as before · \d+ new findings?$/);
    });

    test('added and removed sources and offsets, and a changed policy text', () => {
        const diff = JSON.parse(runCli(['diff', commits[1], commits[2], 'model', '--format', 'json'], { cwd: repo }).stdout);
        const by = (id: string) => diff.changes.find((c: { id: string }) => c.id === id);
        // kiln: 30 tCO2 × 50 % = 15
        expect(by('kiln')).toMatchObject({ kind: 'source', action: 'added', before: null, after: '15', delta: '15' });
        expect(by('o')).toMatchObject({ kind: 'offset', action: 'removed', before: '10', after: null, delta: '-10' });
        expect(by('p')).toMatchObject({ kind: 'policy', action: 'changed', delta: null });
        expect(by('p').after).toContain('We act now.');
        // net: 84.6 → 69.6 + 25 + 15 − 0 = 109.6
        expect(diff.totals.net).toMatchObject({ before: '84.6', after: '109.6', delta: '25' });
    });

    test('in Chinese: the summary, the text and the Markdown, with no English label left', () => {
        const text = runCli(['diff', commits[1], commits[2], 'model', '--no-color', '--lang', 'zh-CN'], { cwd: repo });
        expect(text.code, text.stderr).toBe(0);
        // net +25 (see above); kiln added: 1 source changed; the offset of 10 t removed
        expect(text.stdout.split('\n')[0]).toMatch(/^净排放 \+25\.000 tCO2e .* · 1 个排放源有变化 · 2024: .* · \d+ 项新发现$/);
        expect(text.stdout).toContain('合计（tCO2e）');
        expect(text.stdout).toMatch(/^ {2}抵消 +10\.000 → +0\.000 +-10\.000$/m);
        const md = runCli(['diff', commits[1], commits[2], 'model', '--format', 'md', '--lang', 'zh-CN'], { cwd: repo }).stdout;
        expect(md).toContain('| | 之前 | 之后 | 变化 |');
        // the kiln added and the offset removed have figures; the policy's text has none
        expect(md).toContain('<details><summary>2 个数值有变化</summary>');
        expect(md).toContain('<details><summary>1 个其他声明有变化</summary>');
        for (const english of ['source changed', 'sources changed', 'Totals', 'before', 'Neutrality', 'figure changed', 'new finding', 'carbon neutral']) {
            expect(`${text.stdout}\n${md}`, english).not.toContain(english);
        }
    });

    test('a renamed file changes nothing', () => {
        const diff = JSON.parse(runCli(['diff', commits[2], commits[3], 'model', '--format', 'json'], { cwd: repo }).stdout);
        expect(diff.changes).toEqual([]);
        expect(diff.totals.net.delta).toBe('0');
        expect(diff.findings).toEqual({ gained: [], lost: [] });
    });

    test('against the working tree, text and md, and the merge gate', () => {
        write(repo, { 'model/sites/lime-kiln.cnms': 'source kiln at a { category 1 emissions 1030 tCO2 }\n' });
        // kiln 1030 × 50 % = 515, up 500 from 15
        const text = runCli(['diff', 'HEAD', 'model', '--no-color'], { cwd: repo });
        expect(text.code).toBe(0);
        expect(text.stdout.split('\n')[0]).toMatch(/^net \+500\.000 tCO2e/);
        expect(text.stdout).toContain('~ source kiln 15.000 → 515.000 tCO2e (+500.000)');
        const md = runCli(['diff', 'HEAD', 'model', '--format', 'md'], { cwd: repo }).stdout;
        expect(md).toContain('<details><summary>1 figure changed</summary>');
        expect(runCli(['diff', 'HEAD', 'model', '--fail-on-increase', '499 tCO2e'], { cwd: repo }).code).toBe(1);
        expect(runCli(['diff', 'HEAD', 'model', '--fail-on-increase', '500'], { cwd: repo }).code).toBe(0);
        git(repo, 'checkout', '--', '.');
    });

    test('clear errors: an unknown revision, a path missing at a revision; a file that does not parse is reported', () => {
        const unknown = runCli(['diff', 'no-such-rev', 'model'], { cwd: repo });
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toContain("unknown revision 'no-such-rev'");
        const missing = runCli(['diff', commits[0], 'elsewhere'], { cwd: repo });
        expect(missing.code).toBe(2);
        expect(missing.stderr.trim().split('\n')).toHaveLength(1);
        write(repo, { 'model/sites/lime-kiln.cnms': 'source kiln at a { category 1 emissions 30 tCO2 \n' });
        const broken = runCli(['diff', 'HEAD', 'model', '--format', 'json'], { cwd: repo });
        expect(broken.code).toBe(0);
        expect(JSON.parse(broken.stdout).unparsable.after).toEqual(['model/sites/lime-kiln.cnms']);
        git(repo, 'checkout', '--', '.');
    });

    test('nothing in the working tree is touched', () => {
        const status = git(repo, 'status', '--porcelain');
        runCli(['diff', commits[0], commits[3], 'model'], { cwd: repo });
        expect(git(repo, 'status', '--porcelain')).toBe(status);
        expect(git(repo, 'rev-parse', 'HEAD').trim()).toBe(commits[3]);
    });
});

describe('cnms diff compares declarations on their tokens and counts findings', () => {
    const org = (url: string, activity: string, note = '') =>
        `organization acme { period 2024 consolidation operational-control gwp AR6 ms-scope "All" }\nsite a${note}\n` +
        `factor f { value 0.05 tCO2/GJ source "${url}" year 2024 }\nsource s at a { category 1 activity ${activity} factor f }\n`;
    let repo: string;
    let commits: string[];

    beforeAll(() => {
        repo = mkdtempSync(join(tmpdir(), 'cnms-diff-tokens-'));
        git(repo, 'init', '-q', '-b', 'main');
        commits = [];
        for (const text of [
            org('https://example.com/2023/table-1', '10 GJ + zz GJ + zz GJ'),
            // the URL inside the string changes (its `//` is no comment); one of the two unknown names goes; a comment is added
            org('https://example.com/2024/table-1', '10 GJ + zz GJ', ' // the only site\n/* kept */'),
            // only comments and spacing change
            org('https://example.com/2024/table-1', '10   GJ +  zz GJ', ' // the one site')
        ]) {
            write(repo, { 'model/org.cnms': text });
            git(repo, 'add', '-A');
            git(repo, 'commit', '-q', '-m', 'step');
            commits.push(git(repo, 'rev-parse', 'HEAD').trim());
        }
    });

    test("a changed URL in a factor's source is a change; a second identical finding that goes is a finding lost", () => {
        const result = runCli(['diff', commits[0], commits[1], 'model', '--format', 'json'], { cwd: repo });
        expect(result.stderr).toBe('');
        const diff = JSON.parse(result.stdout);
        expect(diff.changes).toEqual([
            {
                kind: 'factor',
                id: 'f',
                action: 'changed',
                before: 'factor f { value 0.05 tCO2/GJ source "https://example.com/2023/table-1" year 2024 }',
                after: 'factor f { value 0.05 tCO2/GJ source "https://example.com/2024/table-1" year 2024 }',
                delta: null,
                causes: [],
                at: { file: 'model/org.cnms', line: 4 }
            },
            // its activity cannot be computed at either revision: no figure, but its text changed
            { kind: 'source', id: 's', action: 'changed', before: null, after: null, delta: null, causes: [], at: { file: 'model/org.cnms', line: 5 } }
        ]);
        // two "Unknown name 'zz'" on source s before, one after: one lost, none gained
        expect(diff.findings.lost).toEqual([{ rule: 'CN-NUM-002', element: 'Source:s', severity: 'error', message: "Unknown name 'zz'." }]);
        expect(diff.findings.gained).toEqual([]);
        const back = JSON.parse(runCli(['diff', commits[1], commits[0], 'model', '--format', 'json'], { cwd: repo }).stdout);
        expect(back.findings.gained).toEqual([{ rule: 'CN-NUM-002', element: 'Source:s', severity: 'error', message: "Unknown name 'zz'." }]);
    });

    test('comments and spacing are no change', () => {
        const diff = JSON.parse(runCli(['diff', commits[1], commits[2], 'model', '--format', 'json'], { cwd: repo }).stdout);
        expect(diff.changes).toEqual([]);
        expect(diff.findings).toEqual({ gained: [], lost: [] });
    });

    test('a FIFO named *.cnms in the working tree is skipped with a warning, never opened', () => {
        const pipe = join(repo, 'model/pipe.cnms');
        const made = spawnSync('mkfifo', [pipe]);
        if (made.status !== 0) throw new Error(`mkfifo ${pipe}: ${made.stderr}`);
        try {
            const result = runCli(['diff', 'HEAD', 'model', '--format', 'json'], { cwd: repo, timeout: 30_000 });
            expect(result.stderr).toBe("cnms: warning: 'model/pipe.cnms' is a named pipe (FIFO), not a regular file: skipped\n");
            expect(result.code).toBe(0);
            expect(JSON.parse(result.stdout).changes).toEqual([]);
        } finally {
            rmSync(pipe);
        }
    });
});

describe('cnms diff relinks a file that is the same at both revisions when what it refers to changed', () => {
    test('a factor changed in one file changes the figure of a source in another, unchanged file', () => {
        const repo = mkdtempSync(join(tmpdir(), 'cnms-diff-relink-'));
        git(repo, 'init', '-q', '-b', 'main');
        const organization = 'organization acme { period 2024 consolidation operational-control gwp AR6 ms-scope "All" }\nsite a\n';
        const factor = (value: string) => `factor f { value ${value} tCO2/GJ source "test" year 2024 }\n`;
        const commits: string[] = [];
        for (const value of ['0.05', '0.07']) {
            // sites/a.cnms is the same at both revisions: parsed and linked once, then linked again to the new factor
            write(repo, { 'model/org.cnms': organization, 'model/factors.cnms': factor(value), 'model/sites/a.cnms': 'source s at a { category 1 activity 1000 GJ factor f }\n' });
            git(repo, 'add', '-A');
            git(repo, 'commit', '-q', '-m', value);
            commits.push(git(repo, 'rev-parse', 'HEAD').trim());
        }
        const result = runCli(['diff', commits[0], commits[1], 'model', '--format', 'json'], { cwd: repo });
        expect(result.stderr).toBe('');
        const diff = JSON.parse(result.stdout);
        // s: 1000 GJ × 0.05 tCO2/GJ = 50 t → × 0.07 = 70 t, all of it the factor
        expect(diff.changes.find((c: { id: string }) => c.id === 's')).toMatchObject({ kind: 'source', action: 'changed', before: '50', after: '70', delta: '20', causes: [{ cause: 'factor', delta: '20' }] });
        expect(diff.totals.emissions).toEqual({ before: '50', after: '70', delta: '20' });
    });
});

describe('cnms diff: the findings gained and lost are those validate gives at each revision', () => {
    test('a figure problem and a clause rule, with their severity and message, in English and Chinese', () => {
        const repo = mkdtempSync(join(tmpdir(), 'cnms-diff-findings-'));
        git(repo, 'init', '-q', '-b', 'main');
        const organization = (policy: boolean) => `organization acme { period 2024 consolidation operational-control gwp AR6 ms-scope "All" }\nsite a\n${policy ? 'policy p { text "We act." }\n' : ''}`;
        const source = (unit: string) => `source s at a { category 1 activity 10 ${unit} factor 0.05 tCO2/GJ }\n`;
        type Said = { rule: string; severity: string; message: string };
        const validated: Record<string, Said[][]> = { en: [], 'zh-CN': [] };
        const commits: string[] = [];
        // 1: complete; 2: the policy gone (CN-5.2-001, on the organization) and the activity in tonnes (CN-NUM-003 on source s: mass × CO2/energy)
        for (const [policy, unit] of [
            [true, 'GJ'],
            [false, 't']
        ] as const) {
            write(repo, { 'model/org.cnms': organization(policy), 'model/sites/a.cnms': source(unit) });
            git(repo, 'add', '-A');
            git(repo, 'commit', '-q', '-m', unit);
            commits.push(git(repo, 'rev-parse', 'HEAD').trim());
            for (const lang of ['en', 'zh-CN']) {
                const diagnostics = JSON.parse(runCli(['validate', 'model', '--format', 'json', '--lang', lang], { cwd: repo }).stdout).diagnostics as Said[];
                validated[lang].push(diagnostics.map(({ rule, severity, message }) => ({ rule, severity, message })));
            }
        }
        /** What `one` says that `other` does not, counted. */
        const onlyIn = (one: Said[], other: Said[]) => {
            const left = other.map(said => JSON.stringify(said));
            return one.filter(said => {
                const at = left.indexOf(JSON.stringify(said));
                if (at >= 0) left.splice(at, 1);
                return at < 0;
            });
        };
        for (const lang of ['en', 'zh-CN']) {
            const [before, after] = validated[lang];
            const diff = JSON.parse(runCli(['diff', commits[0], commits[1], 'model', '--format', 'json', '--lang', lang], { cwd: repo }).stdout);
            const said = (findings: Array<Said & { element: string }>) => findings.map(({ rule, severity, message }) => ({ rule, severity, message }));
            expect(said(diff.findings.gained)).toEqual(onlyIn(after, before));
            expect(said(diff.findings.lost)).toEqual(onlyIn(before, after));
            expect(diff.findings.gained.map((f: { rule: string; element: string }) => `${f.rule} ${f.element}`).sort()).toEqual(['CN-5.2-001 Organization:acme', 'CN-NUM-003 Source:s']);
            // lost with the policy: its four findings; with the figure of s: the largest source without a control
            expect(diff.findings.lost.map((f: { rule: string; element: string }) => `${f.rule} ${f.element}`).sort()).toEqual([
                'CN-5.2-002 Policy:p',
                'CN-5.2-002 Policy:p',
                'CN-5.2-003 Policy:p',
                'CN-5.2-003 Policy:p',
                'CN-8.1-001 Source:s'
            ]);
            const back = JSON.parse(runCli(['diff', commits[1], commits[0], 'model', '--format', 'json', '--lang', lang], { cwd: repo }).stdout);
            expect(said(back.findings.lost)).toEqual(onlyIn(after, before));
            expect(said(back.findings.gained)).toEqual(onlyIn(before, after));
        }
        // the messages are the rules' own, in each language
        expect(validated.en[1].find(said => said.rule === 'CN-5.2-001')?.message).toBe('Organization acme has no carbon-neutrality `policy`.');
        expect(validated['zh-CN'][1].find(said => said.rule === 'CN-NUM-003')?.message).toMatch(/[\u4e00-\u9fff]/);
    });
});
