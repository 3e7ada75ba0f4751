// Parsing only the declarations an edit touched (syntax/declaration-reparse.ts)
// gives the parse of the whole text: the same syntax tree, node for node, and
// the same concrete tree, leaf for leaf with its offset, line and column, over
// random edits of the examples and of a generated group model, each edit
// applied to the result of the edit before (as the language server chains them).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem, type AstNode, type CstNode, type LangiumParser } from 'langium';
import { describe, expect, test } from 'vitest';
import { createCnmsServices, reparseDeclarations } from '@cnms/language';
import { generateGroupModel } from '../scripts/generate-group-model.mjs';
import { seededRandom } from './helpers/seeded-random.js';
import { dump } from './helpers/parse-dump.js';
import { randomEdit } from './helpers/random-edit.js';

const REPO = new URL('..', import.meta.url).pathname;
const { Cnms } = createCnmsServices(EmptyFileSystem);
const parser: LangiumParser = Cnms.parser.LangiumParser;
const EDITS = Number.parseInt(process.env.CNMS_REPARSE_EDITS ?? '300', 10);

function cnmsFiles(dir: string): string[] {
    return readdirSync(dir)
        .flatMap(name => {
            const path = join(dir, name);
            return statSync(path).isDirectory() ? cnmsFiles(path) : name.endsWith('.cnms') ? [path] : [];
        })
        .sort();
}

/**
 * Applies random edits to `text`, each reparsed from the previous result, and
 * compares with the parse of the whole text. An edit that leaves a syntax
 * error is checked (it must not be reparsed in place) and then undone, as a
 * user goes on typing: the next edit starts from the last text without one.
 */
function checkEdits(label: string, text: string, seed: number, editsAtOnce = 1): { reparsed: number; whole: number } {
    const next = seededRandom(seed);
    let current = parser.parse(text);
    let now = text;
    let reparsed = 0;
    for (let i = 0; i < EDITS; i++) {
        // several edits at once: a later revision of the file, which differs in several places
        let after = now;
        for (let count = editsAtOnce === 1 ? 1 : 1 + Math.floor(next() * editsAtOnce); count > 0; count--) after = randomEdit(after, next);
        const whole = parser.parse(after);
        const spliced = reparseDeclarations(parser, current, after);
        if (spliced) {
            reparsed++;
            expect(dump(spliced), `${label}, edit ${i + 1} (seed ${seed})`).toEqual(dump(whole));
        }
        if (whole.lexerErrors.length > 0 || whole.parserErrors.length > 0) continue;
        current = spliced ?? whole;
        now = after;
    }
    return { reparsed, whole: EDITS - reparsed };
}

