// Find references and rename after edits that the server parsed only in part
// (syntax/declaration-reparse.ts): the declarations after an edit keep their
// nodes and move, and the references they hold keep their index entries
// (references/cnms-reference-descriptions.ts), whose places must follow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ReferencesRequest, RenameRequest, type Range } from 'vscode-languageserver-protocol';
import { tempCopy } from './helpers/cli.js';
import { fileUri, startServer, type LspSession } from './helpers/lsp-client.js';

let session: LspSession;
afterAll(async () => session?.close());

/** The text a range covers. */
function textAt(text: string, range: Range): string {
    const lines = text.split('\n');
    return range.start.line === range.end.line ? lines[range.start.line].slice(range.start.character, range.end.character) : '';
}

let dir: string;
beforeAll(async () => {
    dir = tempCopy('examples/steel');
    session = await startServer(dir);
});

test('references and rename point at the right places after edits that moved the declarations', async () => {
    const uri = fileUri(join(dir, 'sites/main_works.cnms'));
    let text = readFileSync(join(dir, 'sites/main_works.cnms'), 'utf8');
    await session.open(uri, text);
    await session.waitForDiagnostics(uri);
    const references = async () => {
        const line = text.split('\n').findIndex(l => l.startsWith('site main_works'));
        return (await session.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: { line, character: 6 }, context: { includeDeclaration: false } })) ?? [];
    };
    const expected = () =>
        text
            .split('\n')
            .flatMap((l, line) => (/\bat main_works\b/.test(l) ? [line] : []))
            .sort((a, b) => a - b);
    const before = (await references()).filter(location => location.uri === uri);
    expect(before.map(location => location.range.start.line).sort((a, b) => a - b)).toEqual(expected());

    // three lines above every source (the site's declaration is parsed again, the others move down),
    // then a line more in a source in the middle of the file (the sources after it keep their nodes and
    // their references' index entries, and move down), then a line taken out near the top
    const edits: Array<(t: string) => string> = [
        t => t.replace(/^site main_works/m, '// a note\n// of three\n// lines\nsite main_works'),
        t => {
            const at = t.indexOf('activity', t.length / 2);
            return `${t.slice(0, at)}activity 2 *\n        ${t.slice(at + 'activity '.length)}`;
        },
        t => t.replace('// of three\n', '')
    ];
    let version = 1;
    for (const edit of edits) {
        text = edit(text);
        await session.change(uri, text, ++version);
        await session.waitForDiagnostics(uri);
        const after = (await references()).filter(location => location.uri === uri);
        expect(after.map(location => location.range.start.line).sort((a, b) => a - b)).toEqual(expected());
        for (const location of after) expect(textAt(text, location.range)).toBe('main_works');
    }

    const line = text.split('\n').findIndex(l => l.startsWith('site main_works'));
    const rename = await session.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: { line, character: 6 }, newName: 'works_1' });
    const here = rename?.changes?.[uri] ?? [];
    expect(here.length).toBe(expected().length + 1);
    for (const change of here) expect(textAt(text, change.range)).toBe('main_works');
});
