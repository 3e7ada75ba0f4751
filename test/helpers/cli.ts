import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, cpSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '@cnms/language';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BIN = join(REPO, 'packages/cli/bin/cnms.js');

export interface CliResult {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

type CliOptions = { cwd?: string; env?: Record<string, string | undefined>; timeout?: number; uid?: number; gid?: number };

/** The environment of a run: English messages, no colour, no debug, unless the options say otherwise. */
function cliEnv(options: CliOptions): NodeJS.ProcessEnv {
    const env: Record<string, string | undefined> = { ...process.env, LANG: 'C', LC_ALL: undefined, LC_MESSAGES: undefined, LANGUAGE: undefined, NO_COLOR: '1', CNMS_DEBUG: undefined, ...options.env };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    return env;
}

/** Runs the real `cnms` as a child process, as a user would; English messages unless the env says otherwise. */
export function runCli(args: readonly string[], options: CliOptions = {}): CliResult {
    const result = spawnSync(process.execPath, [BIN, ...args], {
        cwd: options.cwd ?? REPO,
        env: cliEnv(options),
        encoding: 'utf8',
        timeout: options.timeout ?? 60_000,
        maxBuffer: 64 * 1024 * 1024,
        uid: options.uid,
        gid: options.gid
    });
    if (result.error) throw result.error;
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** runCli without blocking, so that independent runs (test.concurrent) overlap. */
export function runCliAsync(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
    return new Promise((resolve, reject) => {
        execFile(
            process.execPath,
            [BIN, ...args],
            {
                cwd: options.cwd ?? REPO,
                env: cliEnv(options),
                encoding: 'utf8',
                timeout: options.timeout ?? 60_000,
                maxBuffer: 64 * 1024 * 1024
            },
            (error, stdout, stderr) => {
                const code = error ? (typeof error.code === 'number' ? error.code : undefined) : 0;
                // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an ExecFileException is an Error; its type (Omit<…>) hides that
                if (code === undefined) reject(error);
                else resolve({ code, stdout, stderr });
            }
        );
    });
}

/** A fresh temporary folder with the given files (paths relative to it). */
export function tempModel(files: Record<string, string | Buffer>): string {
    const dir = mkdtempSync(join(tmpdir(), 'cnms-test-'));
    for (const [path, content] of Object.entries(files)) {
        const full = join(dir, path);
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
    }
    return dir;
}

/** A temporary copy of a folder of the repository (an example), so a test never touches the original. */
export function tempCopy(relativePath: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'cnms-copy-'));
    cpSync(join(REPO, relativePath), dir, { recursive: true });
    return dir;
}

/**
 * A model's cnms.json that switches every clause rule off: for tests of the
 * language itself (figures, syntax, exit codes), which the standard's clause
 * rules would otherwise surround with findings about missing elements.
 */
export const LANGUAGE_ONLY_SETTINGS = `${JSON.stringify({ rules: Object.fromEntries(RULES.filter(rule => !rule.id.startsWith('CN-NUM-')).map(rule => [rule.id, 'off'])) }, null, 2)}\n`;

/** A model's cnms.json with every clause rule off but the ones named: for tests of those rules alone. */
export function onlyRulesSettings(...ids: readonly string[]): string {
    return `${JSON.stringify({ rules: Object.fromEntries(RULES.filter(rule => !rule.id.startsWith('CN-NUM-') && !ids.includes(rule.id)).map(rule => [rule.id, 'off'])) })}\n`;
}

/** A temporary model with the given files and LANGUAGE_ONLY_SETTINGS. */
export function languageModel(files: Record<string, string | Buffer>): string {
    return tempModel({ ...files, 'cnms.json': LANGUAGE_ONLY_SETTINGS });
}
