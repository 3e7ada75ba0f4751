import { resolve } from 'node:path';
import type { Locale } from '@cnms/language';
import { Dec, MAX_DATASET_BYTES, Rational } from '@cnms/language';
import { compareSnapshots, GitRepository, renderDiffMarkdown, renderDiffText, RevisionError, snapshotsOf, workingTree, workingTreeCsvFiles } from '@cnms/diff';
import type { Colors } from '../colors.js';
import { CliError } from '../cli-error.js';
import { findModelFiles, readModelFile, skippedWarning } from '../model-files.js';
import { shownPath } from '../shown-path.js';
import { warningPrinter } from '../warnings.js';

export interface DiffOptions {
    readonly format: string;
    readonly locale: Locale;
    readonly colors: Colors;
    readonly failOnIncrease?: string;
}

/**
 * `cnms diff REV [REV2] [PATH] [--format text|md|json] [--fail-on-increase AMOUNT]`:
 * the model at two revisions (REV2 defaults to the working tree), read from
 * git without checking anything out, evaluated by the same engine, compared.
 * Exit 1 when --fail-on-increase is given and the net rises by more than it.
 */
export async function diff(args: readonly string[], options: DiffOptions, write: (text: string) => void): Promise<number> {
    if (!['text', 'md', 'json'].includes(options.format)) throw new CliError(`unknown format '${options.format}' for diff: use text, md or json`);
    const threshold = options.failOnIncrease !== undefined ? parseAmount(options.failOnIncrease) : undefined;
    const [first, second, third] = args;
    if (!first) throw new CliError('diff needs a revision: cnms diff REV [REV2] [PATH]');
    // REV [REV2] [PATH]: a second argument that names an existing path (and is not a revision) is the path
    let revision2: string | undefined;
    let path = '.';
    if (third !== undefined) {
        revision2 = second;
        path = third;
    } else if (second !== undefined) {
        if (await isRevision(second)) revision2 = second;
        else path = second;
    }
    try {
        const repository = await GitRepository.holding(path);
        const [before, after] = revision2 !== undefined ? await repository.revisionFiles(path, [first, revision2]) : [(await repository.revisionFiles(path, [first]))[0], workingTree(repository.root, workingTreeFiles(path, options.locale))];
        const [a, b] = await snapshotsOf(before, after, repository.pathOf(path), options.locale);
        if (!a.model && !b.model) throw new CliError(`no model under '${path}' at ${before.label} or ${after.label}: no .cnms file declares an organization`);
        const result = compareSnapshots(a, b, options.locale);
        if (options.format === 'json') write(`${JSON.stringify(result, null, 2)}\n`);
        else if (options.format === 'md') write(renderDiffMarkdown(result, options.locale));
        else write(renderDiffText(result, options.locale, options.colors));
        if (threshold && result.totals.net.delta !== null && Rational.fromDecimal(new Dec(result.totals.net.delta)).compare(threshold) > 0) return 1;
        return 0;
    } catch (error) {
        if (error instanceof RevisionError) throw new CliError(error.message);
        throw error;
    }

    async function isRevision(text: string): Promise<boolean> {
        try {
            return await (await GitRepository.holding('.')).isRevision(text);
        } catch {
            return false;
        }
    }
}

/**
 * The .cnms files under `path` in the working tree, read as every command
 * reads files (model-files.ts): only regular files, so a FIFO is skipped with
 * a warning rather than opened; a file that is not UTF-8 text is skipped too.
 */
function workingTreeFiles(path: string, locale: Locale): Array<[string, string]> {
    const warn = warningPrinter(locale);
    const files: Array<[string, string]> = [];
    // a folder whose .cnms files are all gone is the model removed: compared with nothing, not refused
    for (const file of findModelFiles([path], { locale, warn, wholeModels: false, emptyFolders: true }).requested) {
        const content = readModelFile(file, locale);
        if ('text' in content) files.push([resolve(file), content.text]);
        else warn(skippedWarning(`'${shownPath(file)}': ${content.reason}`, locale));
    }
    // and the CSV files the datasets may read
    return [...files, ...workingTreeCsvFiles(resolve(path), MAX_DATASET_BYTES)];
}

/** `500`, `500 tCO2e`, `1.5 ktCO2e` → tonnes of CO2e. */
function parseAmount(text: string): Rational {
    const match = /^\s*([0-9][0-9_]*(?:\.[0-9]+)?)\s*(t|tCO2e|kt|ktCO2e|Mt|MtCO2e)?\s*$/.exec(text);
    if (!match) throw new CliError(`--fail-on-increase takes an amount such as '500 tCO2e', not '${text}'`);
    const value = Rational.parse(match[1]);
    const unit = match[2] ?? 'tCO2e';
    return unit.startsWith('k') ? value.times(Rational.fromInteger(1000)) : unit.startsWith('M') ? value.times(Rational.fromInteger(1_000_000)) : value;
}
