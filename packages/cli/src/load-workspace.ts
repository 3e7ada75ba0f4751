import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { addBuiltinDocuments, createCnmsServices, type CnmsServices, type Locale } from '@cnms/language';
import { CliError } from './cli-error.js';

/** A file the user named that is not UTF-8 text: reported as a syntax error, never parsed. */
export interface UnreadableFile {
    readonly path: string;
    readonly reason: string;
}

export interface LoadedWorkspace {
    readonly Cnms: CnmsServices;
    /** The documents of the files the user asked about (not the library, not files only loaded for context). */
    readonly requested: LangiumDocument[];
    readonly unreadable: UnreadableFile[];
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const ORGANIZATION = /^\s*organization\s/m;

/**
 * Reads the `.cnms` files under the given paths, and the whole model they
 * belong to when its `organization` lies in a folder above them, then parses,
 * links and checks everything once, with messages in `locale`.
 */
export async function loadWorkspace(paths: readonly string[], locale: Locale): Promise<LoadedWorkspace> {
    const requestedFiles = new Set<string>();
    for (const path of paths.length > 0 ? paths : ['.']) {
        for (const file of filesUnder(resolve(path), true)) requestedFiles.add(file);
    }
    const allFiles = new Set(requestedFiles);
    for (const root of new Set([...requestedFiles].map(file => modelRootAbove(dirname(file))))) {
        if (root) for (const file of filesUnder(root, false)) allFiles.add(file);
    }

    const { shared, Cnms } = createCnmsServices(NodeFileSystem);
    Cnms.I18n.locale = locale;
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const unreadable: UnreadableFile[] = [];
    const requested: LangiumDocument[] = [];
    const loaded = addBuiltinDocuments(factory, documents);
    for (const file of [...allFiles].sort()) {
        const text = readText(file);
        if (typeof text !== 'string') {
            if (requestedFiles.has(file)) unreadable.push({ path: file, reason: text.reason });
            continue;
        }
        const document = factory.fromString(text, URI.file(file));
        documents.addDocument(document);
        loaded.push(document);
        if (requestedFiles.has(file)) requested.push(document);
    }
    await shared.workspace.DocumentBuilder.build(loaded, { validation: true });
    return { Cnms, requested, unreadable };
}

/** The `.cnms` files under a path the user named (a .cnms file, or a folder searched recursively). */
export function cnmsFilesUnder(path: string): string[] {
    return filesUnder(resolve(path), true);
}

/** The `.cnms` files of a path: itself if a file, every one below it if a folder. */
function filesUnder(path: string, named: boolean): string[] {
    let stats;
    try {
        stats = statSync(path);
    } catch (error) {
        throw new CliError(`cannot read '${path}': ${describe(error)}`);
    }
    if (stats.isFile()) {
        if (named && extname(path) !== '.cnms') throw new CliError(`'${path}' is not a .cnms file`);
        return [path];
    }
    if (!stats.isDirectory()) throw new CliError(`'${path}' is neither a file nor a folder`);
    const files: string[] = [];
    const walk = (dir: string) => {
        let entries;
        try {
            entries = readdirSync(dir, { withFileTypes: true });
        } catch (error) {
            throw new CliError(`cannot read '${dir}': ${describe(error)}`);
        }
        for (const entry of entries) {
            const full = join(dir, entry.name);
            if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) walk(full);
            else if (entry.isFile() && entry.name.endsWith('.cnms')) files.push(full);
        }
    };
    walk(path);
    return files;
}

/** The nearest folder at or above `dir` with a `.cnms` file that declares an organization. */
function modelRootAbove(dir: string): string | undefined {
    for (let current = dir; ; current = dirname(current)) {
        if (existsSync(current)) {
            let names: string[] = [];
            try {
                names = readdirSync(current).filter(name => name.endsWith('.cnms'));
            } catch {
                names = [];
            }
            for (const name of names) {
                const text = readText(join(current, name));
                if (typeof text === 'string' && ORGANIZATION.test(text)) return current;
            }
        }
        if (dirname(current) === current) return undefined;
    }
}

/** UTF-8 text without a byte-order mark, or why the file is not text. */
function readText(file: string): string | { reason: string } {
    let bytes: Buffer;
    try {
        bytes = readFileSync(file);
    } catch (error) {
        throw new CliError(`cannot read '${file}': ${describe(error)}`);
    }
    if (bytes.includes(0)) return { reason: 'it contains NUL bytes, as binary files do' };
    try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return text.startsWith('\uFEFF') ? text.slice(1) : text;
    } catch {
        return { reason: 'it is not valid UTF-8' };
    }
}

function describe(error: unknown): string {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file or folder';
    if (code === 'EACCES') return 'permission denied';
    return error instanceof Error ? error.message : String(error);
}
