import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { expect } from 'vitest';
import { addBuiltinDocuments, createCnmsServices, tonnes, type CnmsServices, type Locale, type ModelBalance, type Rational } from '@cnms/language';

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
            return entries.flatMap(([name, document]) =>
                (document.diagnostics ?? []).map(d => ({
                    file: name,
                    line: d.range.start.line + 1,
                    column: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                    code: String(d.code ?? ''),
                    severity: d.severity ?? 1,
                    message: typeof d.message === 'string' ? d.message : d.message.value,
                    text: textAt(document.textDocument.getText(), d.range)
                }))
            );
        }
    };
}

function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
    const lines = text.split(/\r?\n/);
    if (range.start.line === range.end.line) return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
    return [(lines[range.start.line] ?? '').slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), (lines[range.end.line] ?? '').slice(0, range.end.character)].join('\n');
}

/** A figure as the exact decimal string the JSON output prints. */
export function exact(value: Rational): string {
    return value.toString();
}

/** A source's counted CO2e, in tonnes, as an exact string. */
export function co2eOf(balance: ModelBalance, name: string): string {
    const entry = balance.sources.find(s => s.source.name === name);
    expect(entry, `source ${name}`).toBeDefined();
    expect(entry!.figures, `figures of ${name}`).toBeDefined();
    return exact(tonnes(entry!.figures!.co2e));
}

/** byGas entry in tonnes of the gas, as an exact string ('absent' when there is none). */
export function gas(balance: ModelBalance, name: string): string {
    const value = balance.byGas.get(name);
    return value ? exact(value) : 'absent';
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

/** The workspaces of the reused builds in this test file, each with its built-in library built once and the model of its last call. */
const reused = new Map<'memory' | 'disk', { Cnms: CnmsServices; held: URI[] }>();

/**
 * Builds the given documents in this test file's one workspace of that kind:
 * its built-in library is parsed, linked and validated once (most of the cost
 * of building a small model), and each call first deletes the previous call's
 * files, as the language server does when files are deleted.
 */
async function reuseWorkspace(kind: 'memory' | 'disk', texts: ReadonlyArray<readonly [string, URI, string]>, root: string): Promise<BuiltModel> {
    let workspace = reused.get(kind);
    if (!workspace) {
        const { NodeFileSystem } = await import('langium/node');
        const { shared, Cnms } = createCnmsServices(kind === 'disk' ? NodeFileSystem : EmptyFileSystem);
        Cnms.I18n.locale = 'en';
        const builtins = addBuiltinDocuments(shared.workspace.LangiumDocumentFactory, shared.workspace.LangiumDocuments);
        await shared.workspace.DocumentBuilder.build(builtins, { validation: true });
        workspace = { Cnms, held: [] };
        reused.set(kind, workspace);
    }
    const shared = workspace.Cnms.shared;
    await shared.workspace.DocumentBuilder.update([], workspace.held);
    const documents = new Map<string, LangiumDocument>();
    for (const [name, uri, text] of texts) {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(name, document);
    }
    workspace.held = [...documents.values()].map(document => document.uri);
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    return builtModel(workspace.Cnms, documents, root);
}

/**
 * buildModel (English messages) in one workspace for the whole test file (see
 * reuseWorkspace): the model it returns is valid until the next call, so it is
 * for tests that look at one model at a time.
 */
export function reusedBuildModel(files: Record<string, string>): Promise<BuiltModel> {
    return reuseWorkspace(
        'memory',
        Object.entries(files).map(([path, text]) => [path, URI.file(`${ROOT}/${path}`), text] as const),
        ROOT
    );
}

/** buildDirectory (English messages) in one workspace for the whole test file: as reusedBuildModel, valid until the next call. */
export async function reusedBuildDirectory(dir: string): Promise<BuiltModel> {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const path = await import('node:path');
    const texts: Array<readonly [string, URI, string]> = [];
    const walk = (current: string) => {
        for (const name of readdirSync(current).sort()) {
            const full = path.join(current, name);
            if (statSync(full).isDirectory()) walk(full);
            else if (name.endsWith('.cnms')) texts.push([path.relative(dir, full), URI.file(full), readFileSync(full, 'utf8')]);
        }
    };
    walk(dir);
    return reuseWorkspace('disk', texts, dir);
}
