// Generates the TextMate grammar of the VS Code extension
// (packages/vscode/syntaxes/cnms.tmLanguage.json) from grammar/cnms.langium,
// the only definition of the syntax. The keywords are read from the parsed
// Langium grammar and sorted into declarations, properties and enum values by
// where they stand in it; the terminals ID, NUMBER and DATE give the regular
// expressions. The gases and their mass prefixes (`tCO2`, `kgCH4`) come from
// the built-in library (gases.cnms) and semantics/gas-units.ts.
//
//   node scripts/generate-textmate.mjs           write the file
//   node scripts/generate-textmate.mjs --check   fail when the committed file is stale
//
// Langium 4.4 needs Object.groupBy (Node 21+), so the polyfill comes first.
import 'object.groupby/auto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { createLangiumGrammarServices } from 'langium/grammar';

const root = new URL('..', import.meta.url).pathname;
const GRAMMAR = join(root, 'grammar/cnms.langium');
const GASES = join(root, 'packages/language/src/builtins/gases.cnms');
const GAS_UNITS = join(root, 'packages/language/src/semantics/gas-units.ts');
const TARGET = join(root, 'packages/vscode/syntaxes/cnms.tmLanguage.json');
const TARGET_NAME = 'packages/vscode/syntaxes/cnms.tmLanguage.json';

// ---------------------------------------------------------------------------
// Read the grammar

async function parseGrammar() {
    const { grammar } = createLangiumGrammarServices(EmptyFileSystem);
    const document = grammar.shared.workspace.LangiumDocumentFactory.fromString(readFileSync(GRAMMAR, 'utf8'), URI.file(GRAMMAR));
    await grammar.shared.workspace.DocumentBuilder.build([document]);
    const { parserErrors, lexerErrors } = document.parseResult;
    if (parserErrors.length > 0 || lexerErrors.length > 0) {
        throw new Error(`grammar/cnms.langium does not parse: ${[...lexerErrors, ...parserErrors].map(e => e.message).join('; ')}`);
    }
    return document.parseResult.value;
}

const isWord = keyword => /^[A-Za-z]/.test(keyword);

/** Every node below `node` (inclusive), following the shapes of Langium's grammar AST. */
function* walk(node) {
    if (!node) return;
    yield node;
    if (node.elements) for (const element of node.elements) yield* walk(element);
    if (node.terminal) yield* walk(node.terminal);
}

