// Every quick fix of the catalogue, applied to its rule's `fires` fixture,
// leaves the file free of syntax errors: a missing element's skeleton, a
// missing property, the nearest known name.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { addBuiltinDocuments, RULES } from '@cnms/language';
import { createCnmsLspServices } from '@cnms/language/lsp';
import { REPO } from './helpers/cli.js';

const FIXTURES = join(REPO, 'test/fixtures/rules');
const FIXABLE = RULES.filter(rule => rule.insertsElement || rule.insertsProperty || rule.id === 'CN-NUM-002');

function cnmsFiles(dir: string): string[] {
    return readdirSync(dir).sort().flatMap(name => {
        const full = join(dir, name);
        return statSync(full).isDirectory() ? cnmsFiles(full) : name.endsWith('.cnms') ? [full] : [];
    });
}

describe.each(FIXABLE.map(rule => [rule.id] as const))('quick fixes of %s', id => {
    const dir = join(FIXTURES, id, 'fires');
    test.runIf(existsSync(dir))('apply without a syntax error', async () => {
        const { shared, Cnms } = createCnmsLspServices({ ...NodeFileSystem });
        const factory = shared.workspace.LangiumDocumentFactory;
        const all = addBuiltinDocuments(factory, shared.workspace.LangiumDocuments);
        for (const file of cnmsFiles(dir)) {
            const document = factory.fromString(readFileSync(file, 'utf8'), URI.file(file));
            shared.workspace.LangiumDocuments.addDocument(document);
            all.push(document);
        }
        await shared.workspace.DocumentBuilder.build(all, { validation: true });
        let applied = 0;
        for (const document of all.filter(doc => doc.uri.scheme === 'file')) {
            for (const diagnostic of (document.diagnostics ?? []).filter(d => d.code === id)) {
                const actions = (await Cnms.lsp.CodeActionProvider!.getCodeActions(document, {
                    textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
                }) ?? []) as CodeAction[];
                for (const action of actions) {
                    const edits = action.edit?.changes?.[document.uri.toString()] ?? [];
                    const text = TextDocument.applyEdits(TextDocument.create(document.uri.toString(), 'cnms', 1, document.textDocument.getText()), edits);
                    const result = Cnms.parser.LangiumParser.parse(text);
                    expect(result.lexerErrors, `${action.title}\n${text}`).toEqual([]);
                    expect(result.parserErrors.map(e => e.message), `${action.title}\n${text}`).toEqual([]);
                    applied++;
                }
            }
        }
        expect(applied, `no quick fix was offered for ${id}`).toBeGreaterThan(0);
    });
});
