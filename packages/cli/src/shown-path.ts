import { isAbsolute, relative, sep } from 'node:path';
import { escapeControlCharacters } from '@cnms/language';

export { escapeControlCharacters };

/** A path as the outputs give it: relative to the working folder when inside it, else as it is. */
export function relativeToWorkingFolder(path: string): string {
    const rel = relative(process.cwd(), path);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return path;
    return rel;
}

/**
 * A path for a line of text output (diagnostics, messages, warnings): relative
 * as above, with its control characters escaped, so that a file named
 * `x\nforged.cnms:1:1  error …` cannot print a line of its own.
 */
export function shownPath(path: string): string {
    return escapeControlCharacters(relativeToWorkingFolder(path));
}
