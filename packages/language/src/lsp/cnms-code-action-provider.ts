import type { LangiumDocument, MaybePromise } from 'langium';
import { CstUtils } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeActionParams } from 'vscode-languageserver-protocol';
import type { CodeAction, Command, Diagnostic, Position } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { AstNode } from 'langium';
import type { CnmsLspServices } from './cnms-lsp-module.js';

/** A property that a quick fix inserts, with a placeholder value that the rules then ask to be made real. */
interface MissingProperty {
    readonly text: (document: LangiumDocument) => string;
}

/** Diagnostic (rule and message key) → the property that fixes it. */
const MISSING_PROPERTIES: Readonly<Record<string, MissingProperty>> = {
    'CN-6.2-001/missing': { text: () => `period ${new Date().getUTCFullYear() - 1}` },
    'CN-6.2-002/missing': { text: () => 'category 1' },
    'CN-6.2-003/missingFactor': { text: () => 'factor 0 tCO2/MWh' },
    'CN-6.2-003/missingActivity': { text: () => 'activity 0 MWh' },
    'CN-6.2-003/neither': { text: () => 'emissions 0 tCO2e' },
    'CN-4.3-004/missingShare': { text: () => 'share 100 %' },
    'CN-6.2-010/noFactor': { text: () => 'factor 0 tCO2/MWh' }
};

/**
 * Quick fixes for the language-level rules: an unknown unit or name becomes
 * the nearest known one; a missing required property is inserted in the
 * declaration's block with a placeholder value.
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
            const missing = data?.rule && data.key ? MISSING_PROPERTIES[`${data.rule}/${data.key}`] : undefined;
            if (missing) {
                const insertion = this.insertionPoint(document, diagnostic.range.start);
                if (insertion) {
                    const text = missing.text(document);
                    actions.push(this.action(this.services.I18n.text('fix.add', { text }), document, diagnostic, [{ range: { start: insertion.position, end: insertion.position }, newText: `\n${insertion.indent}${text}` }]));
                }
            }
        }
        return actions;
    }

    private action(title: string, document: LangiumDocument, diagnostic: Diagnostic, edits: Array<{ range: Diagnostic['range']; newText: string }>): CodeAction {
        return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [document.uri.toString()]: edits } } };
    }

    /** After the `{` of the declaration at `position`, indented like its first property (or one level in). */
    private insertionPoint(document: LangiumDocument, position: Position): { position: Position; indent: string } | undefined {
        const root = document.parseResult.value;
        const offset = document.textDocument.offsetAt(position);
        const leaf = root.$cstNode ? CstUtils.findLeafNodeAtOffset(root.$cstNode, offset) : undefined;
        let node: AstNode | undefined = leaf?.astNode;
        while (node && node.$container && node.$container !== root && node.$container.$type !== 'Library') node = node.$container;
        const brace = node?.$cstNode ? [...CstUtils.streamCst(node.$cstNode)].find(c => c.astNode === node && c.text === '{') : undefined;
        if (!node || !brace) return undefined;
        const line = document.textDocument.getText({ start: { line: brace.range.start.line, character: 0 }, end: brace.range.start }).match(/^\s*/)?.[0] ?? '';
        return { position: brace.range.end, indent: `${line}    ` };
    }
}
