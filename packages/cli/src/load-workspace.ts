import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { servicesWithLibrary, type CnmsIndexManager, type CnmsServices, type Locale } from '@cnms/language';
import { findModelFiles, readModelFile } from './model-files.js';
import { cliFileSystem } from './regular-file-system.js';
import { warningPrinter } from './warnings.js';

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

/**
 * Reads the `.cnms` files under the given paths, and the whole model they
 * belong to when its `organization` lies in a folder above them (see
 * findModelFiles for which files are read), then parses, links and checks
 * everything once, with messages in `locale`. Files skipped are named in
 * warnings on standard error.
 */
export async function loadWorkspace(paths: readonly string[], locale: Locale): Promise<LoadedWorkspace> {
    const warn = warningPrinter(locale);
    const files = findModelFiles(paths, { locale, warn, wholeModels: true });
    const requestedFiles = new Set(files.requested);

    // made ahead in the CLI's startup snapshot (packages/cli/snapshot.mjs), with the library parsed
    const { shared, Cnms, library } = servicesWithLibrary(cliFileSystem(locale, warn));
    Cnms.I18n.locale = locale;
    // one build, never updated, and no one asks where a declaration is used
    (shared.workspace.IndexManager as CnmsIndexManager).indexesReferences = false;
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const unreadable: UnreadableFile[] = [];
    const requested: LangiumDocument[] = [];
    const loaded = library;
    for (const file of files.all) {
        const content = readModelFile(file, locale);
        if ('reason' in content) {
            if (requestedFiles.has(file)) unreadable.push({ path: file, reason: content.reason });
            continue;
        }
        const document = factory.fromString(content.text, URI.file(file));
        documents.addDocument(document);
        loaded.push(document);
        if (requestedFiles.has(file)) requested.push(document);
    }
    await shared.workspace.DocumentBuilder.build(loaded, { validation: true });
    return { Cnms, requested, unreadable };
}
