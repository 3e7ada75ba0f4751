// Which folder is a model (language.md §1), read from the language's tokens:
// the CLI run as a process and the server spoken to over the protocol, on real
// folders. A comment that holds the word `organization` does not make a model,
// a declaration that does not start its line does; a folder that declares an
// organisation is that model even when a subfolder declares another.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli, tempModel } from './helpers/cli.js';
import { fileUri, startServer, type LspSession } from './helpers/lsp-client.js';

const ORG = (name: string) => `organization ${name} { period 2024 consolidation operational-control gwp AR6 ms-scope "All" }\n`;
const dirs: string[] = [];
const sessions: LspSession[] = [];
afterAll(async () => {
    await Promise.all(sessions.map(session => session.close()));
    dirs.forEach(dir => rmSync(dir, { recursive: true, force: true }));
});

function model(files: Record<string, string>): string {
    const dir = tempModel(files);
    dirs.push(dir);
    return dir;
}

const netOf = (stdout: string) => JSON.parse(stdout).net as string;

describe('cnms balance DIR: the model a folder names', () => {
    test('a folder that declares an organisation is that model, though a subfolder declares its own', () => {
        const dir = model({
            'group/org.cnms': `${ORG('acme')}site a\nsource s at a { category 1 emissions 10 tCO2 }\n`,
            'group/plants/p.cnms': 'source p at a { category 1 emissions 2 tCO2 }\n',
            'group/subsidiary/org.cnms': `${ORG('subco')}site b\nsource t at b { category 1 emissions 5 tCO2 }\n`
        });
        const result = runCli(['balance', 'group', '--format', 'json'], { cwd: dir });
        expect(result.stderr).toBe('');
        expect(result.code).not.toBe(2); // 1 is errors standing against the model (no policy…), 2 a usage error
        // acme: s 10 t + p 2 t (plants/ declares nothing, so it is acme's); subco's 5 t are not acme's
        expect(JSON.parse(result.stdout).model).toBe('acme');
        expect(netOf(result.stdout)).toBe('12');
        const sub = runCli(['balance', 'group/subsidiary', '--format', 'json'], { cwd: dir });
        expect(sub.code).not.toBe(2);
        expect(JSON.parse(sub.stdout).model).toBe('subco');
        expect(netOf(sub.stdout)).toBe('5');
    });

    test('a folder above several models names them', () => {
        const dir = model({
            'models/north/org.cnms': `${ORG('north')}site a\n`,
            'models/south/org.cnms': `${ORG('south')}site b\n`
        });
        const result = runCli(['balance', 'models'], { cwd: dir });
        expect(result.code).toBe(2);
        expect(result.stderr).toBe("cnms: 'models' holds 2 models (models/north, models/south); name one of their folders\n");
    });

    test('a comment line that starts with `organization` does not make its folder a model', () => {
        const dir = model({
            'plant/org.cnms': `${ORG('acme')}site a\n`,
            'plant/kilns/kiln.cnms': '/*\norganization chart: the kiln team reports to the plant\n*/\nsource kiln at a { category 1 emissions 7 tCO2 }\n'
        });
        const result = runCli(['balance', 'plant/kilns', '--format', 'json'], { cwd: dir });
        expect(result.stderr).toBe('');
        expect(result.code).not.toBe(2); // 1 is errors standing against the model (no policy…), 2 a usage error
        expect(JSON.parse(result.stdout).model).toBe('acme');
        expect(netOf(result.stdout)).toBe('7');
    });

    test('a declaration after a comment on its line does make its folder a model', () => {
        const dir = model({
            'plant/org.cnms': `${ORG('acme')}site a\n`,
            'plant/annex/org.cnms': `/* the annex reports alone */ ${ORG('annex')}site b\nsource boiler at b { category 1 emissions 3 tCO2 }\n`
        });
        const result = runCli(['balance', 'plant/annex', '--format', 'json'], { cwd: dir });
        expect(result.stderr).toBe('');
        expect(result.code).not.toBe(2); // 1 is errors standing against the model (no policy…), 2 a usage error
        expect(JSON.parse(result.stdout).model).toBe('annex');
        expect(netOf(result.stdout)).toBe('3');
    });
});

describe('the server: an edit that declares an organisation moves the border of models', () => {
    test('a declaration that does not start its line still relinks the files of the new model', async () => {
        const dir = model({
            'org.cnms': `${ORG('acme')}site b\n`,
            'annex/uses.cnms': 'source s at b { category 1 emissions 1 tCO2 }\n',
            'annex/new.cnms': 'site c\n'
        });
        const session = await startServer(dir);
        sessions.push(session);
        const uses = fileUri(`${dir}/annex/uses.cnms`);
        const added = fileUri(`${dir}/annex/new.cnms`);
        const unresolved = (diagnostics: Array<{ message: string }>) => diagnostics.some(d => /\bb\b/.test(d.message) && /resolve|not declared|unknown|no site/i.test(d.message));
        await session.open(uses, 'source s at b { category 1 emissions 1 tCO2 }\n');
        const first = await session.waitForDiagnostics(uses);
        expect(unresolved(first)).toBe(false);
        await session.open(added, 'site c\n');
        // annex/ now declares its own organisation, so acme's site b is no longer visible from uses.cnms
        await session.change(added, `/* the annex reports alone */ ${ORG('annex')}site c\n`, 2);
        const after = await session.waitForDiagnostics(uses, unresolved);
        expect(
            after
                .filter(d => d.severity === 1)
                .map(d => d.message)
                .join('\n')
        ).toMatch(/\bb\b/);
    }, 60_000);
});
