// Every quick fix of the catalogue, applied to its rule's `fires` fixture,
// leaves the file free of syntax errors: a missing element's skeleton, a
// missing property, the nearest known name; except at the placeholders of
// evidence it will not invent (`retired YYYY-MM-DD`), which fail until filled.
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
const PLACEHOLDER = /^(YYYY|[A-Z][A-Z_]+)$/;
const FIXABLE = RULES.filter(rule => rule.insertsElement || rule.insertsProperty || rule.id === 'CN-NUM-002');

function cnmsFiles(dir: string): string[] {
    return readdirSync(dir)
        .sort()
        .flatMap(name => {
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
                const actions = ((await Cnms.lsp.CodeActionProvider!.getCodeActions(document, {
                    textDocument: { uri: document.uri.toString() },
                    range: diagnostic.range,
                    context: { diagnostics: [diagnostic] }
                })) ?? []) as CodeAction[];
                for (const action of actions) {
                    const edits = action.edit?.changes?.[document.uri.toString()] ?? [];
                    const text = TextDocument.applyEdits(TextDocument.create(document.uri.toString(), 'cnms', 1, document.textDocument.getText()), edits);
                    const result = Cnms.parser.LangiumParser.parse(text);
                    expect(result.lexerErrors, `${action.title}\n${text}`).toEqual([]);
                    // a placeholder (`YYYY-MM-DD`, `SERIAL`) is an error where it stands, and only in a fix that is not preferred
                    const errors = result.parserErrors.filter(e => !(action.isPreferred === false && PLACEHOLDER.test(e.token.image)));
                    expect(
                        errors.map(e => e.message),
                        `${action.title}\n${text}`
                    ).toEqual([]);
                    applied++;
                }
            }
        }
        expect(applied, `no quick fix was offered for ${id}`).toBeGreaterThan(0);
    });
});

describe('quick fixes invent no evidence', () => {
    const build = async (text: string) => {
        const { shared, Cnms } = createCnmsLspServices({ ...NodeFileSystem });
        const all = addBuiltinDocuments(shared.workspace.LangiumDocumentFactory, shared.workspace.LangiumDocuments);
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file('/evidence/org.cnms'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([...all, document], { validation: true });
        return { Cnms, document };
    };
    const fixesOf = async (text: string, rule: string) => {
        const { Cnms, document } = await build(text);
        const diagnostic = (document.diagnostics ?? []).find(d => d.code === rule)!;
        expect(diagnostic, rule).toBeDefined();
        const actions = ((await Cnms.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: diagnostic.range,
            context: { diagnostics: [diagnostic] }
        })) ?? []) as CodeAction[];
        return { actions, applied: (action: CodeAction) => TextDocument.applyEdits(TextDocument.create('x', 'cnms', 1, document.textDocument.getText()), action.edit?.changes?.[document.uri.toString()] ?? []) };
    };
    const OFFSET = 'organization acme { period 2024 }\noffset o { standard CCER registry "R" serial "S-1" kind reduction vintage 2023 quantity 30_000 tCO2e }\n';

    test("an offset's missing retirement date: a placeholder that fails until written, never the preferred fix", async () => {
        const { actions, applied } = await fixesOf(OFFSET, 'CN-6.4-002');
        expect(actions.map(a => [a.title, a.isPreferred])).toEqual([["Add 'retired YYYY-MM-DD'", false]]);
        const text = applied(actions[0]);
        // as the block's last statement, where the syntax error of an unfilled placeholder costs no other property
        expect(text).toContain('quantity 30_000 tCO2e\n    retired YYYY-MM-DD }');
        // still not valid, and the 30,000 t still count for nothing
        const after = await build(text);
        expect((after.document.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message)).toContain("Syntax error: expected a date, found 'YYYY'.");
        // the rest of the offset is read as before: no property is reported missing
        expect((after.document.diagnostics ?? []).filter(d => d.code === 'CN-6.4-001')).toEqual([]);
        const model = after.Cnms.references.Models.modelOf(after.document.uri);
        expect(after.Cnms.semantics.Balance.of(model).offsets.isZero()).toBe(true);
    });

    test("a missing serial or quantity: the property's name to replace, not an example value", async () => {
        const serial = await fixesOf('organization acme { period 2024 }\noffset o { standard CCER registry "R" kind reduction vintage 2023 quantity 5 tCO2e retired 2025-01-10 }\n', 'CN-6.4-001');
        expect(serial.actions.map(a => [a.title, a.isPreferred])).toEqual([["Add 'serial SERIAL'", false]]);
        const quantity = await fixesOf('organization acme { period 2024 }\noffset o { standard CCER registry "R" serial "S" kind reduction vintage 2023 retired 2025-01-10 }\n', 'CN-6.4-001');
        expect(quantity.actions.map(a => a.title)).toEqual(["Add 'quantity QUANTITY tCO2e'"]);
    });

    test('a fix that records a choice, not evidence, stays preferred', async () => {
        const { actions } = await fixesOf('organization acme { period 2024 ms-scope "All" }\n', 'CN-4.3-002');
        expect(actions.map(a => [a.title, a.isPreferred])).toEqual([["Add 'consolidation operational-control'", true]]);
    });
});
