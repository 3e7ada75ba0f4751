// propertyCstNode (packages/language/src/syntax/property-cst-node.ts) gives a
// diagnostic at a property the range Langium's findNodeForProperty gives it,
// faster: compared here on every node and property of the examples, for the
// first, a later and an out-of-range index of a list.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AstUtils, GrammarUtils } from 'langium';
import { describe, expect, test } from 'vitest';
import { propertyCstNode } from '../packages/language/src/syntax/property-cst-node.js';
import { REPO } from './helpers/cli.js';
import { buildModel } from './helpers/model.js';

function cnmsFiles(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && entry.name.endsWith('.cnms')) {
            const path = join(entry.parentPath, entry.name);
            files[relative(dir, path)] = readFileSync(path, 'utf8');
        }
    }
    return files;
}

describe('propertyCstNode finds what findNodeForProperty finds', () => {
    test.each(['steel', 'cement', 'electronics', 'glass'])('every node and property of examples/%s', async example => {
        const model = await buildModel(cnmsFiles(join(REPO, 'examples', example)));
        let compared = 0;
        let found = 0;
        for (const document of model.documents.values()) {
            for (const node of AstUtils.streamAst(document.parseResult.value)) {
                for (const property of Object.keys(node).filter(key => !key.startsWith('$'))) {
                    for (const index of [undefined, 0, 1, 2, 99]) {
                        const expected = GrammarUtils.findNodeForProperty(node.$cstNode, property, index);
                        const actual = propertyCstNode(node, property, index);
                        expect(actual, `${node.$type}.${property}[${index}]`).toBe(expected);
                        compared++;
                        if (actual) found++;
                    }
                }
            }
        }
        // not a comparison of nothing: most properties of a real model have a node
        expect(compared).toBeGreaterThan(1000);
        expect(found).toBeGreaterThan(compared / 2);
    });
});
