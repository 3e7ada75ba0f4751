#!/usr/bin/env node
// In-process measure of a 2 MB paste of lets (scripts/generate-let-paste.mjs):
// the language services build a model of an organisation file and the pasted
// file, as the tests build one (test/helpers/model.ts), and print the time of
// each build phase and the heap and resident memory once built, after a full
// collection. Run with --expose-gc (and --cpu-prof or --heapsnapshot-signal to
// look closer):
//   node --expose-gc scripts/profile-let-paste.mjs [--bytes 2000000] [--snapshot FILE]
import 'object.groupby/auto';
import { writeHeapSnapshot } from 'node:v8';
import { EmptyFileSystem, URI, DocumentState } from 'langium';
import { addBuiltinDocuments, createCnmsServices } from '@cnms/language';
import { letPaste } from './generate-let-paste.mjs';

const arg = name => {
    const i = process.argv.indexOf(name);
    return i < 0 ? undefined : process.argv[i + 1];
};
const mb = n => `${(n / 1024 / 1024).toFixed(0)} MB`;
const ORG = 'organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" }\nsite s\nsource a at s { category 1 emissions 7 t }\n';

const text = letPaste(Number(arg('--bytes') ?? 2_000_000));
const { shared } = createCnmsServices(EmptyFileSystem);
const factory = shared.workspace.LangiumDocumentFactory;
const documents = shared.workspace.LangiumDocuments;
const memory = () => {
    globalThis.gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    return `heap ${mb(heapUsed)}, rss ${mb(rss)}`;
};
const all = addBuiltinDocuments(factory, documents);
console.log(`${text.split('\n').length - 1} lets, ${text.length} bytes; before: ${memory()}`);
const start = performance.now();
for (const [path, content] of [['org.cnms', ORG], ['paste.cnms', text]]) {
    const document = factory.fromString(content, URI.file(`/model/${path}`));
    documents.addDocument(document);
    all.push(document);
}
let last = performance.now();
console.log(`  parsed in ${(last - start).toFixed(0)} ms; ${memory()}`);
last = performance.now();
for (const state of [DocumentState.Parsed, DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated]) {
    shared.workspace.DocumentBuilder.onBuildPhase(state, () => {
        const now = performance.now();
        console.log(`  ${DocumentState[state]}: ${(now - last).toFixed(0)} ms`);
        last = now;
    });
}
await shared.workspace.DocumentBuilder.build(all, { validation: true });
console.log(`built in ${(performance.now() - start).toFixed(0)} ms (model rules ${(performance.now() - last).toFixed(0)} ms); ${memory()}`);
const paste = documents.getDocument(URI.file('/model/paste.cnms'));
console.log(`diagnostics on the paste: ${paste.diagnostics.length}`);
const snapshot = arg('--snapshot');
if (snapshot) console.log(`heap snapshot: ${writeHeapSnapshot(snapshot)}`);
