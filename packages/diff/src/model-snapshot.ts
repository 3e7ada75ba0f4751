import type { AstNode, FileSystemProvider, LangiumDocument } from 'langium';
import { Cancellation, EmptyFileSystemProvider, interruptAndCheck, URI } from 'langium';
import { isLibrary, servicesWithLibrary, type CnmsFile, type Finding, type CnmsIndexManager, type CnmsServices, type Element, type Locale, type ModelBalance, type ModelProducts } from '@cnms/language';
import type { RevisionFiles } from './revision-files.js';

/** A diagnostic keyed by rule and element, so that moving lines does not make it new. */
export interface KeyedFinding {
    readonly key: string;
    readonly rule: string;
    readonly element: string;
    readonly severity: 'error' | 'warning' | 'info';
    readonly message: string;
}

/** One revision of a model, parsed, linked, checked and evaluated: what the comparison reads, taken when the revision was built. */
export interface ModelSnapshot {
    readonly revision: RevisionFiles;
    readonly model: string | undefined;
    readonly balance: ModelBalance | undefined;
    /** The model's installations, processes and goods with their figures (docs/cbam.md). */
    readonly products: ModelProducts | undefined;
    /** Top-level declarations by identity (`Source:boiler`). */
    readonly elements: ReadonlyMap<string, Element>;
    readonly findings: readonly KeyedFinding[];
    /** Each target's first missed year (null: never missed). */
    readonly targets: ReadonlyMap<string, number | null>;
    /** Files that do not parse at this revision. */
    readonly unparsable: readonly string[];
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' } as const;

/** Where a revision's files live in the workspace of a comparison: `/cnms-diff/` + their path in the repository. */
export const SNAPSHOT_FOLDER = '/cnms-diff/';

export function identityOf(element: Element): string {
    return `${element.$type}:${'name' in element ? element.name : ''}`;
}

/**
 * The texts of the revision being built, by path: what Langium reads when it
 * parses a changed document again, and the CSV files its datasets read. A
 * folder exists when a file of the revision lies in it.
 */
function revisionTexts(texts: ReadonlyMap<string, string>): FileSystemProvider {
    const read = (uri: URI): string => {
        const text = texts.get(uri.path);
        if (text === undefined) throw new Error(`no file ${uri.path} at this revision`);
        return text;
    };
    const isFolder = (uri: URI): boolean => {
        const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
        for (const path of texts.keys()) if (path.startsWith(prefix)) return true;
        return false;
    };
    return Object.assign(new EmptyFileSystemProvider(), {
        readFileSync: read,
        readFile: async (uri: URI) => read(uri),
        readBinarySync: (uri: URI) => new TextEncoder().encode(read(uri)),
        existsSync: (uri: URI) => texts.has(uri.path) || isFolder(uri),
        statSync: (uri: URI) => ({ uri, isFile: texts.has(uri.path), isDirectory: !texts.has(uri.path) && isFolder(uri) })
    });
}

/**
 * Builds two revisions of a model in one workspace, from texts only (no file
 * system: so `cnms.json` settings and document paths of the working tree do
 * not leak into a past revision), at the cost of about one build: the earlier
 * revision is built and read, then only the files that differ are parsed
 * again, and only the documents they affect are linked and checked again, as
 * after an edit in the editor. A file whose text is the same at both
 * revisions is parsed and linked once. The model is the one that holds
 * `path` (model-discovery.ts); a cancelled token rejects with OperationCancelled.
 */
export async function snapshotsOf(before: RevisionFiles, after: RevisionFiles, path: string, locale: Locale, token: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<[ModelSnapshot, ModelSnapshot]> {
    const texts = new Map<string, string>();
    const { shared, Cnms, library } = servicesWithLibrary(revisionTexts(texts));
    Cnms.I18n.locale = locale;
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    const uriOf = (file: string) => URI.file(`${SNAPSHOT_FOLDER}${file}`);
    const cnmsFiles = (revision: RevisionFiles) => [...revision.files].filter(([file]) => file.endsWith('.cnms'));

    // no index of references: the update finds the documents to relink from their references (CnmsIndexManager.isAffected)
    (shared.workspace.IndexManager as CnmsIndexManager).indexesReferences = false;
    // the findings are read as they are (snapshot below): only those gained or lost are put into words
    Cnms.validation.ModelValidation.findingsAsDiagnostics = false;
    const loaded: LangiumDocument[] = library;
    // the CSV files of the revision, for its datasets
    const csvFiles = (revision: RevisionFiles) => [...revision.files].filter(([file]) => /\.csv$/i.test(file));
    for (const [file, text] of csvFiles(before)) texts.set(uriOf(file).path, text);
    for (const [file, text] of cnmsFiles(before)) {
        texts.set(uriOf(file).path, text);
        const document = factory.fromString(text, uriOf(file));
        documents.addDocument(document);
        loaded.push(document);
    }
    await builder.build(loaded, { validation: true }, token);
    const first = snapshot(Cnms, before, path);

    await interruptAndCheck(token);
    const changed: URI[] = [];
    for (const [file, text] of cnmsFiles(after)) {
        const uri = uriOf(file);
        const was = texts.get(uri.path);
        texts.set(uri.path, text);
        if (was === text) continue;
        // a new file is parsed here; a changed one when the builder reads its new text
        if (was === undefined) documents.addDocument(factory.fromString(text, uri));
        changed.push(uri);
    }
    const deleted = cnmsFiles(before)
        .filter(([file]) => !after.files.has(file))
        .map(([file]) => uriOf(file));
    for (const uri of deleted) texts.delete(uri.path);
    // a CSV that differs recomputes the figures that read it, and the rules of the models whose datasets read it
    const csvChanged = new Set([...csvFiles(before), ...csvFiles(after)].map(([file]) => file).filter(file => before.files.get(file) !== after.files.get(file)));
    for (const file of csvChanged) {
        const uri = uriOf(file);
        const text = after.files.get(file);
        if (text === undefined) texts.delete(uri.path);
        else texts.set(uri.path, text);
        Cnms.semantics.FigureMemo.fileChanged(uri.toString());
        for (const model of Cnms.semantics.Datasets.modelsReading(uri.toString())) Cnms.validation.ModelValidation.markModelChanged(model);
    }
    builder.updateBuildOptions = { validation: true };
    await builder.update(changed, deleted, token);
    return [first, snapshot(Cnms, after, path)];
}

/** What the comparison reads of the revision just built. */
function snapshot(Cnms: CnmsServices, revision: RevisionFiles, path: string): ModelSnapshot {
    const models = Cnms.references.Models;
    const wanted = `${SNAPSHOT_FOLDER}${path}`.replace(/\/+$/, '');
    const own = Cnms.shared.workspace.LangiumDocuments.all.toArray().filter(doc => doc.uri.path.startsWith(SNAPSHOT_FOLDER));
    const inPath = own.filter(doc => doc.uri.path === wanted || doc.uri.path.startsWith(`${wanted}/`) || path === '' || path === '.');
    const model = models.modelOfFolder(URI.file(wanted)) ?? [...new Set(inPath.map(doc => models.modelOf(doc.uri)))].find(key => !models.isNoModelKey(key));
    const elements = new Map<string, Element>();
    const findings: KeyedFinding[] = [];
    const unparsable: string[] = [];
    if (model) {
        for (const element of models.elementsOf(model)) {
            if (!isLibrary(element)) elements.set(identityOf(element), element);
        }
        const reporter = Cnms.rules.Reporter;
        for (const document of models.documentsOf(model)) {
            const file = document.uri.path.slice(SNAPSHOT_FOLDER.length);
            if (document.parseResult.parserErrors.length > 0 || document.parseResult.lexerErrors.length > 0) unparsable.push(file);
            // the document's own diagnostics (syntax, names, per-file checks)
            for (const diagnostic of document.diagnostics ?? []) {
                const element = elementAt(document, diagnostic.range.start) ?? file;
                const data = diagnostic.data as { key?: string } | undefined;
                const rule = String(diagnostic.code ?? '');
                const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
                findings.push({ key: findingKey(rule, element, data?.key ?? message), rule, element, severity: SEVERITY[diagnostic.severity ?? 1], message });
            }
            // its figures' problems and the clause rules' findings in it, as their diagnostics would say them
            for (const finding of Cnms.validation.ModelValidation.findingsOf(document)) {
                const severity = reporter.severityOf(finding, model);
                if (!severity) continue;
                const element = declarationOf(finding) ?? elementAt(document, Cnms.validation.DocumentValidator.placeOf(finding).start) ?? file;
                findings.push({
                    key: findingKey(finding.rule, element, finding.key),
                    rule: finding.rule,
                    element,
                    severity,
                    get message() {
                        return reporter.message(finding);
                    }
                });
            }
        }
    }
    const targets = new Map((model ? (Cnms.semantics.Projection.of(model)?.targets ?? []) : []).map(t => [t.target.name, t.firstMissed ?? null] as const));
    return { revision, model, balance: model ? Cnms.semantics.Balance.of(model) : undefined, products: model ? Cnms.semantics.ProductFigures.ofModel(model) : undefined, elements, findings, targets, unparsable };
}

/** What makes two findings the same finding at two revisions: rule, declaration and what is said (its message key), not the line. */
function findingKey(rule: string, element: string, said: string): string {
    return `${rule} ${element} ${said}`;
}

/** The top-level declaration a finding lies in, as its identity; undefined for a finding on the file itself. */
function declarationOf(finding: Finding): string | undefined {
    let node: AstNode = finding.node;
    while (node.$container && node.$container.$container) node = node.$container;
    return node.$container ? identityOf(node as Element) : undefined;
}

/** The top-level declaration at a position, as its identity: found by halving (a file's thousands of findings, its hundreds of declarations). */
function elementAt(document: LangiumDocument, position: { line: number; character: number }): string | undefined {
    const offset = document.textDocument.offsetAt(position);
    const elements = (document.parseResult.value as CnmsFile).elements;
    // the first declaration that ends at or after the offset: the only one that can hold it
    let low = 0;
    let high = elements.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        const node = elements[middle].$cstNode;
        if (node && node.end < offset) low = middle + 1;
        else high = middle;
    }
    const element = elements[low] as Element | undefined;
    return element?.$cstNode && element.$cstNode.offset <= offset ? identityOf(element) : undefined;
}
