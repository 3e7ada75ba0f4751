import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Locale } from '@cnms/language';
import { FIRST_YEAR, isYearInRange, LAST_YEAR } from '@cnms/language';
import type { Colors } from '../colors.js';
import { CliError } from '../cli-error.js';
import { fileError } from '../file-errors.js';
import { initTemplate } from '../init-template.js';
import { escapeControlCharacters, shownPath } from '../shown-path.js';
import { writeFileSafely } from '../write-file-safely.js';

export interface InitOptions {
    readonly colors: Colors;
    readonly quiet: boolean;
    readonly locale: Locale;
    /** The reporting year of the new model; the last full calendar year unless given. */
    readonly year?: number;
}

/** `cnms init [DIR]`: a new model in DIR (default: here); refuses to overwrite any file. */
export function init(dir: string | undefined, options: InitOptions, write: (text: string) => void): number {
    const root = resolve(dir ?? '.');
    const year = options.year ?? new Date().getUTCFullYear() - 1;
    if (!isYearInRange(year)) throw new CliError(`--year takes a year from ${FIRST_YEAR} to ${LAST_YEAR}, not ${year}`);
    const files = initTemplate(year);
    const existing = Object.keys(files).filter(file => existsSync(join(root, file)));
    if (existing.length > 0) {
        throw new CliError(`not overwriting ${existing.map(file => shownPath(join(root, file))).join(', ')}: choose an empty folder`);
    }
    for (const [file, text] of Object.entries(files)) {
        const path = join(root, file);
        try {
            mkdirSync(dirname(path), { recursive: true });
        } catch (error) {
            throw fileError(error, dirname(path), 'create', options.locale);
        }
        writeFileSafely(path, text, options.locale, { overwrite: false });
        if (!options.quiet) write(`${options.colors.green('created')} ${shownPath(path)}\n`);
    }
    if (!options.quiet) write(`A new model for ${year}. Next: replace the placeholders, then run cnms validate ${escapeControlCharacters(relative(process.cwd(), root) || '.')}\n`);
    return 0;
}
