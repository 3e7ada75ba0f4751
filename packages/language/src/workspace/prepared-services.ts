import type { FileSystemProvider, LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { EmptyFileSystemProvider } from 'langium';
import { createCnmsServices, type CnmsServices } from '../cnms-module.js';
import { addBuiltinDocuments } from './builtin-library.js';

/** Services for one build, with the built-in library's documents parsed and added to the workspace. */
export interface ServicesWithLibrary {
    readonly shared: LangiumSharedCoreServices;
    readonly Cnms: CnmsServices;
    /** The library's documents: parsed, and built too when the services were made ahead; build them with the model's (the builder skips what is done). */
    readonly library: LangiumDocument[];
}

interface Prepared extends ServicesWithLibrary {
    /** The file system the services read through, given when they are taken. */
    readonly fileSystem: { target: FileSystemProvider | undefined };
}

let prepared: Prepared | undefined;

/**
 * A file system that reads through the one given later: the services are made
 * (and the library parsed) before the run knows which file system it reads.
 * Every property is the target's, methods bound to it, so the language's
 * duck-typed questions (`realPathSync`, see model-repository.ts) get the
 * target's answers.
 */
function deferredFileSystem(holder: Prepared['fileSystem']): FileSystemProvider {
    const target = (): FileSystemProvider => {
        if (!holder.target) throw new Error('the file system was read before the services were taken');
        return holder.target;
    };
    return new Proxy({} as FileSystemProvider, {
        get: (_, key) => {
            const value: unknown = Reflect.get(target(), key);
            return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target()) : value;
        },
        has: (_, key) => key in target()
    });
}

function prepare(): Prepared {
    const fileSystem: Prepared['fileSystem'] = { target: undefined };
    const { shared, Cnms } = createCnmsServices({ fileSystemProvider: () => deferredFileSystem(fileSystem) });
    const library = addBuiltinDocuments(shared.workspace.LangiumDocumentFactory, shared.workspace.LangiumDocuments);
    return { shared, Cnms, library, fileSystem };
}

/**
 * Makes the services of the next `servicesWithLibrary` now: builds the parser,
 * parses `warmUp` (texts thrown away) and the built-in library, and builds the
 * library (indexed, linked, its figures computed and checked: it has no
 * diagnostics, and reads no file). The CLI's startup snapshot calls this when
 * it is built (packages/cli/snapshot.mjs), so a run of `cnms` starts with all
 * that done: the parser's lookahead decisions that the library and those
 * texts meet are computed too (Langium's ALL(*) lookahead computes each
 * decision the first time the parser meets it, and keeps it in the parser).
 */
export async function prepareServicesAhead(warmUp: readonly string[] = []): Promise<void> {
    prepared ??= prepare();
    for (const text of warmUp) prepared.Cnms.parser.LangiumParser.parse(text);
    // no file is read in the library's build: an empty file system, taken back before the services are
    prepared.fileSystem.target = new EmptyFileSystemProvider();
    await prepared.shared.workspace.DocumentBuilder.build(prepared.library, { validation: true });
    prepared.fileSystem.target = undefined;
}

/**
 * Services for one build that reads through `fileSystem`, with the built-in
 * library parsed: those made ahead (prepareServicesAhead), once, or new ones.
 */
export function servicesWithLibrary(fileSystem: FileSystemProvider): ServicesWithLibrary {
    const services = prepared ?? prepare();
    prepared = undefined;
    services.fileSystem.target = fileSystem;
    return { shared: services.shared, Cnms: services.Cnms, library: [...services.library] };
}
