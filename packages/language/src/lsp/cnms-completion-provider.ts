import type { AstNode, AstNodeDescription, GrammarAST, LangiumDocument, LexerResult, MaybePromise, ReferenceInfo, Stream } from 'langium';
import { AstUtils, GrammarAST as Grammar, stream } from 'langium';
import type { CompletionAcceptor, CompletionContext, CompletionValueItem, NextFeature } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import type { CancellationToken, CompletionList, CompletionParams } from 'vscode-languageserver-protocol';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import type { Factor, Source } from '../generated/ast.js';
import { isFactor, isGasDecl, isLet, isOutput, isSite, isSource, isUnitDecl } from '../generated/ast.js';
import { propertyHelp } from '../i18n/property-help.js';
import type { Dimension } from '../semantics/dimension.js';
import { BEFORE_NAME, keywordsBeforeNames, nameKeywords } from '../syntax/name-keywords.js';
import { propertyStartedBy } from '../syntax/property-keywords.js';
import type { CnmsLspServices } from './cnms-lsp-module.js';
import { DECLARATION_SNIPPETS } from './declaration-snippets.js';

/** Where the cursor stands, read from the tokens before it. */
interface Place {
    /** The text from the previous token to the cursor holds a line break: a new statement starts here. */
    readonly newLine: boolean;
    /** The previous token: its text and whether it is a number. */
    readonly previous: string | undefined;
    readonly afterNumber: boolean;
    /** The keyword of the property whose value is being written (`factor`, `activity`), if any. */
    readonly property: string | undefined;
}

/** The mass prefixes offered for each gas after a number (`t` + `CO2` = `tCO2`). */
const GAS_MASS_PREFIXES = ['t', 'kg'];

/** Operators after which the unit of a value goes on (`0.5 tCO2/MWh`, `3 t*km`). */
const UNIT_OPERATORS = new Set(['/', '*']);

/**
 * Completion that knows where it is: on an empty line of a block, the
 * properties of the block not yet given (those its snippet holds first), each
 * with one line of help; after a number, units; in a name position, names of
 * the kind expected, ranked by fit (after `factor`, the factors per the
 * activity's unit first), each with its title, value as written, source and
 * year; a snippet for every declaration only where a declaration may start.
 */
export class CnmsCompletionProvider extends DefaultCompletionProvider {
    /**
     * Off when the client brings the same snippets itself, so that none is
     * offered twice.
     */
    snippets = true;

