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

/** A generated group model written to a folder and built in process, with the first plant file to edit. */
async function builtGroupModel(sources: number, files: number, seed: number) {
    const dir = mkdtempSync(join(tmpdir(), 'cnms-retention-'));
    dirs.push(dir);
    const model = generateGroupModel({ sources, files, seed });
    writeModel(model.files, dir);
    const paths = [...model.files.keys()].filter(path => path.endsWith('.cnms')).map(path => join(dir, path));
    return { ...(await builtFiles(paths)), target: join(dir, model.records[0].file) };
}

/** Services with the built-in library and the given files, built in process. */
async function builtFiles(paths: readonly string[]) {
    const { shared, Cnms } = createCnmsServices(NodeFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const all = addBuiltinDocuments(factory, documents);
    for (const path of paths) {
        const document = factory.fromString(readFileSync(path, 'utf8'), URI.file(path));
        documents.addDocument(document);
        all.push(document);
    }
    await shared.workspace.DocumentBuilder.build(all, { validation: true });
    return { shared, Cnms, documents };
}

test('twenty edits of a file leave no more than a couple of its old syntax trees alive', async () => {
    const { shared, documents, target } = await builtGroupModel(200, 3, 5);

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

test('the figure memory tracks as many keys after 60 edits of a declaration as after 10', async () => {
    const { shared, Cnms, target } = await builtGroupModel(50, 2, 7);
    let text = readFileSync(target, 'utf8');
    const keysAfter = async (edits: number) => {
        for (let i = 0; i < edits; i++) {
            // one source's activity changes: that declaration is parsed again, a new node with a new key each time
            text = text.replace(/(activity [\d_]*)(\d) /, (_, a: string, b: string) => `${a}${(Number(b) + 1) % 10} `);
            writeFileSync(target, text);
            await shared.workspace.DocumentBuilder.update([URI.file(target)], []);
        }
        return Cnms.semantics.FigureMemo.trackedKeys();
    };
    const early = await keysAfter(10);
    const late = await keysAfter(50);
    // each edit retires one declaration's key: kept, they grew by one or more an edit
    expect(late).toBeLessThanOrEqual(early);
}, 120_000);

test("a declaration a broken reference once pointed to is let go with its file's old parse", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnms-retention-'));
    dirs.push(dir);
    const org = join(dir, 'org.cnms');
    const lets = join(dir, 'lets.cnms');
    writeFileSync(org, 'organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" }\nsite s\nsource a at s { category 1 emissions x * 2 }\n');
    writeFileSync(lets, 'let x = 3 t\n');
    const { shared, documents } = await builtFiles([org, lets]);
    const old = new WeakRef((documents.getDocument(URI.file(lets))!.parseResult.value as CnmsFile).elements[0]);
    // renamed: the source's reference to x is broken, its declaration kept as it was
    writeFileSync(lets, 'let y = 3 t\n');
    await shared.workspace.DocumentBuilder.update([URI.file(lets)], []);
    // (a WeakRef read keeps its target alive to the end of the job: the collection runs in a job of its own)
    let collected = false;
    for (let i = 0; i < 5 && !collected; i++) {
        await new Promise(resolve => setTimeout(resolve, 20));
        collectGarbage();
        await new Promise(resolve => setTimeout(resolve, 20));
        collected = old.deref() === undefined;
    }
    expect(collected).toBe(true);
}, 60_000);

test('a model that existed for a while (an organisation pasted into a plant file, then removed) keeps nothing once it is gone', async () => {
    const { shared, Cnms, target } = await builtGroupModel(60, 3, 11);
    const models = Cnms.references.Models;
    const original = readFileSync(target, 'utf8');
    const pasteAndRemove = async () => {
        // pasted: the plant's folder is a model of its own, and its balance is computed (as the code lens asks)
        writeFileSync(target, `organization pasted "Pasted" { period 2024 consolidation operational-control ms-scope "All" }\n${original}`);
        await shared.workspace.DocumentBuilder.update([URI.file(target)], []);
        const pastedModel = models.modelOf(URI.file(target));
        expect(models.isNoModelKey(pastedModel)).toBe(false);
        const pastedKey = new WeakRef(models.keyObject(pastedModel));
        expect(Cnms.semantics.Balance.of(pastedModel).sources.length).toBeGreaterThan(0);
        // removed again: the folder's model is gone
        writeFileSync(target, original);
        await shared.workspace.DocumentBuilder.update([URI.file(target)], []);
        expect(models.modelOf(URI.file(target))).not.toBe(pastedModel);
        let collected = false;
        for (let i = 0; i < 5 && !collected; i++) {
            await new Promise(resolve => setTimeout(resolve, 20));
            collectGarbage();
            await new Promise(resolve => setTimeout(resolve, 20));
            collected = pastedKey.deref() === undefined;
        }
        // its key object, and with it its balance and its declarations by name (which hold the trees they were computed from), let go
        expect(collected).toBe(true);
        return models.keptModelKeys();
    };
    const once = await pasteAndRemove();
    expect(await pasteAndRemove()).toBe(once);
}, 60_000);
