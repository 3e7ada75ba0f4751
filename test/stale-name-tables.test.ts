// The name tables of the scope provider (references/model-name-table.ts) are
// kept from build to build and brought up to date when a build looks a name
// of their type up. An edit usually looks up a few types only, so a table of
// another type kept the declarations the edit replaced, and with them their
// old parse: over the protocol at 10,000 sources the language server grew
// with every edit. A table that no lookup brought up to date is dropped once
// its names changed (references/cnms-scope-provider.ts).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AstUtils, URI, type AstNode, type AstNodeDescription } from 'langium';
import { afterAll, expect, test } from 'vitest';
import { isSource, type CnmsFile } from '@cnms/language';
import { steelWorkspace } from './helpers/steel-workspace.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

/** Whether a node is in the current parse of its document. */
function isCurrent(node: AstNode): boolean {
    let root = node;
    while (root.$container) root = root.$container;
    const document = root.$document;
    return document !== undefined && document.parseResult.value === root;
}

test('after an edit, no name table holds a declaration the edit replaced', async () => {
    const { dir, paths, documents: all, shared, Cnms } = steelWorkspace('cnms-tables-');
    dirs.push(dir);
    const documents = shared.workspace.LangiumDocuments;
    await shared.workspace.DocumentBuilder.build(all, { validation: true });
    const tables = (Cnms.references.ScopeProvider as unknown as { tables: Map<string, { table: { items(): Iterable<AstNodeDescription> } }> }).tables;
    const held = () => [...tables.values()].flatMap(({ table }) => [...table.items()]);
    // the first build filled tables that hold the sources (the controls' `applies-to`, a reduction's `for` …)
    expect(held().filter(description => description.node && isSource(description.node)).length).toBeGreaterThan(0);

    // one source's activity changes, the text of no name does; nothing names that source
    const works = documents.getDocument(URI.file(paths[3]))!;
    const source = (works.parseResult.value as CnmsFile).elements.filter(isSource).findLast(candidate => candidate.activity)!;
    expect(source.name).toBe('purchased_pellets');
    const text = readFileSync(paths[3], 'utf8');
    const activity = source.activity!.$cstNode!;
    const edited = `${text.slice(0, activity.offset)}(${activity.text}) * 2${text.slice(activity.end)}`;
    writeFileSync(paths[3], edited);
    await shared.workspace.DocumentBuilder.update([URI.file(paths[3])], []);
    expect((works.parseResult.value.$cstNode as unknown as { fullText: string }).fullText).toBe(edited);
    // only the edited declarations were parsed again: the others keep their nodes
    expect((works.parseResult.value as CnmsFile).elements).not.toContain(source);
    const stale = held().filter(description => description.node && !isCurrent(description.node));
    expect(stale.map(description => `${description.name} in ${AstUtils.getDocument(description.node!).uri.path.split('/').pop()}`)).toEqual([]);
});
