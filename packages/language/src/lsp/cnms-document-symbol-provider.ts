import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider, DefaultNodeKindProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { isManagementElement } from '../generated/ast.js';
import type { TextId } from '../i18n/messages.js';
import type { CnmsLspServices } from './cnms-lsp-module.js';

/** The outline's kind of each declaration: its icon, and the group it falls in. */
const KINDS: Record<string, { kind: SymbolKind; group: TextId }> = {
    Organization: { kind: SymbolKind.Namespace, group: 'outline.organization' },
    Site: { kind: SymbolKind.Module, group: 'outline.sites' },
    Source: { kind: SymbolKind.Event, group: 'outline.sources' },
    Removal: { kind: SymbolKind.Event, group: 'outline.removals' },
    Offset: { kind: SymbolKind.Object, group: 'outline.offsets' },
    Instrument: { kind: SymbolKind.Key, group: 'outline.instruments' },
    Factor: { kind: SymbolKind.Constant, group: 'outline.factors' },
    Let: { kind: SymbolKind.Variable, group: 'outline.lets' },
    Output: { kind: SymbolKind.Number, group: 'outline.outputs' },
    Dataset: { kind: SymbolKind.Array, group: 'outline.datasets' },
    Target: { kind: SymbolKind.Boolean, group: 'outline.targets' },
    Plan: { kind: SymbolKind.Array, group: 'outline.plans' },
    Reduction: { kind: SymbolKind.Operator, group: 'outline.reductions' },
    Claim: { kind: SymbolKind.String, group: 'outline.claims' },
    UnitDecl: { kind: SymbolKind.TypeParameter, group: 'outline.units' },
    GasDecl: { kind: SymbolKind.EnumMember, group: 'outline.gases' },
    GwpSet: { kind: SymbolKind.Enum, group: 'outline.gwpSets' },
    DimensionDecl: { kind: SymbolKind.Interface, group: 'outline.dimensions' },
    Library: { kind: SymbolKind.Package, group: 'outline.libraries' }
};
const MANAGEMENT = { kind: SymbolKind.Class, group: 'outline.management' as TextId };

function kindOf(node: AstNode): { kind: SymbolKind; group: TextId } | undefined {
    return KINDS[node.$type] ?? (isManagementElement(node) ? MANAGEMENT : undefined);
}

/** Symbol kinds for the outline, the breadcrumbs and workspace symbols (completion keeps Langium's kinds). */
export class CnmsNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode): SymbolKind {
        return kindOf(node)?.kind ?? super.getSymbolKind(node);
    }
}

/** How many declarations of one kind a file needs before the outline gathers them under a heading. */
const GROUP_FROM = 3;

/**
 * The outline of a CNMS file: each declaration with the icon of its kind and
 * its title as detail; in a file that declares several kinds, the kinds with
 * several declarations are gathered under a heading (`Sources (12)`), in the
 * order they first appear.
 */
export class CnmsDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    constructor(private readonly cnms: CnmsLspServices) {
        super(cnms);
    }

    override getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const symbols = super.getSymbol(document, document.parseResult.value);
        const groups = new Map<TextId, DocumentSymbol[]>();
        for (const symbol of symbols) {
            const group = (symbol as GroupedSymbol).group;
            if (!group) continue;
            groups.set(group, [...(groups.get(group) ?? []), symbol]);
        }
        if (groups.size < 2) return symbols.map(plain);
        const out: DocumentSymbol[] = [];
        const placed = new Set<TextId>();
        for (const symbol of symbols) {
            const group = (symbol as GroupedSymbol).group;
            const members = group ? groups.get(group)! : [symbol];
            if (!group || members.length < GROUP_FROM) {
                out.push(plain(symbol));
            } else if (!placed.has(group)) {
                placed.add(group);
                const first = members[0].range.start;
                const last = members[members.length - 1].range.end;
                out.push({
                    name: this.cnms.I18n.text('outline.group', { kind: this.cnms.I18n.text(group), count: members.length }),
                    kind: members[0].kind,
                    range: { start: first, end: last },
                    selectionRange: members[0].selectionRange,
                    children: members.map(plain)
                });
            }
        }
        return out;
    }

    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol: GroupedSymbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const title = (astNode as { title?: unknown }).title;
        if (typeof title === 'string' && title.trim() !== '') symbol.detail = title;
        const kind = kindOf(astNode);
        if (kind && astNode.$container === document.parseResult.value) symbol.group = kind.group;
        return symbol;
    }
}

type GroupedSymbol = DocumentSymbol & { group?: TextId };

/** A symbol as the protocol sends it: without the group it was sorted by. */
function plain(symbol: DocumentSymbol): DocumentSymbol {
    const rest: GroupedSymbol = { ...symbol };
    delete rest.group;
    return rest;
}