/** Sorts the grammar's keywords by the part they play. */
function classifyKeywords(grammar) {
    const parserRules = grammar.rules.filter(rule => rule.$type === 'ParserRule');
    const all = new Set();
    for (const rule of parserRules) for (const node of walk(rule.definition)) if (node.$type === 'Keyword') all.add(node.value);

    // The rules of names (`Name` and those it calls) list keywords a name may be, not values
    const nameRules = new Set();
    const addNameRule = rule => {
        if (!rule || nameRules.has(rule)) return;
        nameRules.add(rule);
        for (const node of walk(rule.definition)) if (node.$type === 'RuleCall') addNameRule(node.rule.ref);
    };
    addNameRule(parserRules.find(rule => rule.name === 'Name'));
    // Data-type rules made of word keywords only are enumerations: `Consolidation`, `YesNo` …
    const enumRules = new Map();
    for (const rule of parserRules.filter(rule => rule.dataType && !nameRules.has(rule))) {
        const nodes = [...walk(rule.definition)];
        const keywords = nodes.filter(node => node.$type === 'Keyword').map(node => node.value);
        const onlyKeywords = nodes.every(node => node.$type === 'Keyword' || node.$type === 'Alternatives');
        if (keywords.length > 0 && onlyKeywords && keywords.every(isWord)) enumRules.set(rule, keywords);
    }
    /** The enum values an assignment takes, if it takes keywords. */
    const valuesOf = assignment => {
        const terminal = assignment.terminal;
        if (terminal.$type === 'RuleCall' && enumRules.has(terminal.rule.ref)) return enumRules.get(terminal.rule.ref);
        if (terminal.$type === 'Keyword' || terminal.$type === 'Alternatives') {
            const nodes = [...walk(terminal)];
            const keywords = nodes.filter(n => n.$type === 'Keyword').map(n => n.value);
            if (nodes.every(node => node.$type === 'Keyword' || node.$type === 'Alternatives') && keywords.every(isWord)) return keywords;
        }
        return [];
    };

    const declarations = new Set();
    const properties = new Set();
    const enumValues = new Set([...enumRules.values()].flat());
    /** property keyword → the enum values that may follow it. */
    const pairs = new Map();
    /** keyword → whether every place it stands is before a reference, a number or a date (`at status`, `in 2024`). */
    const beforeReference = new Map();
    for (const rule of parserRules.filter(rule => !rule.dataType)) {
        for (const node of walk(rule.definition)) {
            if (node.$type === 'Keyword' && isWord(node.value)) {
                const group = node.$container?.$type === 'Group' ? node.$container : undefined;
                const next = group?.elements[group.elements.indexOf(node) + 1];
                const terminal = next?.$type === 'Assignment' ? next.terminal : undefined;
                const reference = terminal?.$type === 'CrossReference';
                const noWord = terminal?.$type === 'RuleCall' && ['NumberText', 'DATE', 'NUMBER', 'STRING'].includes(terminal.rule.ref?.name);
                const before = beforeReference.get(node.value) ?? { reference: false, other: false };
                beforeReference.set(node.value, { reference: before.reference || reference, other: before.other || !(reference || noWord) });
            }
            if (node.$type === 'Group') {
                node.elements.forEach((element, i) => {
                    const next = node.elements[i + 1];
                    if (element.$type !== 'Keyword' || !isWord(element.value) || next?.$type !== 'Assignment') return;
                    if (node === rule.definition && i === 0 && next.feature === 'name') {
                        declarations.add(element.value);
                        return;
                    }
                    properties.add(element.value);
                    const values = valuesOf(next);
                    if (values.length > 0) pairs.set(element.value, new Set([...(pairs.get(element.value) ?? []), ...values]));
                });
            }
            if (node.$type === 'Assignment') {
                if (node.operator === '?=' && node.terminal.$type === 'Keyword') properties.add(node.terminal.value);
                else for (const value of valuesOf(node)) enumValues.add(value);
            }
        }
    }
    const words = [...all].filter(isWord);
    const others = words.filter(word => !declarations.has(word) && !properties.has(word) && !enumValues.has(word));
    const symbols = [...all].filter(keyword => !isWord(keyword));
    const references = [...beforeReference].filter(([, place]) => place.reference && !place.other).map(([keyword]) => keyword);
    return { words, declarations, properties, enumValues, pairs, references, others, symbols };
}

/** The regular expression of a terminal rule, as written in the grammar (without the slashes). */
function terminalRegex(grammar, name) {
    const rule = grammar.rules.find(rule => rule.$type === 'TerminalRule' && rule.name === name);
    if (rule?.definition.$type !== 'RegexToken') throw new Error(`terminal ${name} is not a regular expression any more`);
    return rule.definition.regex.replace(/^\/|\/$/g, '');
}

