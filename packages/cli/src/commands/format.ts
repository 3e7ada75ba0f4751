import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Locale } from '@cnms/language';
import { createCnmsLspServices } from '@cnms/language/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Colors } from '../colors.js';
import { CliError } from '../cli-error.js';
import { findModelFiles, readRegularFile } from '../model-files.js';
import { shownPath } from '../shown-path.js';
import { warningPrinter } from '../warnings.js';
import { writeFileSafely } from '../write-file-safely.js';

export interface FormatOptions {
    readonly check: boolean;
    readonly colors: Colors;
    readonly quiet: boolean;
    readonly locale: Locale;
}

/**
 * `cnms format [PATH…] [--check]`: the language server's formatter on files.
 * Rewrites files only when their layout changes (never with --check, which
 * lists them and exits 1); leaves files with syntax errors untouched and says so.
 */
export async function format(paths: readonly string[], options: FormatOptions, write: (text: string) => void): Promise<number> {
    const { shared, Cnms } = createCnmsLspServices({ ...NodeFileSystem });
    const formatter = Cnms.lsp.Formatter;
    if (!formatter) throw new CliError('no formatter is available');
    const files = findModelFiles(paths, { locale: options.locale, warn: warningPrinter(options.locale), wholeModels: false }).requested;
    let changed = 0;
    let skipped = 0;
    for (const file of files) {
        const text = readRegularFile(file, options.locale).toString('utf8');
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file));
        const shown = shownPath(file);
        const result = document.parseResult;
        if (result.lexerErrors.length > 0 || result.parserErrors.length > 0) {
            skipped++;
            process.stderr.write(`${shown}: not formatted, it has syntax errors (run cnms validate)\n`);
            continue;
        }
        const edits = await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
        const formatted = TextDocument.applyEdits(TextDocument.create(document.uri.toString(), 'cnms', 1, text), edits);
        if (formatted === text) continue;
        changed++;
        if (options.check) {
            write(`${options.colors.yellow('would reformat')} ${shown}\n`);
        } else {
            writeFileSafely(file, formatted, options.locale);
            if (!options.quiet) write(`${options.colors.green('formatted')} ${shown}\n`);
        }
    }
    if (!options.quiet) {
        write(`${files.length} file(s): ${changed} ${options.check ? 'to reformat' : 'reformatted'}, ${files.length - changed - skipped} unchanged${skipped ? `, ${skipped} with syntax errors` : ''}\n`);
    }
    if (skipped > 0) return 1;
    return options.check && changed > 0 ? 1 : 0;
}
