import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportProvenance } from './report-model.js';

/**
 * Where a report comes from (Node only: it asks git and reads files): the engine and library versions, the model's git
 * commit and whether its files are committed, and the hash of a `cnms.lock`
 * beside the model when there is one (a regular file: a FIFO would block the read forever). No wall-clock time unless asked, so that
 * two runs on one commit give byte-identical reports.
 */
export function reportProvenance(engine: string, modelRoot: string, timestamp: boolean): ReportProvenance {
    const libraries: Record<string, string> = {};
    for (const name of ['langium', 'decimal.js', 'vega', 'vega-lite', 'exceljs']) {
        const version = packageVersion(name);
        if (version) libraries[name] = version;
    }
    const lock = join(modelRoot, 'cnms.lock');
    return {
        engine,
        libraries,
        git: gitState(modelRoot),
        lockHash: isRegularFile(lock) ? `sha256:${createHash('sha256').update(readFileSync(lock)).digest('hex')}` : null,
        generated: timestamp ? new Date().toISOString() : null
    };
}

function isRegularFile(path: string): boolean {
    try {
        return statSync(path).isFile();
    } catch {
        return false;
    }
}

function gitState(dir: string): { commit: string; clean: boolean } | null {
    try {
        const options = { cwd: dir, encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'] };
        const commit = execFileSync('git', ['rev-parse', 'HEAD'], options).trim();
        const status = execFileSync('git', ['status', '--porcelain', '--', '.'], options).trim();
        return { commit, clean: status === '' };
    } catch {
        return null;
    }
}

/** The versions the CLI's bundle was built with (packages/cli/esbuild.mjs defines this name); not defined elsewhere. */
declare const CNMS_BUNDLED_LIBRARIES: Readonly<Record<string, string>> | undefined;

/**
 * A dependency's version, from the nearest node_modules/<name>/package.json above this file; in the CLI's bundle, the
 * version its build found there (none in the language server's bundle).
 */
function packageVersion(name: string): string | undefined {
    if (typeof CNMS_BUNDLED_LIBRARIES !== 'undefined') return CNMS_BUNDLED_LIBRARIES[name];
    let dir = dirname(fileURLToPath(import.meta.url));
    for (;;) {
        const file = join(dir, 'node_modules', name, 'package.json');
        if (existsSync(file)) {
            try {
                return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
            } catch {
                return undefined;
            }
        }
        const parent = dirname(dir);
        if (parent === dir) return undefined;
        dir = parent;
    }
}