describe('parsing only the declarations an edit touched', () => {
    const files = ['steel', 'cement', 'electronics', 'glass'].flatMap(example => cnmsFiles(join(REPO, 'examples', example)));

    test.each(files.map(file => [file.slice(REPO.length)]))('%s: the same parse as the whole text, edit after edit', file => {
        const { reparsed } = checkEdits(file, readFileSync(join(REPO, file), 'utf8'), file.length * 7919);
        // most edits leave the file without a syntax error and are reparsed in place; a test that never takes the path proves nothing
        expect(reparsed).toBeGreaterThan(EDITS / 10);
    });

    test('a plant file of a generated group model: the same parse as the whole text', () => {
        const model = generateGroupModel({ sources: 60, files: 2, seed: 11 });
        const [path, text] = [...model.files].find(([name]) => name.startsWith('plants/'))!;
        const { reparsed } = checkEdits(path, text, 4242);
        expect(reparsed).toBeGreaterThan(EDITS / 10);
    });

    test('a model whose names are keywords (test/names.test.ts): the same parse as the whole text', () => {
        const text = [
            'organization at "Acme" {\n    period 2024\n}',
            'site status "Main works" {\n    control full\n}',
            'site in',
            'let full = 1_200 MWh',
            'factor process = 0.5703 tCO2/MWh',
            'output of = 2 * full',
            'source good "Grid power" at status {\n    category 2\n    activity full\n    factor process\n}',
            'source other at in {\n    category 1\n    activity 2 * full + of / 2\n    factor process * 3\n}',
            'role owner {\n    top-management\n}',
            'meter factor {\n    measures good, other\n}',
            'installation joint at status {\n    country "CN"\n}',
            'process none in joint {\n    sources good, other\n    good process {\n        quantity 1_000 t\n    }\n}',
            'let measured = full * 2',
            'process site in joint {\n    consumes 5 t of process\n    good none {\n        quantity 1 t\n    }\n}'
        ].join('\n');
        expect(parser.parse(text).parserErrors).toEqual([]);
        const { reparsed } = checkEdits('keyword names', text, 1313);
        expect(reparsed).toBeGreaterThan(EDITS / 10);
    });

    test('a text that differs in several places (a later revision): the same parse as the whole text', () => {
        // digits and names changed here and there, as between two commits; whole-file edits mixed in
        const model = generateGroupModel({ sources: 60, files: 2, seed: 12 });
        const [path, text] = [...model.files].find(([name]) => name.startsWith('plants/'))!;
        const { reparsed } = checkEdits(`${path}, several edits at once`, text, 5151, 6);
        expect(reparsed).toBeGreaterThan(EDITS / 10);
        const steel = join(REPO, 'examples/steel/organization.cnms');
        const { reparsed: examples } = checkEdits(`${steel}, several edits at once`, readFileSync(steel, 'utf8'), 9901, 4);
        expect(examples).toBeGreaterThan(EDITS / 20);
    });

    test('a text that differs in several places reads again only the declarations around each place', () => {
        const lines = Array.from({ length: 100 }, (_, i) => `let quantity_${i} = ${1000 + i} t`);
        const text = `${lines.join('\n')}\n`;
        const before = parser.parse(text);
        const old = [...(before.value as unknown as { elements: AstNode[] }).elements];
        // every 10th declaration changed, as in the diff benchmark (scripts/bench-diff.mjs); one gains a line
        const changed = (i: number): string => (i === 50 ? `let quantity_${i} = ${1007 + i}\n t` : `let quantity_${i} = ${1007 + i} t`);
        const edited = `${lines.map((line, i) => (i % 10 === 0 ? changed(i) : line)).join('\n')}\n`;
        const after = reparseDeclarations(parser, before, edited)!;
        expect(after).toBeDefined();
        expect(dump(after)).toEqual(dump(parser.parse(edited)));
        const elements = (after.value as unknown as { elements: AstNode[] }).elements;
        elements.forEach((element, i) => expect(element === old[i], `declaration ${i}`).toBe(i % 10 !== 0));
    });

    test('a changed source between sources is read alone, without its neighbours, as in the diff benchmark', () => {
        const sources = Array.from({ length: 30 }, (_, i) => `source s${i} at plant {\n    category 1\n    activity ${1000 + i} t\n    factor 1 tCO2/t\n}`);
        const text = `${sources.join('\n')}\n`;
        const before = parser.parse(text);
        const old = [...(before.value as unknown as { elements: AstNode[] }).elements];
        // every 10th source changed, one of them by a line more
        const edited = `${sources.map((source, i) => (i % 10 !== 0 ? source : source.replace(`${1000 + i} t`, i === 10 ? `${1007 + i}\n        t` : `${1007 + i} t`))).join('\n')}\n`;
        const read: string[] = [];
        const spy: LangiumParser = Object.create(parser) as LangiumParser;
        spy.parse = (input: string) => {
            read.push(input);
            return parser.parse(input);
        };
        const after = reparseDeclarations(spy, before, edited)!;
        expect(after).toBeDefined();
        expect(dump(after)).toEqual(dump(parser.parse(edited)));
        // three texts read, each one source, from the end of the source before to the start of the one after
        expect(read.map(input => input.match(/source /g)?.length)).toEqual([1, 1, 1]);
        expect(read[1]).toBe(`\n${edited.slice(edited.indexOf('source s10 '), edited.indexOf('source s11 '))}`);
        const elements = (after.value as unknown as { elements: AstNode[] }).elements;
        elements.forEach((element, i) => expect(element === old[i], `declaration ${i}`).toBe(i % 10 !== 0));
        expect(elements[11].$cstNode!.range.start).toEqual({ line: 56, character: 0 });
    });

    test('a changed source after a let is read with its neighbours: a let may read on into what follows it', () => {
        const text = 'let k = 2\nsource a { activity 1 t factor k tCO2/t }\nsource b { activity 2 t factor 1 tCO2/t }\n';
        const edited = text.replace('activity 1 t', 'activity 3 t');
        const read: string[] = [];
        const spy: LangiumParser = Object.create(parser) as LangiumParser;
        spy.parse = (input: string) => {
            read.push(input);
            return parser.parse(input);
        };
        const after = reparseDeclarations(spy, parser.parse(text), edited)!;
        expect(dump(after)).toEqual(dump(parser.parse(edited)));
        expect(read).toEqual([edited.slice(0, -1)]);
    });

    test('an edit inside one declaration keeps the nodes of the others', () => {
        const text = 'let a = 1 t\nlet b = 2 t\nlet c = 3 t\nlet d = 4 t\nlet e = 5 t\n';
        const before = parser.parse(text);
        const [a, b, c, d, e] = (before.value as unknown as { elements: AstNode[] }).elements;
        const after = reparseDeclarations(parser, before, text.replace('3 t', '30 t'))!;
        expect(after).toBeDefined();
        const elements = (after.value as unknown as { elements: AstNode[] }).elements;
        // only c is new; b and d, the neighbours read again with it to be sure of its borders, keep their nodes
        expect(elements[0]).toBe(a);
        expect(elements[1]).toBe(b);
        expect(elements[2]).not.toBe(c);
        expect(elements[3]).toBe(d);
        expect(elements[4]).toBe(e);
        expect(elements[4].$cstNode!.offset).toBe(text.indexOf('let e') + 1);
        expect(elements[4].$cstNode!.range.start).toEqual({ line: 4, character: 0 });
    });

    test('a replaced declaration that something still holds holds only its own text, and no other parse', () => {
        const lines = Array.from({ length: 200 }, (_, i) => `let quantity_of_the_plant_${i} = ${i + 1} t`);
        const text = `${lines.join('\n')}\n`;
        const before = parser.parse(text);
        const oldRoot = before.value as unknown as { elements: AstNode[]; $cstNode: CstNode & { content: CstNode[] } };
        const held = oldRoot.elements[50];
        const after = reparseDeclarations(parser, before, text.replace('= 51 t', '= 52 t'))!;
        expect(after).toBeDefined();
        // the declaration the edit replaced (as a stale cache would hold it) is under a root of its own, with only its text
        const retired = held.$container as unknown as { elements: AstNode[] };
        expect(retired).toBe(before.value);
        expect(retired).not.toBe(oldRoot);
        expect(retired.elements).toEqual([held]);
        expect(held.$cstNode!.root.fullText).toBe('let quantity_of_the_plant_50 = 51 t');
        expect(held.$cstNode!.text).toBe('let quantity_of_the_plant_50 = 51 t');
        expect(held.$cstNode!.range.start).toEqual({ line: 50, character: 0 });
        // the tree it was in lists nothing any more, so what is kept per tree (a file's balance, its names) goes with it
        expect(oldRoot.elements).toEqual([]);
        expect(oldRoot.$cstNode.content).toEqual([]);
        // and a later edit does not make the held declaration reach the later parse
        const next = reparseDeclarations(parser, after, text.replace('= 51 t', '= 52 t').replace('= 151 t', '= 150 t'))!;
        expect(next).toBeDefined();
        expect(held.$container).toBe(retired);
        expect((next.value as unknown as { elements: AstNode[] }).elements).not.toContain(held);
    });

    test('declarations on one line: those after the edit move along the line', () => {
        for (const [text, edited] of [
            ['let a = 1 t let b = 2 t let c = 3 t let d = 4 t // d\nlet e = 5 t', 'let a = 1 t let b = 20 t let c = 3 t let d = 4 t // d\nlet e = 5 t'],
            ['let a = 1 t\nlet b = 2 t let c = 3 t let d = 4 t', 'let a = 1 t\nlet b = 2\n t let c = 3 t let d = 4 t'],
            ['let a = 1 t\nlet b = 2 t\nlet c = 3 t let d = 4 t', 'let a = 1 t\nlet b = 2 t + 1 t let c = 3 t let d = 4 t']
        ]) {
            const spliced = reparseDeclarations(parser, parser.parse(text), edited);
            expect(spliced, edited).toBeDefined();
            expect(dump(spliced!), edited).toEqual(dump(parser.parse(edited)));
        }
    });

    test('a comment that swallows the declarations after it keeps its place (found by 2,000 random edits of examples/cement)', () => {
        // the edit puts the second and third `let q = 1` in a comment: the text read again ends with the
        // first one, whose text is that of the third, the neighbour it was taken for; the comment was lost
        const before = 'let q = 1\nlet q = 1let q = 1\n//% note\nsource a { category 1 }\n';
        const after = 'let q = 1 // c let q = 1let q = 1\n//% note\nsource a { category 1 }\n';
        const spliced = reparseDeclarations(parser, parser.parse(before), after);
        const whole = parser.parse(after);
        expect(dump(whole).filter(line => line.includes('// c let q = 1let q = 1'))).toHaveLength(1);
        if (spliced) expect(dump(spliced)).toEqual(dump(whole));
    });

    test('an edit that leaves a syntax error is not reparsed in place', () => {
        const text = 'let a = 1 t\nlet b = 2 t\nlet c = 3 t\n';
        expect(reparseDeclarations(parser, parser.parse(text), text.replace('2 t', '2 *'))).toBeUndefined();
        const broken = parser.parse(text.replace('2 t', '2 *'));
        expect(reparseDeclarations(parser, broken, text)).toBeUndefined();
    });
});
