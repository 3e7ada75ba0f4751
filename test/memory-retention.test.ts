// Old parses are let go: after edits, a file's earlier syntax trees are
// collected even when something still holds a node of the first one (as an
// editor request or a cache may). The figure memory once chained each parse
// to the next, so one held node kept every later parse alive: the server grew
// by a syntax tree per keystroke.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { URI, type AstNode } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterAll, expect, test } from 'vitest';
import { addBuiltinDocuments, createCnmsServices, type CnmsFile } from '@cnms/language';
import { generateGroupModel, writeModel } from '../scripts/generate-group-model.mjs';

const dirs: string[] = [];
afterAll(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

test('twenty edits of a file leave no more than a couple of its old syntax trees alive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnms-retention-'));
    dirs.push(dir);
    const model = generateGroupModel({ sources: 200, files: 3, seed: 5 });
    writeModel(model.files, dir);
    const { shared } = createCnmsServices(NodeFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const all = addBuiltinDocuments(factory, documents);
    const target = join(dir, model.records[0].file);
    for (const path of model.files.keys()) {
        if (!path.endsWith('.cnms')) continue;
        const document = factory.fromString(readFileSync(join(dir, path), 'utf8'), URI.file(join(dir, path)));
        documents.addDocument(document);
        all.push(document);
    }
    await shared.workspace.DocumentBuilder.build(all, { validation: true });

    let alive = 0;
    let parses = 0;
    let last: WeakRef<AstNode> | undefined;
    const trees = new FinalizationRegistry<void>(() => alive--);
    const watch = () => {
        const root = documents.getDocument(URI.file(target))!.parseResult.value;
        if (last?.deref() === root) return;
        last = new WeakRef(root);
        trees.register(root, undefined);
        alive++;
        parses++;
    };
    watch();
    // something holds a node of the first parse for the whole run
    const held: AstNode = (documents.getDocument(URI.file(target))!.parseResult.value as CnmsFile).elements.at(-1)!;

    let text = readFileSync(target, 'utf8');
    for (let i = 0; i < 20; i++) {
        text = text.replace(/(activity [\d_]*)(\d) /, (_, a: string, b: string) => `${a}${(Number(b) + 1) % 10} `);
        writeFileSync(target, text);
        await shared.workspace.DocumentBuilder.update([URI.file(target)], []);
        watch();
    }
    for (let i = 0; i < 5 && alive > 2; i++) {
        collectGarbage();
        await new Promise(resolve => setTimeout(resolve, 20));
    }
    // every edit changed the text, so the file was parsed 21 times
    expect(parses).toBe(21);
    expect(held.$type).toBeDefined();
    // the first parse (held) and the current one; the 19 in between are gone
    expect(alive).toBeLessThanOrEqual(2);
}, 120_000);