    constructor(private readonly cnms: CnmsLspServices) {
        super(cnms);
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const list = await super.getCompletion(document, params, cancelToken);
        if (!list) return list;
        const atDeclaration = list.items.some(item => item.label === 'organization' && item.kind === CompletionItemKind.Keyword);
        if (atDeclaration && this.snippets) {
            for (const [name, snippet] of Object.entries(DECLARATION_SNIPPETS)) {
                list.items.push({
                    label: `${name} …`,
                    filterText: snippet.prefix,
                    kind: CompletionItemKind.Snippet,
                    detail: snippet.description,
                    insertText: snippet.body.join('\n'),
                    insertTextFormat: InsertTextFormat.Snippet,
                    sortText: `0_${name}`
                });
            }
        }
        return list;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const place = this.placeOf(context);
        if (Grammar.isKeyword(next.feature)) return this.keywordCompletion(context, next.feature, place, acceptor);
        if (Grammar.isCrossReference(next.feature)) {
            // a new line starts a statement, never the rest of an expression; a unit follows a number
            const assignment = AstUtils.getContainerOfType(next.feature, Grammar.isAssignment);
            const inExpression = assignment?.feature === 'unit' || assignment?.feature === 'target';
            if (inExpression && place.newLine) return;
            if (assignment?.feature === 'unit' && !place.afterNumber && place.previous !== ')') return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /** A block's property keyword only where a statement may start and only once; other keywords only on the statement's own line. */
    private keywordCompletion(context: CompletionContext, keyword: GrammarAST.Keyword, place: Place, acceptor: CompletionAcceptor): void {
        if (!this.filterKeyword(context, keyword)) return;
        const property = propertyStartedBy(keyword);
        const rule = AstUtils.getContainerOfType(keyword, Grammar.isParserRule);
        if (!property || !rule) {
            const startsDeclaration = rule !== undefined && Grammar.isGroup(rule.definition) && rule.definition.elements[0] === keyword;
            if (place.newLine && !startsDeclaration && place.previous !== undefined && place.previous !== '}') return;
            const snippet = startsDeclaration ? Object.values(DECLARATION_SNIPPETS).find(s => s.prefix === keyword.value) : undefined;
            acceptor(context, { label: keyword.value, kind: CompletionItemKind.Keyword, detail: snippet?.description, sortText: '2' });
            return;
        }
        const block = context.node ? AstUtils.getContainerOfType(context.node, (node): node is AstNode => node.$type === rule.name) : undefined;
        // a property given already is not offered again, unless the cursor is on its own keyword
        const text = context.textDocument.getText();
        const atCursor = text.slice(context.tokenOffset, context.offset) + /^[\w-]*/.exec(text.slice(context.offset))![0];
        if (block && !property.repeatable && atCursor !== keyword.value && isSet((block as unknown as Record<string, unknown>)[property.name])) return;
        const expected = expectedProperties(rule);
        const rank = expected.indexOf(keyword.value);
        const help = propertyHelp(rule.name, keyword.value);
        acceptor(context, {
            label: keyword.value,
            kind: CompletionItemKind.Property,
            detail: help ? help[this.cnms.I18n.locale] : undefined,
            sortText: rank >= 0 ? `0_${String(rank).padStart(2, '0')}` : `1_${keyword.value}`
        });
    }

    /**
     * Names of the kind the position expects, ranked by fit, and only those
     * that match what is typed of the name: Langium would make a full item
     * (title, value, documentation) of each of a group's 10,000 names and then
     * drop those that do not match.
     */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const typed = context.textDocument.getText().substring(context.tokenOffset, context.offset);
        const candidates = this.candidatesOfKind(refInfo, context);
        return typed === '' ? candidates : candidates.filter(description => this.fuzzyMatcher.match(typed, description.name));
    }

    private candidatesOfKind(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const all = super.getReferenceCandidates(refInfo, context);
        if (refInfo.property === 'unit') return this.unitCandidates(all);
        if (refInfo.property !== 'target') return all;
        const place = this.placeOf(context);
        const names = all.filter(d => d.type !== 'UnitDecl' && d.type !== 'GasDecl');
        if (place.previous !== undefined && UNIT_OPERATORS.has(place.previous)) return stream([...this.unitCandidates(all), ...names]);
        if (place.property === 'factor') return all.filter(d => d.type === 'Factor' || d.type === 'Let');
        return names;
    }

    /** The declared units and, for every gas, its masses (`tCO2`, `kgCH4`). */
    private unitCandidates(all: Stream<AstNodeDescription>): Stream<AstNodeDescription> {
        const units = all.filter(d => d.type === 'UnitDecl').toArray();
        const masses = all
            .filter(d => d.type === 'GasDecl')
            .toArray()
            .flatMap(gas => GAS_MASS_PREFIXES.map(prefix => ({ ...gas, name: `${prefix}${gas.name}` })));
        return stream([...units, ...masses]);
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        const kind = this.cnms.I18n.text(`kind.${description.type}` as never);
        return {
            ...item,
            detail: node ? (this.describe(node, description.name) ?? kind) : kind,
            labelDetails: { description: kind },
            sortText: this.rank(description, refInfo, context)
        };
    }

    /** What a reader needs to choose a name: its title, its value as written, its source and year. */
    private describe(node: AstNode, name: string): string | undefined {
        const parts: string[] = [];
        const titled = node as AstNode & { title?: string };
        if (titled.title) parts.push(titled.title);
        if (isFactor(node)) {
            const written = node.values
                .map(v => v.$cstNode?.text)
                .filter(Boolean)
                .join(' · ');
            if (written) parts.push(written);
        } else if ((isLet(node) || isOutput(node) || isUnitDecl(node)) && node.value?.$cstNode) {
            parts.push(`= ${node.value.$cstNode.text}`);
        } else if (isGasDecl(node) && name !== node.name) {
            parts.push(this.cnms.I18n.text('dimension.massOf', { gas: node.name }));
        } else if (isSite(node) && node.location) {
            parts.push(node.location);
        }
        if ((isFactor(node) || isLet(node)) && (node.source || node.year)) {
            parts.push([node.source, node.year].filter(Boolean).join(', '));
        }
        return parts.length > 0 ? parts.join(' · ') : undefined;
    }

    /** Factors whose values are per the activity's dimension first, then other factors, then the rest by kind and name. */
    private rank(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): string {
        const node = description.node;
        // after a number its unit comes before any next statement; declared units before the masses of gases
        if (refInfo.property === 'unit') return `00_${description.type === 'UnitDecl' ? 0 : 1}_${description.name}`;
        if (refInfo.property === 'target' && this.placeOf(context).property === 'factor') {
            const activity = this.activityDimension(context);
            if (isFactor(node)) return `0_${activity && this.fits(node, activity) ? 0 : 1}_${ownFirst(description)}`;
            return `0_2_${ownFirst(description)}`;
        }
        // after `/` a unit is the likelier (`tCO2/MWh`), after `*` a named value (`Nm3 * ncv_ng`)
        const unitFirst = this.placeOf(context).previous === '/';
        const isUnit = description.type === 'UnitDecl' || description.type === 'GasDecl';
        const order = ['Let', 'Factor', 'Output', 'Source', 'UnitDecl', 'GasDecl'].indexOf(description.type);
        return `0_${isUnit === unitFirst ? 0 : 1}_${order < 0 ? 9 : order}_${ownFirst(description)}`;
    }

    /** The dimension of the activity of the source (or instrument) being written, when it can be computed. */
    private activityDimension(context: CompletionContext): Dimension | undefined {
        const source = context.node ? AstUtils.getContainerOfType<Source>(context.node, isSource) : undefined;
        return source ? this.cnms.semantics.Evaluator.evaluate(source.activity)?.dimension : undefined;
    }

    private fits(factor: Factor, activity: Dimension): boolean {
        const values = this.cnms.semantics.Evaluator.factorValues(factor);
        return values !== undefined && values.length > 0 && values.every(value => value.per.equals(activity));
    }

    /** The place of a completion context, read once from the tokens before it. */
    private placeOf(context: CompletionContext): Place {
        const cached = this.places.get(context);
        if (cached) return cached;
        const text = context.textDocument.getText();
        const tokens = this.lexer.tokenize(text.slice(0, context.tokenOffset)).tokens;
        const last = tokens[tokens.length - 1];
        const gap = last ? text.slice((last.endOffset ?? last.startOffset) + 1, context.tokenOffset) : '';
        let property: string | undefined;
        for (let i = tokens.length - 1; i >= 0; i--) {
            const image = tokens[i].image;
            if (/^[a-z][a-z0-9-]*$/.test(image) && tokens[i].tokenType.name !== 'ID' && !standsAsName(tokens, i)) {
                property = image;
                break;
            }
            if (image === '{' || image === '}' || image === '=') break;
        }
        const place: Place = {
            newLine: /[\r\n]/.test(gap),
            previous: last?.image,
            afterNumber: last?.tokenType.name === 'NUMBER',
            property
        };
        this.places.set(context, place);
        return place;
    }

    private readonly places = new WeakMap<CompletionContext, Place>();
}

/** Whether the keyword token at `index` is written as a name (`factor process`, `at status`), not as the keyword. */
function standsAsName(tokens: LexerResult['tokens'], index: number): boolean {
    const previous = tokens[index - 1]?.tokenType.name;
    return nameKeywords().has(tokens[index].tokenType.name) && previous !== undefined && (BEFORE_NAME.has(previous) || keywordsBeforeNames().has(previous));
}

/** A name's sort key that puts the model's own names before the library's qualified ones (`ipcc2006.…`). */
function ownFirst(description: AstNodeDescription): string {
    return `${description.name.includes('.') ? 1 : 0}_${description.name}`;
}

/** Whether a property of a block has a value. */
function isSet(value: unknown): boolean {
    return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false && value !== '';
}

/**
 * The properties a block is expected to have, in order: those of its
 * declaration's snippet (which holds what the rules require), the snippet
 * whose prefix is the declaration's keyword.
 */
function expectedProperties(rule: GrammarAST.ParserRule): string[] {
    const cached = EXPECTED.get(rule.name);
    if (cached) return cached;
    const first = Grammar.isGroup(rule.definition) ? rule.definition.elements[0] : undefined;
    const snippet = Grammar.isKeyword(first) ? Object.values(DECLARATION_SNIPPETS).find(s => s.prefix === first.value) : undefined;
    const properties = snippet
        ? snippet.body
              .slice(1)
              .map(line => /^\t([a-z][a-z0-9-]*)/.exec(line)?.[1])
              .filter((k): k is string => k !== undefined)
        : [];
    EXPECTED.set(rule.name, properties);
    return properties;
}

const EXPECTED = new Map<string, string[]>();
