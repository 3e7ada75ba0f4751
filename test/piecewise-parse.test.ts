// Parsing a long text in pieces (syntax/piecewise-parse.ts), as the language
// server reads a pasted file of megabytes: the pieces put together are the
// parse of the whole text, node for node and leaf for leaf with its offset,
// line and column, or there is no result and the whole text is parsed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmptyFileSystem, OperationCancelled, URI, type AstNode, type LangiumParser, type ParseResult } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, test } from 'vitest';
import { createCnmsServices, MAX_FILE_BYTES, parseInPieces, PIECEWISE_FROM } from '@cnms/language';
import { generateGroupModel } from '../scripts/generate-group-model.mjs';
import { letPaste } from '../scripts/generate-let-paste.mjs';
import { dump, firstDifference } from './helpers/parse-dump.js';
import { randomEdit } from './helpers/random-edit.js';
import { seededRandom } from './helpers/seeded-random.js';

const REPO = new URL('..', import.meta.url).pathname;
const { Cnms } = createCnmsServices(EmptyFileSystem);
const parser: LangiumParser = Cnms.parser.LangiumParser;

/** The text parsed in pieces of about `pieceLength` characters, and how many pauses it made (one between two pieces). */
async function inPieces(text: string, pieceLength: number): Promise<{ result: ParseResult<AstNode> | undefined; pauses: number }> {
    let pauses = 0;
    const result = await parseInPieces(
        parser,
        text,
        () => {
            pauses++;
            return Promise.resolve();
        },
        pieceLength
    );
    return { result, pauses };
}

/** A plant file of the generated group model: sources in blocks, comments, blank lines. */
function plantFile(sources: number, seed: number): string {
    const model = generateGroupModel({ sources, files: 2, seed });
    return [...model.files].find(([name]) => name.startsWith('plants/'))![1];
}

describe('parsing a long text in pieces', () => {
    test('a paste of lets: the parse of the whole text, in many pieces', async () => {
        const text = letPaste(60_000);
        const { result, pauses } = await inPieces(text, 2_000);
        expect(result).toBeDefined();
        expect(pauses).toBeGreaterThan(20);
        expect(firstDifference(result!, parser.parse(text))).toBeUndefined();
    });

    test('a plant file with blocks, comments and blank lines: the parse of the whole text', async () => {
        const text = plantFile(300, 5);
        const { result, pauses } = await inPieces(text, 1_500);
        expect(result).toBeDefined();
        expect(pauses).toBeGreaterThan(10);
        expect(firstDifference(result!, parser.parse(text))).toBeUndefined();
    });

    test('the example files, with comments between declarations and CRLF line ends: the whole parse or none', async () => {
        let pieced = 0;
        for (const file of ['steel/organization.cnms', 'steel/factors.cnms', 'cement/organization.cnms', 'glass/organization.cnms']) {
            const original = readFileSync(join(REPO, 'examples', file), 'utf8');
            for (const text of [original, original.replace(/\n/g, '\r\n')]) {
                const whole = parser.parse(text);
                for (const pieceLength of [1, 200, 700]) {
                    const { result, pauses } = await inPieces(text, pieceLength);
                    if (!result) continue;
                    expect(firstDifference(result, whole), `${file}, pieces of ${pieceLength}`).toBeUndefined();
                    if (pauses > 0) pieced++;
                }
            }
        }
        expect(pieced).toBeGreaterThan(8);
    });

    test('random edits (syntax errors, cut tokens, unclosed comments and strings, declarations joined): the whole parse or none, never another', async () => {
        const next = seededRandom(20261130);
        let text = plantFile(40, 9);
        let pieced = 0;
        let tried = 0;
        for (let i = 0; i < 60; i++) {
            const edited = randomEdit(text, next);
            tried++;
            const { result } = await inPieces(edited, 200 + Math.floor(next() * 800));
            const whole = parser.parse(edited);
            const clean = whole.lexerErrors.length === 0 && whole.parserErrors.length === 0;
            if (result) {
                pieced++;
                // a text with a syntax error is never put together from pieces
                expect(clean, `edit ${i + 1}`).toBe(true);
                expect(firstDifference(result, whole), `edit ${i + 1}`).toBeUndefined();
            }
            // as a user goes on typing: an edit that leaves a syntax error is checked, then undone
            if (clean) text = edited;
        }
        // a test that never takes the path proves nothing
        expect(pieced).toBeGreaterThan(tried / 10);
    });

    test('a comment or a string cut by a piece: the whole text is parsed instead', async () => {
        const lets = Array.from({ length: 40 }, (_, i) => `let v${i} = ${i} t`);
        const comment = [...lets.slice(0, 10), '/* a comment over', ...lets.slice(10, 30), '*/', ...lets.slice(30)].join('\n');
        // every place a piece could end near the comment is inside it
        const { result } = await inPieces(comment, 50);
        expect(result).toBeUndefined();
        // the parse of the whole text has the comment as one hidden node
        expect(dump(parser.parse(comment)).filter(line => line.includes('/* a comment over'))).toHaveLength(1);
    });

    test('a text past the file limit is not parsed in pieces (the whole text gets the one diagnostic of the limit)', async () => {
        const text = letPaste(MAX_FILE_BYTES + 10_000);
        const { result, pauses } = await inPieces(text, 32_000);
        expect(result).toBeUndefined();
        expect(pauses).toBe(0);
    });

    test('a pause that throws (a newer edit) stops the parse', async () => {
        const text = letPaste(20_000);
        let pauses = 0;
        const parsing = parseInPieces(
            parser,
            text,
            () => {
                pauses++;
                return pauses === 3 ? Promise.reject(OperationCancelled) : Promise.resolve();
            },
            1_000
        );
        await expect(parsing).rejects.toBe(OperationCancelled);
        expect(pauses).toBe(3);
    });

    test('a document updated to more than 256 kB is parsed in pieces, into the parse of the whole text', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'cnms-piecewise-'));
        try {
            const path = join(dir, 'paste.cnms');
            writeFileSync(path, 'let a = 1 t\n');
            const services = createCnmsServices(NodeFileSystem);
            const uri = URI.file(path);
            const document = await services.shared.workspace.LangiumDocuments.getOrCreateDocument(uri);
            await services.shared.workspace.DocumentBuilder.build([document], {});
            // the paste: the builder reads the file's new text
            const text = letPaste(PIECEWISE_FROM + 50_000);
            writeFileSync(path, text);
            const serverParser = services.Cnms.parser.LangiumParser;
            const parse = serverParser.parse.bind(serverParser);
            const calls: number[] = [];
            serverParser.parse = (input: string) => {
                calls.push(input.length);
                return parse(input);
            };
            // the parse is what this test is about: the update links, and does not validate
            services.shared.workspace.DocumentBuilder.updateBuildOptions = { validation: false };
            try {
                await services.shared.workspace.DocumentBuilder.update([uri], []);
            } finally {
                serverParser.parse = parse;
            }
            expect(calls.length).toBeGreaterThan(5);
            expect(Math.max(...calls)).toBeLessThan(PIECEWISE_FROM / 4);
            expect(firstDifference(document.parseResult, parser.parse(text))).toBeUndefined();
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