/** JavaScript regex source to Oniguruma: `\uXXXX` becomes `\x{XXXX}`, groups become non-capturing. */
function toOniguruma(source) {
    return source.replace(/\\u([0-9A-Fa-f]{4})/g, '\\x{$1}').replace(/\((?!\?)/g, '(?:');
}

// ---------------------------------------------------------------------------
// Read the library's gases

function gasMasses() {
    const gases = [...readFileSync(GASES, 'utf8').matchAll(/^gas\s+([A-Za-z_][A-Za-z0-9_]*)/gm)].map(match => match[1]);
    const prefixes = /GAS_MASS_PREFIXES\s*=\s*\[([^\]]*)\]/.exec(readFileSync(GAS_UNITS, 'utf8'))?.[1]
        ?.split(',').map(item => item.trim().replace(/^['"]|['"]$/g, '')).filter(Boolean);
    if (gases.length === 0 || !prefixes?.length) throw new Error('no gases in gases.cnms or no GAS_MASS_PREFIXES in gas-units.ts');
    return { gases, prefixes };
}

// ---------------------------------------------------------------------------
// Write the TextMate grammar

const escape = text => text.replace(/[.*+?^${}()|[\]\\\-]/g, '\\$&');
/** An alternation, longest first, so that `base-year` wins over `base`. */
const alternation = items => [...new Set(items)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).map(escape).join('|');

function textMate(grammar) {
    const k = classifyKeywords(grammar);
    const handledSymbols = ['{', '}', '(', ')', ',', '.', '..', '=', '+', '-', '*', '/', '^', '%'];
    const unhandled = k.symbols.filter(symbol => !handledSymbols.includes(symbol));
    if (unhandled.length > 0) throw new Error(`symbols without a TextMate pattern: ${unhandled.join(' ')} (add them to scripts/generate-textmate.mjs)`);

    const idRegex = terminalRegex(grammar, 'ID');
    const classes = /^\[(.+?)\]\[(.+?)\]\*$/.exec(idRegex);
    if (!classes) throw new Error(`terminal ID is no longer of the form [start][part]*: ${idRegex}`);
    const idStart = toOniguruma(classes[1]);
    const idPart = toOniguruma(classes[2]);
    const ID = `[${idStart}][${idPart}]*`;
    const notAfter = `(?<![${idPart}\\-])`;
    const notBefore = `(?![${idPart}\\-])`;
    const NUMBER = toOniguruma(terminalRegex(grammar, 'NUMBER'));
    const DATE = toOniguruma(terminalRegex(grammar, 'DATE'));
    const { gases, prefixes } = gasMasses();
    const GAS_MASS = `(?:${alternation(prefixes)})(?:${alternation(gases)})`;
    const KEYWORD = `(?:${alternation(k.words)})${notBefore}`;
    const word = items => `${notAfter}(?:${alternation(items)})${notBefore}`;

    const enumOnly = [...k.enumValues].filter(value => !k.properties.has(value));
    const pairPatterns = [...k.pairs.keys()].sort().map(property => ({
        match: `${notAfter}(${escape(property)})\\s+(${alternation([...k.pairs.get(property)])})${notBefore}`,
        captures: { 1: { name: 'keyword.other.property.cnms' }, 2: { name: 'constant.language.cnms' } }
    }));

    // a word after a keyword that only ever comes before a reference is a name, keyword or not: `at status`, `owner owner`
    const referencePatterns = [...k.references].sort().map(keyword => ({
        match: `${notAfter}(${escape(keyword)})${notBefore}\\s+(${ID})${notBefore}`,
        captures: { 1: { name: k.properties.has(keyword) ? 'keyword.other.property.cnms' : 'keyword.other.cnms' }, 2: { name: 'variable.other.cnms' } }
    }));

    return {
        $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
        information_for_contributors: [
            'Generated by scripts/generate-textmate.mjs from grammar/cnms.langium, the built-in gases and their mass prefixes.',
            'Do not edit: change the grammar or the script and run `node scripts/generate-textmate.mjs`.'
        ],
        name: 'CNMS',
        scopeName: 'source.cnms',
        fileTypes: ['cnms'],
        patterns: [
            { include: '#comments' },
            { include: '#library' },
            { include: '#declaration' },
            { include: '#block' },
            { include: '#keywords' },
            { include: '#values' }
        ],
        repository: {
            comments: {
                patterns: [
                    {
                        name: 'comment.block.cnms',
                        begin: '/\\*',
                        end: '\\*/',
                        captures: { 0: { name: 'punctuation.definition.comment.cnms' } }
                    },
                    {
                        name: 'comment.line.double-slash.cnms',
                        begin: '//',
                        end: '$',
                        beginCaptures: { 0: { name: 'punctuation.definition.comment.cnms' } }
                    }
                ]
            },
            library: {
                comment: 'A library holds declarations: its body reads like a file.',
                begin: `${notAfter}(library)${notBefore}(?:\\s+(${ID}))?`,
                beginCaptures: { 1: { name: 'keyword.other.declaration.cnms' }, 2: { name: 'entity.name.type.cnms' } },
                end: '(?<=\\})',
                patterns: [
                    { include: '#comments' },
                    { include: '#string' },
                    {
                        name: 'meta.block.library.cnms',
                        begin: '\\{',
                        end: '\\}',
                        beginCaptures: { 0: { name: 'punctuation.section.block.begin.cnms' } },
                        endCaptures: { 0: { name: 'punctuation.section.block.end.cnms' } },
                        patterns: [{ include: '$self' }]
                    }
                ]
            },
            declaration: {
                comment: 'A declaration keyword outside a block, with the name it declares.',
                match: `${notAfter}(${alternation([...k.declarations].filter(d => d !== 'library'))})${notBefore}(?:\\s+(${ID}|%))?`,
                captures: { 1: { name: 'keyword.other.declaration.cnms' }, 2: { name: 'entity.name.type.cnms' } }
            },
            block: {
                comment: 'The properties of a declaration: every statement starts with a keyword.',
                name: 'meta.block.cnms',
                begin: '\\{',
                end: '\\}',
                beginCaptures: { 0: { name: 'punctuation.section.block.begin.cnms' } },
                endCaptures: { 0: { name: 'punctuation.section.block.end.cnms' } },
                patterns: [
                    { include: '#comments' },
                    { include: '#block' },
                    { include: '#keywords' },
                    { include: '#values' }
                ]
            },
            keywords: {
                patterns: [
                    ...pairPatterns,
                    ...referencePatterns,
                    { name: 'keyword.other.property.cnms', match: word([...k.properties]) },
                    { name: 'constant.language.cnms', match: word(enumOnly) },
                    ...(k.others.length > 0 ? [{ name: 'keyword.other.cnms', match: word(k.others) }] : [])
                ]
            },
            values: {
                patterns: [
                    { include: '#comments' },
                    { include: '#string' },
                    { name: 'constant.numeric.date.cnms', match: `(?<![${idPart}])${DATE}(?![${idPart}])` },
                    { include: '#quantity' },
                    { name: 'support.type.gas.cnms', match: `(?<![${idPart}])${GAS_MASS}(?![${idPart}])` },
                    { name: 'keyword.operator.range.cnms', match: '\\.\\.' },
                    { name: 'punctuation.accessor.cnms', match: '\\.' },
                    { name: 'keyword.operator.arithmetic.cnms', match: '[-+*/^]' },
                    { name: 'keyword.operator.assignment.cnms', match: '=' },
                    { name: 'punctuation.separator.comma.cnms', match: ',' },
                    { name: 'punctuation.section.parens.begin.cnms', match: '\\(' },
                    { name: 'punctuation.section.parens.end.cnms', match: '\\)' },
                    { name: 'support.type.unit.cnms', match: '%' },
                    { name: 'variable.other.cnms', match: ID }
                ]
            },
            quantity: {
                comment: 'A number, and the unit right after it (a keyword is never a unit); a unit dividing that unit is a unit too: 0.5703 tCO2/MWh.',
                match: `(?<![${idPart}])(${NUMBER})` +
                    `(?:\\s*(?:(${GAS_MASS})(?![${idPart}])|(%)|(?!${KEYWORD})(${ID}))` +
                    `(?:\\s*(/)\\s*(?:(${GAS_MASS})(?![${idPart}])|(?!${KEYWORD})(${ID})))?)?`,
                captures: {
                    1: { name: 'constant.numeric.cnms' },
                    2: { name: 'support.type.gas.cnms' },
                    3: { name: 'support.type.unit.cnms' },
                    4: { name: 'support.type.unit.cnms' },
                    5: { name: 'keyword.operator.arithmetic.cnms' },
                    6: { name: 'support.type.gas.cnms' },
                    7: { name: 'support.type.unit.cnms' }
                }
            },
            string: {
                name: 'string.quoted.double.cnms',
                begin: '"',
                end: '"|$',
                beginCaptures: { 0: { name: 'punctuation.definition.string.begin.cnms' } },
                endCaptures: { 0: { name: 'punctuation.definition.string.end.cnms' } },
                patterns: [
                    { name: 'constant.character.escape.cnms', match: '\\\\["\\\\]' },
                    { name: 'invalid.illegal.escape.cnms', match: '\\\\.' }
                ]
            }
        }
    };
}

const grammar = await parseGrammar();
const text = `${JSON.stringify(textMate(grammar), null, 2)}\n`;
if (process.argv.includes('--check')) {
    let committed = '';
    try {
        committed = readFileSync(TARGET, 'utf8');
    } catch {
        // missing counts as stale
    }
    if (committed !== text) {
        console.error(`${TARGET_NAME} is stale: run \`node scripts/generate-textmate.mjs\` and commit it`);
        process.exit(1);
    }
    console.log('TextMate grammar is fresh');
} else {
    writeFileSync(TARGET, text);
    console.log(`wrote ${TARGET_NAME}`);
}
