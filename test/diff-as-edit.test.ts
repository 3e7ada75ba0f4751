// `cnms diff` builds the later revision as an edit of the earlier one
// (packages/diff/src/model-snapshot.ts): a file that differs is parsed again
// only around each of its changes (syntax/declaration-reparse.ts), only what
// the changes affect is linked and checked again, and the figures of the
// declarations that did not change are carried. The comparison must be the
// one of the two revisions each built from scratch: on random pairs of
// revisions of a generated group model, every change, figure, cause, finding
// and place is the same.
import { describe, expect, test } from 'vitest';
import { compareSnapshots, snapshotsOf, type ModelSnapshot, type RevisionFiles } from '@cnms/diff';
import { generateGroupModel } from '../scripts/generate-group-model.mjs';
import { seededRandom } from './helpers/seeded-random.js';

const PAIRS = Number.parseInt(process.env.CNMS_DIFF_PAIRS ?? '8', 10);

function revision(label: string, files: ReadonlyMap<string, string>): RevisionFiles {
    return { label, commit: null, files };
}

/** A revision built on its own, from nothing (the earlier snapshot of a diff is built so). */
async function fromScratch(files: RevisionFiles): Promise<ModelSnapshot> {
    return (await snapshotsOf(files, files, '', 'en'))[0];
}

/** One random change of a file, as between two commits: a figure, a name, a line, a declaration, a comment. */
function change(text: string, next: () => number): string {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const lines = text.split('\n');
    switch (Math.floor(next() * 7)) {
        case 0:
        case 1: {
            // a digit of a figure: most changes between revisions
            const digits = [...text.matchAll(/(?<=\s)[0-9]/g)];
            if (digits.length === 0) return text;
            const at = pick(digits).index;
            return text.slice(0, at) + String(1 + Math.floor(next() * 9)) + text.slice(at + 1);
        }
        case 2: {
            // a source removed
            const starts = lines.flatMap((line, i) => (line.startsWith('source ') ? [i] : []));
            if (starts.length === 0) return text;
            const from = pick(starts);
            const to = lines.findIndex((line, i) => i > from && line === '}');
            return [...lines.slice(0, from), ...lines.slice(to + 1)].join('\n');
        }
        case 3: {
            // a source added, a copy of another under a new name
            const starts = lines.flatMap((line, i) => (line.startsWith('source ') ? [i] : []));
            if (starts.length === 0) return text;
            const from = pick(starts);
            const to = lines.findIndex((line, i) => i > from && line === '}');
            const copy = lines
                .slice(from, to + 1)
                .join('\n')
                .replace(/^source (\S+)/, (_, name: string) => `source ${name}_copy${Math.floor(next() * 1000)}`);
            return [...lines.slice(0, to + 1), copy, ...lines.slice(to + 1)].join('\n');
        }
        case 4: {
            // a comment line inserted: every declaration below moves
            const at = Math.floor(next() * lines.length);
            return [...lines.slice(0, at), '// reviewed', ...lines.slice(at)].join('\n');
        }
        case 5: {
            // a line of a declaration removed (a property, or a brace: a syntax error)
            const at = Math.floor(next() * lines.length);
            return [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n');
        }
        default: {
            // a name changed: what referred to it no longer resolves
            const words = [...text.matchAll(/\b[a-z][a-z0-9_]{4,}\b/g)];
            if (words.length === 0) return text;
            const word = pick(words);
            return text.slice(0, word.index + word[0].length) + 'x' + text.slice(word.index + word[0].length);
        }
    }
}

/** The later revision: a few files changed in a few places each. */
function laterRevision(files: ReadonlyMap<string, string>, next: () => number): Map<string, string> {
    const later = new Map(files);
    const names = [...files.keys()].filter(file => file.endsWith('.cnms'));
    for (let count = 1 + Math.floor(next() * 3); count > 0; count--) {
        const file = names[Math.floor(next() * names.length)];
        let text = later.get(file)!;
        for (let edits = 1 + Math.floor(next() * 6); edits > 0; edits--) text = change(text, next);
        later.set(file, text);
    }
    return later;
}

describe('cnms diff builds the later revision as an edit of the earlier', () => {
    test('a declaration that did not change is not parsed again, even in a file changed around it', async () => {
        const source = (i: number, activity: number) => `source s${i} at plant {\n    category 1\n    activity ${activity}_000 Nm3 * ncv\n    factor ipcc2006.natural_gas\n}`;
        const organization = 'organization bench { consolidation operational-control period 2024 gwp AR6 }\nsite plant\nlet ncv = 389.31 GJ/(10^4 Nm3)\n';
        const part = (changed: readonly number[]) => `${Array.from({ length: 10 }, (_, i) => source(i, 1000 + i + (changed.includes(i) ? 7 : 0))).join('\n')}\n`;
        const before = revision(
            'before',
            new Map([
                ['organization.cnms', organization],
                ['part.cnms', part([])]
            ])
        );
        const after = revision(
            'after',
            new Map([
                ['organization.cnms', organization],
                ['part.cnms', part([0, 9])]
            ])
        );
        const [a, b] = await snapshotsOf(before, after, '', 'en');
        // s0 and s9 changed: parsed again; s1 and s8 beside them were read again to be sure of their borders, and kept;
        // s2 to s7, between the two changes, were not read at all
        for (let i = 0; i < 10; i++) expect(b.elements.get(`Source:s${i}`) === a.elements.get(`Source:s${i}`), `s${i}`).toBe(i !== 0 && i !== 9);
        const diff = compareSnapshots(a, b, 'en');
        // 7,000 Nm3 more × 389.31 GJ/10^4 Nm3 = 0.272517 TJ, at 56.1 tCO2 + 1 kgCH4 × 27.9 + 0.1 kgN2O × 273 = 56.1552 tCO2e/TJ (IPCC 2006, AR6)
        expect(diff.changes.map(change => `${change.id} ${change.delta}`)).toEqual(['s0 15.3032466384', 's9 15.3032466384']);
        expect(diff).toEqual(compareSnapshots(await fromScratch(before), await fromScratch(after), 'en'));
    });

    test('random pairs of revisions: the same comparison as the two revisions each built from scratch', async () => {
        const model = generateGroupModel({ sources: 120, files: 4, seed: 77 });
        const files = new Map([...model.files].filter(([file]) => file.endsWith('.cnms')));
        const next = seededRandom(2718);
        let changes = 0;
        for (let pair = 0; pair < PAIRS; pair++) {
            const earlier = revision('earlier', pair % 2 === 0 ? files : laterRevision(files, next));
            const later = revision('later', laterRevision(earlier.files, next));
            const [a, b] = await snapshotsOf(earlier, later, '', 'en');
            const asEdit = compareSnapshots(a, b, 'en');
            expect(asEdit, `pair ${pair + 1}`).toEqual(compareSnapshots(await fromScratch(earlier), await fromScratch(later), 'en'));
            changes += asEdit.changes.length;
        }
        // the pairs differ: a run that compared nothing would prove nothing
        expect(changes).toBeGreaterThan(PAIRS);
    });
});
