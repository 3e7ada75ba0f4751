import type { LangiumDocument, MaybePromise } from 'langium';
import { CstUtils } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeActionParams } from 'vscode-languageserver-protocol';
import type { CodeAction, Command, Diagnostic, Position } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { AstNode } from 'langium';
import type { CnmsLspServices } from './cnms-lsp-module.js';
import { isRuleId, ruleById } from '../rules/catalogue.js';
import { DECLARATION_SNIPPETS } from './declaration-snippets.js';
import { evidencePlaceholders } from './evidence-placeholders.js';
import { snippetToText } from './snippet-text.js';

/**
 * Quick fixes, as the catalogue declares them: an unknown unit or name becomes
 * the nearest known one; a missing element is inserted as a skeleton (its
 * declaration snippet) at the end of the organisation's file; a missing
 * property is inserted in the declaration's block. Placeholders are snippet
 * tab stops where the client takes snippet edits, their defaults otherwise.
 */
export class CnmsCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: CnmsLspServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = diagnostic.data as { rule?: string; key?: string; suggestion?: string } | undefined;
            if (diagnostic.code === 'CN-NUM-002' && data?.suggestion) {
                actions.push(this.action(this.services.I18n.text('fix.replace', { name: data.suggestion }), document, diagnostic, [{ range: diagnostic.range, newText: data.suggestion }]));
                continue;
            }
            if (!data?.rule || !data.key || !isRuleId(data.rule)) continue;
            const entry = ruleById(data.rule);
            const declared = entry.insertsProperty?.[data.key];
            if (declared) {
                const { snippet: property, changed: placeholders } = evidencePlaceholders(declared);
                const insertion = this.insertionPoint(document, diagnostic.range.start, placeholders);
                if (insertion) {
                    const text = snippetToText(property);
                    actions.push(
                        this.action(
                            this.services.I18n.text('fix.add', { text }),
                            document,
                            diagnostic,
                            [{ range: { start: insertion.position, end: insertion.position }, newText: `\n${insertion.indent}${text}`, snippet: `\n${insertion.indent}${property}` }],
                            !placeholders
                        )
                    );
                }
            }
            const element = typeof entry.insertsElement === 'string' ? entry.insertsElement : entry.insertsElement?.[data.key];
            if (!declared && element && DECLARATION_SNIPPETS[element]) {
                const { snippet: body, changed: placeholders } = evidencePlaceholders(DECLARATION_SNIPPETS[element].body.join('\n').replace(/\t/g, '    '));
                const end = document.textDocument.positionAt(document.textDocument.getText().length);
                const lead = document.textDocument.getText().endsWith('\n') ? '\n' : '\n\n';
                actions.push(
                    this.action(this.services.I18n.text('fix.addElement', { kind: element }), document, diagnostic, [{ range: { start: end, end }, newText: `${lead}${snippetToText(body)}\n`, snippet: `${lead}${body}\n` }], !placeholders)
                );
            }
        }
        return actions;
    }

    /** Whether the client takes snippet text edits in a workspace edit (LSP 3.18). */
    snippetEdits = false;

    /** A quick fix; preferred (applied by a single "fix" keystroke) only when it invents nothing the author must still fill in. */
    private action(title: string, document: LangiumDocument, diagnostic: Diagnostic, edits: Array<{ range: Diagnostic['range']; newText: string; snippet?: string }>, isPreferred = true): CodeAction {
        const uri = document.uri.toString();
        if (this.snippetEdits && edits.some(e => e.snippet)) {
            return {
                title,
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                isPreferred,
                edit: {
                    documentChanges: [
                        {
                            textDocument: { uri, version: document.textDocument.version },
                            edits: edits.map(e => (e.snippet ? { range: e.range, snippet: { kind: 'snippet', value: e.snippet } } : { range: e.range, newText: e.newText })) as never
                        }
                    ]
                }
            };
        }
        return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [uri]: edits.map(e => ({ range: e.range, newText: e.newText })) } } };
    }

    /**
     * After the `{` of the declaration at `position` (or, `last`, after its last statement), indented like its
     * first property (or one level in).
     */
    private insertionPoint(document: LangiumDocument, position: Position, last = false): { position: Position; indent: string } | undefined {
        const root = document.parseResult.value;
        const offset = document.textDocument.offsetAt(position);
        const leaf = root.$cstNode ? CstUtils.findLeafNodeAtOffset(root.$cstNode, offset) : undefined;
        let node: AstNode | undefined = leaf?.astNode;
        while (node && node.$container && node.$container !== root && node.$container.$type !== 'Library') node = node.$container;
        const brace = node?.$cstNode ? [...CstUtils.streamCst(node.$cstNode)].find(c => c.astNode === node && c.text === '{') : undefined;
        if (!node || !brace) return undefined;
        const line = document.textDocument.getText({ start: { line: brace.range.start.line, character: 0 }, end: brace.range.start }).match(/^\s*/)?.[0] ?? '';
        const own = [...CstUtils.streamCst(node.$cstNode!)].filter(c => c.astNode === node && c.text === '}');
        const before = last && own.length > 0 ? CstUtils.getPreviousNode(own[own.length - 1], true) : undefined;
        return { position: before ? before.range.end : brace.range.end, indent: `${line}    ` };
    }
}
