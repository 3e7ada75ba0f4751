import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ReportProvenance } from '@cnms/report';
import { CLI_VERSION } from './version.js';

const require = createRequire(import.meta.url);

/**
 * Where a report comes from: the engine and library versions, the model's git
 * commit and whether its files are committed, and the hash of a `cnms.lock`
 * beside the model when there is one. No wall-clock time unless asked, so that
 * two runs on one commit give byte-identical reports.
 */
export function reportProvenance(modelRoot: string, timestamp: boolean): ReportProvenance {
    const libraries: Record<string, string> = {};
    for (const name of ['langium', 'decimal.js', 'vega', 'vega-lite', 'exceljs']) {
        const version = packageVersion(name);
        if (version) libraries[name] = version;
    }
    const lock = join(modelRoot, 'cnms.lock');
    return {
        engine: `cnms ${CLI_VERSION}`,
        libraries,
        git: gitState(modelRoot),
        lockHash: existsSync(lock) ? `sha256:${createHash('sha256').update(readFileSync(lock)).digest('hex')}` : null,
        generated: timestamp ? new Date().toISOString() : null
    };
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

function packageVersion(name: string): string | undefined {
    try {
        let dir = dirname(require.resolve(name));
        for (let i = 0; i < 6; i++) {
            const file = join(dir, 'package.json');
            if (existsSync(file)) {
                const json = JSON.parse(readFileSync(file, 'utf8'));
                if (json.name === name) return json.version;
            }
            dir = dirname(dir);
        }
    } catch {
        return undefined;
    }
    return undefined;
}
