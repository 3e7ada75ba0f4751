import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Locale } from '@cnms/language';
import { createCnmsLspServices } from '@cnms/language/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Colors } from '../colors.js';
import { CliError } from '../cli-error.js';
import { lineEndingOf, withLineEnding, withLineFeeds } from '../line-endings.js';
import { findModelFiles, readModelFile, type ModelText } from '../model-files.js';
import { shownPath } from '../shown-path.js';
import { warningPrinter } from '../warnings.js';
import { writeFileSafely } from '../write-file-safely.js';

export interface FormatOptions {
    readonly check: boolean;
    readonly colors: Colors;
    readonly quiet: boolean;
    readonly locale: Locale;
}

const WORDS = {
    en: { notText: (file: string, reason: string) => `'${file}' is not UTF-8 text (${reason}); no file was changed: convert it to UTF-8 first (for example with iconv -f GBK -t UTF-8)` },
    'zh-CN': { notText: (file: string, reason: string) => `“${file}”不是 UTF-8 文本（${reason}）；未修改任何文件：请先将其转换为 UTF-8（例如用 iconv -f GBK -t UTF-8）` }
} as const;

/**
 * `cnms format [PATH…] [--check]`: the language server's formatter on files.
 * Rewrites files only when their layout changes (never with --check, which
 * lists them and exits 1), keeping a file's byte-order mark and its line
 * endings (CRLF stays CRLF); leaves files with syntax errors untouched and
 * says so. Every file is read before any is written: one that is not UTF-8
 * text stops the run (exit 2) with no file changed, as rewriting it would
 * corrupt it.
 */
export async function format(paths: readonly string[], options: FormatOptions, write: (text: string) => void): Promise<number> {
    const { shared, Cnms } = createCnmsLspServices({ ...NodeFileSystem });
    const formatter = Cnms.lsp.Formatter;
    if (!formatter) throw new CliError('no formatter is available');
    const files = findModelFiles(paths, { locale: options.locale, warn: warningPrinter(options.locale), wholeModels: false }).requested;
    const contents = new Map<string, ModelText>();
    for (const file of files) {
        const content = readModelFile(file, options.locale);
        if ('reason' in content) throw new CliError(WORDS[options.locale].notText(shownPath(file), content.reason));
        contents.set(file, content);
    }
    let changed = 0;
    let skipped = 0;
    for (const [file, { text, bom }] of contents) {
        const source = withLineFeeds(text);
        const document = shared.workspace.LangiumDocumentFactory.fromString(source, URI.file(file));
        const shown = shownPath(file);
        const result = document.parseResult;
        if (result.lexerErrors.length > 0 || result.parserErrors.length > 0) {
            skipped++;
            process.stderr.write(`${shown}: not formatted, it has syntax errors (run cnms validate)\n`);
            continue;
        }
        const edits = await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
        const formatted = withLineEnding(TextDocument.applyEdits(TextDocument.create(document.uri.toString(), 'cnms', 1, source), edits), lineEndingOf(text));
        if (formatted === text) continue;
        changed++;
        if (options.check) {
            write(`${options.colors.yellow('would reformat')} ${shown}\n`);
        } else {
            writeFileSafely(file, bom ? `\uFEFF${formatted}` : formatted, options.locale);
            if (!options.quiet) write(`${options.colors.green('formatted')} ${shown}\n`);
        }
    }
    if (!options.quiet) {
        write(`${files.length} file(s): ${changed} ${options.check ? 'to reformat' : 'reformatted'}, ${files.length - changed - skipped} unchanged${skipped ? `, ${skipped} with syntax errors` : ''}\n`);
    }
    if (skipped > 0) return 1;
    return options.check && changed > 0 ? 1 : 0;
}
