import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { addBuiltinDocuments, createCnmsServices } from '@cnms/language';
import { REPO } from './cli.js';

/** The steel example's files, in the order a workspace adds them. */
export const STEEL_FILES = ['organization.cnms', 'factors.cnms', 'sites/lime_plant.cnms', 'sites/main_works.cnms'];

/**
 * A copy of the steel example in a new temporary folder (the caller removes
 * `dir`), loaded into services of its own with the built-in library, not yet
 * built: `paths` are its files' paths, `documents` the documents to build.
 */
export function steelWorkspace(prefix: string) {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    cpSync(join(REPO, 'examples/steel'), dir, { recursive: true });
    const services = createCnmsServices(NodeFileSystem);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const documents: LangiumDocument[] = addBuiltinDocuments(factory, langiumDocuments);
    const paths = STEEL_FILES.map(path => join(dir, path));
    for (const path of paths) {
        const document = factory.fromString(readFileSync(path, 'utf8'), URI.file(path));
        langiumDocuments.addDocument(document);
        documents.push(document);
    }
    return { dir, paths, documents, ...services };
}
