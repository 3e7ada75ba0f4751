import type { LangiumDocument } from 'langium';
import { AstUtils, CstUtils, isNamed } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import type { RenameParams, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import type { CnmsLspServices } from './cnms-lsp-module.js';
import { TEXTS, type TextId } from '../i18n/messages.js';
import { acceptsName, nameKeywords } from '../syntax/name-keywords.js';

/** Kinds whose names an expression can use share one namespace (see docs/language-notes.md). */
const VALUE_KINDS = new Set(['UnitDecl', 'Let', 'Factor', 'Output', 'Source']);

/**
 * Renames a declaration and every reference to it across the model, and
 * refuses a new name that is not a name or that another declaration of the
 * same namespace in the model already has.
 */
export class CnmsRenameProvider extends DefaultRenameProvider {
    constructor(private readonly cnms: CnmsLspServices) {
        super(cnms);
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const i18n = this.cnms.I18n;
        const newName = params.newName;
        const root = document.parseResult.value;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = root.$cstNode ? CstUtils.findDeclarationNodeAtOffset(root.$cstNode, offset, this.grammarConfig.nameRegexp) : undefined;
        const target = leaf ? this.references.findDeclarations(leaf)[0] : undefined;
        // one word the declaration's name accepts: a keyword too (a site `status`), but not, for a value, `status` or `monthly`
        const lexed = this.cnms.parser.Lexer.tokenize(newName);
        const token = lexed.tokens.length === 1 ? lexed.tokens[0].tokenType.name : undefined;
        if (lexed.errors.length > 0 || token === undefined || (token !== 'ID' && !nameKeywords().has(token))) {
            throw new ResponseError(ErrorCodes.InvalidParams, i18n.text('rename.invalid', { name: newName }));
        }
        if (target && !acceptsName(target.$type, token)) {
            throw new ResponseError(ErrorCodes.InvalidParams, i18n.text('rename.reserved', { name: newName, kind: this.kindOf(target.$type) }));
        }
        if (target) {
            const model = this.cnms.references.Models.modelOfNode(target);
            const clash = this.cnms.references.Models.elementsOf(model).find(
                element => element !== target && isNamed(element) && element.name === newName && (element.$type === target.$type || (VALUE_KINDS.has(element.$type) && VALUE_KINDS.has(target.$type)))
            );
            if (clash) {
                const doc = AstUtils.getDocument(clash);
                const where = `${doc.uri.path.split('/').pop()}:${(clash.$cstNode?.range.start.line ?? 0) + 1}`;
                throw new ResponseError(ErrorCodes.InvalidParams, i18n.text('rename.clash', { name: newName, kind: this.kindOf(clash.$type), where }));
            }
        }
        return super.rename(document, params);
    }

    private kindOf(type: string): string {
        return TEXTS[`kind.${type}` as TextId]?.[this.cnms.I18n.locale] ?? type;
    }
}
