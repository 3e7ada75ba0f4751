import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import {
    addBuiltinDocuments, createCnmsServices, type CnmsServices, type Locale, type ModelBalance, type Rational
} from '@cnms/language';

/** A model built in memory from file texts, as the language server and the CLI build it. */
export interface BuiltModel {
    readonly Cnms: CnmsServices;
    readonly documents: ReadonlyMap<string, LangiumDocument>;
    /** The balance of the model that folder `dir` belongs to (default: the root `/model`), found as the CLI and the server find it (model-discovery.ts). */
    balance(dir?: string): ModelBalance;
    /** Diagnostics of one file, or of all the model's files. */
    diagnostics(file?: string): Array<{ file: string; line: number; column: number; endLine: number; endColumn: number; code: string; severity: number; message: string; text: string }>;
    /** Only the language rules' diagnostics (CN-NUM): what a test of the language itself looks at, whatever the clause rules say. */
    languageDiagnostics(file?: string): ReturnType<BuiltModel['diagnostics']>;
}

export const ROOT = '/model';

/**
 * Builds the files (`{ 'org.cnms': '…', 'sites/a.cnms': '…' }`, paths below
 * /model) with the built-in library, linked and validated.
 */
export async function buildModel(files: Record<string, string>, locale: Locale = 'en'): Promise<BuiltModel> {
    const { shared, Cnms } = createCnmsServices(EmptyFileSystem);
    Cnms.I18n.locale = locale;
    const factory = shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const all = addBuiltinDocuments(factory, langiumDocuments);
    const documents = new Map<string, LangiumDocument>();
    for (const [path, text] of Object.entries(files)) {
        const document = factory.fromString(text, URI.file(`${ROOT}/${path}`));
        langiumDocuments.addDocument(document);
        documents.set(path, document);
        all.push(document);
    }
    await shared.workspace.DocumentBuilder.build(all, { validation: true });
    return builtModel(Cnms, documents, ROOT);
}

/** The test's view of a built model whose root folder is `root`. */
function builtModel(Cnms: CnmsServices, documents: ReadonlyMap<string, LangiumDocument>, root: string): BuiltModel {
    return {
        Cnms,
        documents,
        balance(dir = '') {
            const folder = URI.file(dir ? `${root}/${dir}` : root);
            return Cnms.semantics.Balance.of(Cnms.references.Models.modelOfFolder(folder) ?? folder.toString());
        },
        languageDiagnostics(file?: string) {
            return this.diagnostics(file).filter(d => d.code.startsWith('CN-NUM-'));
        },
        diagnostics(file?: string) {
            const entries = file ? [[file, documents.get(file)!] as const] : [...documents.entries()];
            return entries.flatMap(([name, document]) => (document.diagnostics ?? []).map(d => ({
                file: name,
                line: d.range.start.line + 1,
                column: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
                code: String(d.code ?? ''),
                severity: d.severity ?? 1,
                message: typeof d.message === 'string' ? d.message : d.message.value,
                text: textAt(document.textDocument.getText(), d.range)
            })));
        }
    };
}

function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
    const lines = text.split(/\r?\n/);
    if (range.start.line === range.end.line) return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
    return [
        (lines[range.start.line] ?? '').slice(range.start.character),
        ...lines.slice(range.start.line + 1, range.end.line),
        (lines[range.end.line] ?? '').slice(0, range.end.character)
    ].join('\n');
}

/** A figure as the exact decimal string the JSON output prints. */
export function exact(value: Rational): string {
    return value.toString();
}

/**
 * Builds a model directory from disk (every .cnms file below it, and its
 * cnms.json and documents through the real file system), as the CLI does.
 */
export async function buildDirectory(dir: string, locale: Locale = 'en'): Promise<BuiltModel> {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    // eslint-disable-next-line @typescript-eslint/unbound-method -- node:path's functions do not use `this`
    const { join, relative } = await import('node:path');
    const { NodeFileSystem } = await import('langium/node');
    const { shared, Cnms } = createCnmsServices(NodeFileSystem);
    Cnms.I18n.locale = locale;
    const factory = shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const all = addBuiltinDocuments(factory, langiumDocuments);
    const documents = new Map<string, LangiumDocument>();
    const walk = (current: string) => {
        for (const name of readdirSync(current).sort()) {
            const full = join(current, name);
            if (statSync(full).isDirectory()) walk(full);
            else if (name.endsWith('.cnms')) {
                const document = factory.fromString(readFileSync(full, 'utf8'), URI.file(full));
                langiumDocuments.addDocument(document);
                documents.set(relative(dir, full), document);
                all.push(document);
            }
        }
    };
    walk(dir);
    await shared.workspace.DocumentBuilder.build(all, { validation: true });
    return builtModel(Cnms, documents, dir);
}
