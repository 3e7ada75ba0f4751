import { AstUtils, GrammarAST } from 'langium';
import { CnmsGrammar } from '../generated/grammar.js';

/*
 * Keywords as names (grammar/cnms.langium, rules `Name` and `ValueName`;
 * docs/language-notes.md): a declaration may be named with any word, the
 * language's keywords included, except that a name an expression refers to
 * leaves out the keywords that start a statement inside a block (`activity`,
 * `status` …) and `monthly`, which starts a value.
 */

/** The keywords a rule of the grammar takes (`Name`: `good`, `status` …), through the data-type rules it calls. */
export function nameKeywords(rule = 'Name'): ReadonlySet<string> {
    let keywords = memo.get(rule);
    if (!keywords) memo.set(rule, (keywords = keywordsOf(CnmsGrammar(), rule)));
    return keywords;
}

const memo = new Map<string, ReadonlySet<string>>();

/** After these tokens an operand or a further name comes (`2 * process`, `lib.good`, `covers good, of`): a keyword there is a name. */
export const BEFORE_NAME: ReadonlySet<string> = new Set(['=', '(', '+', '-', '*', '/', '.', ',']);

/**
 * Whether a word the language's lexer reads as one token of type `tokenType`
 * (`ID`, or the keyword itself) may name a declaration of AST type `type`:
 * what the rule its `name=` calls takes.
 */
export function acceptsName(type: string, tokenType: string): boolean {
    const declaration = CnmsGrammar().rules.find(rule => GrammarAST.isParserRule(rule) && rule.name === type);
    if (!GrammarAST.isParserRule(declaration)) return false;
    const assignment = GrammarAST.isGroup(declaration.definition) ? declaration.definition.elements.find(e => GrammarAST.isAssignment(e) && e.feature === 'name') : undefined;
    const called = GrammarAST.isAssignment(assignment) && GrammarAST.isRuleCall(assignment.terminal) ? assignment.terminal.rule.ref : undefined;
    if (GrammarAST.isTerminalRule(called)) return called.name === tokenType;
    if (!GrammarAST.isParserRule(called)) return false;
    return tokenType === 'ID' ? callsId(called) : nameKeywords(called.name).has(tokenType);
}

/** Whether a data-type rule starts with a plain ID (`Name`, `UnitName`, `QualifiedName`). */
function callsId(rule: GrammarAST.ParserRule): boolean {
    const first = (element: GrammarAST.AbstractElement): GrammarAST.AbstractElement => (GrammarAST.isGroup(element) ? element.elements[0] : element);
    const definition = first(rule.definition);
    const elements = GrammarAST.isAlternatives(definition) ? definition.elements.map(first) : [definition];
    return elements.some(e => GrammarAST.isRuleCall(e) && (e.rule.ref?.name === 'ID' || (GrammarAST.isParserRule(e.rule.ref) && callsId(e.rule.ref))));
}

/** The keywords a parser rule takes, through the data-type rules it calls. */
function keywordsOf(grammar: GrammarAST.Grammar, ruleName: string): Set<string> {
    const keywords = new Set<string>();
    const visited = new Set<GrammarAST.AbstractRule>();
    const visit = (element: GrammarAST.AbstractElement | undefined): void => {
        if (!element) return;
        if (GrammarAST.isKeyword(element)) keywords.add(element.value);
        else if (GrammarAST.isAlternatives(element) || GrammarAST.isGroup(element)) element.elements.forEach(visit);
        else if (GrammarAST.isRuleCall(element)) {
            const called = element.rule.ref;
            if (GrammarAST.isParserRule(called) && !visited.has(called)) {
                visited.add(called);
                visit(called.definition);
            }
        }
    };
    const rule = grammar.rules.find(candidate => GrammarAST.isParserRule(candidate) && candidate.name === ruleName);
    if (!GrammarAST.isParserRule(rule)) throw new Error(`grammar/cnms.langium has no rule ${ruleName}`);
    visited.add(rule);
    visit(rule.definition);
    return keywords;
}

/**
 * The keywords the grammar writes right before a name, a reference or an
 * expression (`site`, `at`, `factor`, `activity` …): a keyword right after
 * one of them is a name (`at status`, `factor process`).
 */
export function keywordsBeforeNames(): ReadonlySet<string> {
    if (beforeNames) return beforeNames;
    const keywords = new Set<string>();
    for (const rule of CnmsGrammar().rules) {
        if (!GrammarAST.isParserRule(rule) || rule.dataType) continue;
        for (const node of AstUtils.streamAllContents(rule)) {
            if (!GrammarAST.isGroup(node)) continue;
            node.elements.forEach((element, i) => {
                const next = node.elements[i + 1];
                if (GrammarAST.isKeyword(element) && GrammarAST.isAssignment(next) && takesName(next.terminal)) keywords.add(element.value);
            });
        }
    }
    return (beforeNames = keywords);
}

let beforeNames: ReadonlySet<string> | undefined;

/** Whether what an assignment takes may be written with a name: a reference, a name, an expression. */
function takesName(terminal: GrammarAST.AbstractElement): boolean {
    if (GrammarAST.isCrossReference(terminal)) return true;
    if (!GrammarAST.isRuleCall(terminal) || !GrammarAST.isParserRule(terminal.rule.ref)) return false;
    const rule = terminal.rule.ref;
    return !rule.dataType || callsId(rule);
}
