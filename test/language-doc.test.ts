import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LANGUAGE_REFERENCE_SECTIONS } from '@cnms/language/lsp';
import { buildModel } from './helpers/model.js';
import { REPO } from './helpers/cli.js';
import { declarationKeywords } from './helpers/grammar.js';

// docs/language.md is the user's reference: every example in it must be a
// model (or, marked `cnms fragment`, a part of one) that parses, links and
// computes without a language error.

const DOC = readFileSync(join(REPO, 'docs/language.md'), 'utf8');

/** The ```cnms blocks of the page, with the line each starts on and whether it is a fragment. */
function exampleBlocks(markdown: string): Array<{ line: number; fragment: boolean; text: string }> {
    const blocks: Array<{ line: number; fragment: boolean; text: string }> = [];
    const lines = markdown.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const open = /^```cnms(\s+fragment)?\s*$/.exec(lines[i]);
        if (!open) continue;
        const start = i + 1;
        let end = start;
        while (end < lines.length && lines[end] !== '```') end++;
        blocks.push({ line: start + 1, fragment: Boolean(open[1]), text: lines.slice(start, end).join('\n') });
        i = end;
    }
    return blocks;
}

/** The names a fragment may use without declaring them, declared in a file of their own. */
const CONTEXT = `organization acme { period 2024 }
site plant_a
role energy_manager { ms-representative }
source boiler at plant_a { category 1 activity 1_000 GJ factor ipcc2006.natural_gas }
source power at plant_a { category 2 activity 10_000 MWh factor china_grid.national_2022 }
`;

/** A model of its own needs an organisation; a block without one gets it from a file beside it. */
const ORGANIZATION = 'organization acme { period 2024 }\n';

const blocks = exampleBlocks(DOC);

/** Declarations this page's examples do not show, and where they are shown. */
const SHOWN_ELSEWHERE: Record<string, string> = {
    dataset: 'reads a CSV file, which an example here cannot bring along: docs/datasets.md shows it (test/datasets.test.ts)'
};

describe('docs/language.md', () => {
    test('has an example of every kind of declaration in the grammar', () => {
        // every declaration of the grammar, but those whose example this page cannot hold
        const keywords = [...declarationKeywords()].filter(keyword => !(keyword in SHOWN_ELSEWHERE));
        expect(keywords.length).toBeGreaterThan(35);
        const examples = blocks.map(b => b.text).join('\n');
        for (const keyword of keywords) expect(examples, keyword).toMatch(new RegExp(`^\\s*${keyword} `, 'm'));
        expect(blocks.length).toBeGreaterThan(15);
    });

    test('points to no file outside the repository, and the README points to it', () => {
        expect(DOC).not.toContain('shared/spec');
        const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
        expect(readme).toContain('(docs/language.md)');
        expect(readme).not.toContain('shared/spec');
    });

    test('has the section each hover links to', () => {
        // GitHub's anchors: lower case, punctuation dropped, each space a hyphen.
        const anchors = new Set(
            [...DOC.matchAll(/^#+ (.*)$/gm)].map(m =>
                m[1]
                    .toLowerCase()
                    .replace(/[^\p{L}\p{N} _-]/gu, '')
                    .replace(/ /g, '-')
            )
        );
        for (const [type, anchor] of Object.entries(LANGUAGE_REFERENCE_SECTIONS)) expect(anchors, type).toContain(anchor);
    });

    test.each(blocks.map(b => [b.line, b] as const))('the example at line %i parses, links and computes', async (_line, block) => {
        const files: Record<string, string> = { 'example.cnms': block.text };
        if (block.fragment) files['context.cnms'] = CONTEXT;
        else if (!/^organization /m.test(block.text)) files['context.cnms'] = ORGANIZATION;
        const model = await buildModel(files);
        expect(model.languageDiagnostics().map(d => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
        // No error of any rule in the example, except the clause rules that ask the model as a whole for elements an
        // example does not show (a policy, a top-management role): those stand at the organisation's name.
        const errors = model.diagnostics('example.cnms').filter(d => d.severity === 1 && d.text !== 'acme');
        expect(errors.map(d => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
    });
});
