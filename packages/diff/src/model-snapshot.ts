import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, URI } from 'langium';
import {
    addBuiltinDocuments, createCnmsServices, isLibrary, type CnmsFile, type CnmsServices, type Element, type Locale, type ModelBalance
} from '@cnms/language';
import type { RevisionFiles } from './revision-files.js';

/** A diagnostic keyed by rule and element, so that moving lines does not make it new. */
export interface KeyedFinding {
    readonly key: string;
    readonly rule: string;
    readonly element: string;
    readonly severity: 'error' | 'warning' | 'info';
    readonly message: string;
}

/** One revision of a model, parsed, linked, checked and evaluated on its own. */
export interface ModelSnapshot {
    readonly revision: RevisionFiles;
    readonly Cnms: CnmsServices;
    readonly model: string | undefined;
    readonly balance: ModelBalance | undefined;
    /** Top-level declarations by identity (`Source:boiler`). */
    readonly elements: ReadonlyMap<string, Element>;
    readonly findings: readonly KeyedFinding[];
    /** Files that do not parse at this revision. */
    readonly unparsable: readonly string[];
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' } as const;

export function identityOf(element: Element): string {
    return `${element.$type}:${'name' in element ? element.name : ''}`;
}

/**
 * Builds one revision in its own services, from texts only (no file system:
 * so `cnms.json` settings and document paths of the working tree do not leak
 * into a past revision). The model is the one that holds `path`.
 */
export async function snapshotOf(revision: RevisionFiles, slot: string, path: string, locale: Locale): Promise<ModelSnapshot> {
    const { shared, Cnms } = createCnmsServices(EmptyFileSystem);
    Cnms.I18n.locale = locale;
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents: LangiumDocument[] = addBuiltinDocuments(factory, shared.workspace.LangiumDocuments);
    const own: LangiumDocument[] = [];
    for (const [file, text] of revision.files) {
        if (!file.endsWith('.cnms')) continue;
        const document = factory.fromString(text, URI.file(`/cnms-diff/${slot}/${file}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
        own.push(document);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const models = Cnms.references.Models;
    const wanted = `/cnms-diff/${slot}/${path}`.replace(/\/+$/, '');
    const inPath = own.filter(doc => doc.uri.path === wanted || doc.uri.path.startsWith(`${wanted}/`) || path === '' || path === '.');
    const model = [...new Set(inPath.map(doc => models.modelOf(doc.uri)))].find(key => !key.startsWith('file-only:'));
    const elements = new Map<string, Element>();
    const findings: KeyedFinding[] = [];
    const unparsable: string[] = [];
    if (model) {
        for (const element of models.elementsOf(model)) {
            if (!isLibrary(element)) elements.set(identityOf(element), element);
        }
        for (const document of models.documentsOf(model)) {
            const file = document.uri.path.slice(`/cnms-diff/${slot}/`.length);
            if (document.parseResult.parserErrors.length > 0 || document.parseResult.lexerErrors.length > 0) unparsable.push(file);
            for (const diagnostic of document.diagnostics ?? []) {
                const element = elementAt(document, diagnostic.range.start) ?? file;
                const data = diagnostic.data as { key?: string } | undefined;
                const rule = String(diagnostic.code ?? '');
                const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
                findings.push({ key: `${rule} ${element} ${data?.key ?? message}`, rule, element, severity: SEVERITY[(diagnostic.severity ?? 1) as 1 | 2 | 3 | 4], message });
            }
        }
    }
    return { revision, Cnms, model, balance: model ? Cnms.semantics.Balance.of(model) : undefined, elements, findings, unparsable };
}

/** The top-level declaration at a position, as its identity. */
function elementAt(document: LangiumDocument, position: { line: number; character: number }): string | undefined {
    const offset = document.textDocument.offsetAt(position);
    const root = document.parseResult.value as CnmsFile;
    const element = root.elements.find(e => e.$cstNode && e.$cstNode.offset <= offset && offset <= e.$cstNode.end);
    return element ? identityOf(element) : undefined;
}
