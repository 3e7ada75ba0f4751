// The fuzzing harness (scripts/fuzz-lsp.mjs, `pnpm fuzz`) run as a process,
// as the lead runs it at 10,000 edits, here at a few hundred with a fixed seed
// so that a failure replays: random edits of the steel example with every
// request after each, against the bundled server over stdio.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO } from './helpers/cli.js';

const SCRIPT = join(REPO, 'scripts/fuzz-lsp.mjs');

function fuzz(args: string[]) {
    const run = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: REPO, encoding: 'utf8', timeout: 170_000 });
    return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

/** A number from a line of the summary, e.g. `crashes          0`. */
function count(output: string, label: string): number {
    const match = new RegExp(`^  ${label} +(\\d+)`, 'm').exec(output);
    if (!match) throw new Error(`no '${label}' line in the summary:\n${output}`);
    return Number(match[1]);
}

describe('pnpm fuzz', () => {
    test('250 random edits of the steel example: no crash, no slow or error answer, no forbidden word', () => {
        const { code, output } = fuzz(['--edits', '250', '--seed', '20261129', '--check-every', '125', '--quiet']);
        expect(count(output, 'edits'), output).toBe(250);
        expect(count(output, 'requests'), output).toBeGreaterThan(750);
        expect(
            {
                crashes: count(output, 'crashes'),
                slow: count(output, 'slow answers'),
                errors: count(output, 'errors'),
                forbidden: count(output, 'forbidden words')
            },
            output
        ).toEqual({ crashes: 0, slow: 0, errors: 0, forbidden: 0 });
        // after each restore (at edit 125 and at the end) every file's diagnostics are the first build's again
        expect(/restored +(\d+) of (\d+) checks/.exec(output)?.slice(1), output).toEqual(['2', '2']);
        // the server never writes a file of the model (the copy the harness edits over the protocol)
        const [changedOnDisk, filesOnDisk] = (/files on disk +(\d+) of (\d+) changed/.exec(output) ?? []).slice(1).map(Number);
        expect({ changedOnDisk, moreThanTheCnmsFiles: filesOnDisk > 4 }, output).toEqual({ changedOnDisk: 0, moreThanTheCnmsFiles: true });
        expect(output).toMatch(/RSS at rest +\d+ MB after the first build, \d+ MB once every kind of request ran, \d+ MB after the run/);
        // the live heap after a full collection, beside the resident memory (scripts/heap-on-signal.cjs)
        expect(output).toMatch(/live heap +\d+ MB after the first build, \d+ MB once every kind of request ran, \d+ MB after the run \(from the first build: [+-]\d/);
        expect(
            output.split('\n').filter(line => line.startsWith('  ✖ ')),
            output
        ).toEqual([]);
        expect(code, output).toBe(0);
    }, 180_000);

    test('a bad argument is refused with the usage, exit 2', () => {
        const { code, output } = fuzz(['--edits', 'many']);
        expect(code).toBe(2);
        expect(output).toContain('fuzz-lsp: --edits needs a whole number');
    });
});
