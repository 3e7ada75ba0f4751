import type { Diagnostic } from 'vscode-languageserver-types';
import type { LangiumDocument } from 'langium';
import { AstUtils, Cancellation, DocumentState, Emitter, interruptAndCheck, OperationCancelled, URI } from 'langium';
import type { CnmsFile } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import type { Finding } from '../rules/rule-reporter.js';
import { sameProblemParams } from '../semantics/figure-problems.js';
import { isBuiltinUri } from '../workspace/builtin-library.js';

/**
 * Diagnostics in two speeds, the same in the CLI and the editor.
 *
 * 1. A document that was parsed or linked again is validated by Langium's
 *    validator (validation/cnms-document-validator.ts): syntax, names, its
 *    own checks, and the figures of its declarations with their problems.
 *    The clause rules' findings of the last model run are kept meanwhile, so
 *    they do not flicker. These diagnostics are published at once.
 * 2. Then, once per build, the clause rules run over each model that changed
 *    (cancellable between rules: a new keystroke stops a stale run), and every
 *    document of the model gets its full set: its own diagnostics, its
 *    figures' problems (a change in one file can give another file's figures
 *    a problem), and the findings that lie in it. Documents whose set changed
 *    are announced (the language server publishes them).
 *
 * `validated(model)` resolves when a model's diagnostics are complete: the
 * code lens and the balance request read the model only then.
 */
export class CnmsModelValidation {
    /** What the validator found that depends on the document alone: syntax, names, per-file checks. */
    private readonly own = new WeakMap<LangiumDocument, Diagnostic[]>();
    /** The clause rules' findings in each document at the last model run, and their diagnostics. */
    private readonly ruleParts = new Map<string, DiagnosticPart>();
    /** The figures' problems and duplicate names in each document when last computed, and their diagnostics. */
    private readonly figureParts = new WeakMap<LangiumDocument, DiagnosticPart>();
    /** Models whose clause rules must run again, with the promise of their completion. */
    private readonly pending = new Map<string, { promise: Promise<void>; resolve: () => void }>();
    private readonly changedEmitter = new Emitter<LangiumDocument[]>();
    private readonly validatedEmitter = new Emitter<string[]>();
    private readonly figuresReadyEmitter = new Emitter<string[]>();
    /** The own diagnostics each document's published set was made with. */
    private readonly published = new WeakMap<LangiumDocument, Diagnostic[]>();
    /**
     * Whether the figures' problems and the clause rules' findings are made
     * into diagnostics (a document's `diagnostics`). A reader of the findings
     * themselves turns it off (`cnms diff`: it compares findings by rule, key
     * and declaration, and puts into words only those gained or lost); the
     * findings are then read with `findingsOf`.
     */
    findingsAsDiagnostics = true;

    constructor(private readonly services: CnmsServices) {
        const builder = services.shared.workspace.DocumentBuilder;
        builder.onUpdate((changed, deleted) => {
            for (const uri of [...changed, ...deleted]) this.markChanged(uri);
            for (const uri of deleted) this.ruleParts.delete(uri.toString());
        });
    }

    /** Models whose diagnostics have just been completed. */
    get onModelsValidated() {
        return this.validatedEmitter.event;
    }

    /** Models whose figures are computed anew (a build has validated their documents); their clause rules run next. */
    get onFiguresReady() {
        return this.figuresReadyEmitter.event;
    }

    /** Documents whose diagnostics changed in a model run (after their first publication). */
    get onDiagnosticsChanged() {
        return this.changedEmitter.event;
    }

    /** Marks the model of `uri` for a new run of its clause rules (a file it reads changed: cnms.json, an evidence file). */
    markChanged(uri: URI | string): void {
        if (isBuiltinUri(uri.toString())) return;
        this.markModelChanged(this.services.references.Models.modelOf(uri));
    }

    /** Marks a model (by its key) for a new run of its clause rules: a file its datasets read changed. */
    markModelChanged(model: string): void {
        if (!this.pending.has(model)) {
            let resolve!: () => void;
            const promise = new Promise<void>(done => (resolve = done));
            this.pending.set(model, { promise, resolve });
        }
    }

    /** Resolves when the model's diagnostics are complete (its clause rules have run on its current text); rejects when the request is cancelled. */
    async validated(model: string, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        for (;;) {
            const pending = this.pending.get(model);
            if (!pending) return;
            if (cancelToken?.isCancellationRequested) throw OperationCancelled;
            let listener: { dispose(): void } | undefined;
            const cancelled = new Promise<void>(resolve => (listener = cancelToken?.onCancellationRequested(() => resolve())));
            await Promise.race([pending.promise, cancelled]);
            listener?.dispose();
        }
    }

    /**
     * Waits until the document is validated and its model's diagnostics are
     * complete: what every request that reads the model's figures or verdict
     * waits for. (The document's own state is awaited, not the builder's: a
     * request that arrives while a build runs its last phase would wait for
     * the next build.)
     */
    async documentValidated(uri: string, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        const parsed = URI.parse(uri);
        if (await this.documentKnown(parsed)) {
            await this.services.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed, cancelToken);
        }
        await this.validated(this.services.references.Models.modelOf(uri), cancelToken);
    }

    /**
     * Whether the workspace holds the document, once the workspace is loaded
     * and, for a document it does not hold yet, once the changes queued before
     * this request (a `didOpen` just sent) are applied: a request that comes
     * right after opening a file, or at startup, must not find "no model".
     */
    private async documentKnown(uri: URI): Promise<boolean> {
        const workspace = this.services.shared.workspace;
        await workspace.WorkspaceManager.ready;
        if (workspace.LangiumDocuments.hasDocument(uri)) return true;
        await workspace.WorkspaceLock.read(() => undefined);
        return workspace.LangiumDocuments.hasDocument(uri);
    }

    /**
     * Waits until the model of the document has its figures computed (every
     * document of it validated; `figuresReady`), though its clause rules may
     * still run: what a request that shows only figures waits for.
     */
    async figuresComputed(uri: string, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        const builder = this.services.shared.workspace.DocumentBuilder;
        const parsed = URI.parse(uri);
        if (await this.documentKnown(parsed)) {
            await builder.waitUntil(DocumentState.Validated, parsed, cancelToken);
            await builder.waitUntil(DocumentState.Validated, cancelToken);
        }
        const model = this.services.references.Models.modelOf(uri);
        // a document of the model outside the current build: its rules' completion implies its figures
        if (!this.figuresReady(model)) await this.validated(model, cancelToken);
    }

    /** Whether the model's diagnostics are complete now. */
    isValidated(model: string): boolean {
        return !this.pending.has(model);
    }

    /** Whether every model's diagnostics are complete now: no model waits for its clause rules. */
    allValidated(): boolean {
        return this.pending.size === 0;
    }

    /**
     * Whether the model's figures can be read now: every document of it is
     * validated (parsed, linked, its figures computed with their problems),
     * though its clause rules may still be running. The net and its
     * completeness are final then; the verdict waits for `isValidated`.
     */
    figuresReady(model: string): boolean {
        return this.services.references.Models.documentsOf(model).every(document => document.state >= DocumentState.Validated);
    }

    /** The first, fast diagnostics of a document that was validated again (see the class comment); a newer edit cancels them. */
    async fastDiagnostics(document: LangiumDocument, own: Diagnostic[], cancelToken: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const figures = await this.figureDiagnostics(document, cancelToken);
        this.own.set(document, own);
        return [...own, ...figures, ...(this.ruleParts.get(document.uri.toString())?.diagnostics ?? [])];
    }

    /**
     * The problems of the figures of a document's declarations, and the
     * duplicate names in it (CN-NUM-003…006, CN-6.2-…); cancelled by
     * `cancelToken` between declarations.
     */
    async figureDiagnostics(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        const file = document.parseResult.value as CnmsFile;
        if (isBuiltinUri(document.uri) || !file.elements) return [];
        const rules = this.services.rules.Language;
        const model = this.services.references.Models.modelOf(document.uri);
        const findings: Finding[] = [...(await rules.figureProblems(file, cancelToken)), ...rules.duplicateNames(file)];
        const part = this.part(this.figureParts.get(document), findings, model, file);
        this.figureParts.set(document, part);
        return part.diagnostics;
    }

    /**
     * The findings of the figures' problems and of the clause rules in a
     * document, as its diagnostics were last made of them (the document's own
     * diagnostics, of syntax, names and per-file checks, are not among them).
     */
    findingsOf(document: LangiumDocument): Finding[] {
        return [...(this.figureParts.get(document)?.findings ?? []), ...(this.ruleParts.get(document.uri.toString())?.findings ?? [])];
    }

    /**
     * The diagnostics of findings, reusing the previous ones when the findings
     * and the model's rule settings (which set their severities) are the same
     * and the document was not parsed again (a declaration kept from the last
     * parse may have moved: syntax/declaration-reparse.ts): most documents,
     * most runs.
     */
    private part(previous: DiagnosticPart | undefined, findings: readonly Finding[], model: string, file: CnmsFile): DiagnosticPart {
        const settings = this.services.rules.Settings.fingerprint(model);
        if (previous && previous.settings === settings && previous.file === file && sameFindings(previous.findings, findings)) return previous;
        return { findings, settings, file, diagnostics: this.findingsAsDiagnostics ? this.services.validation.DocumentValidator.toDiagnostics(findings, model) : [] };
    }

    /**
     * Runs the clause rules of every model marked changed, after a build
     * (workspace/cnms-document-builder.ts). Each model's documents are
     * announced as soon as its run is complete, in the step that records them
     * as published: a newer edit may cancel the run of the next model, and a
     * set recorded as published but never announced would never be sent (the
     * next run finds it unchanged), leaving the editor with the diagnostics of
     * a text it no longer holds (the fuzz harness's restores, issue 10).
     */
    async validateModels(documents: readonly LangiumDocument[], token: Cancellation.CancellationToken): Promise<void> {
        const models = this.services.references.Models;
        for (const document of documents) if (document.state >= DocumentState.Validated) this.markChanged(document.uri);
        if (this.pending.size > 0) this.figuresReadyEmitter.fire([...this.pending.keys()]);
        for (const [model, done] of [...this.pending]) {
            const members = models.documentsOf(model);
            const ruleFindings = models.isNoModelKey(model) ? [] : [...(await this.services.rules.Model.findingsOfAsync(model, token)), ...this.services.rules.Model.settingsFindings(model)];
            await interruptAndCheck(token);
            const byDocument = new Map<LangiumDocument, Finding[]>();
            for (const finding of ruleFindings) {
                const document = AstUtils.getDocument(finding.node);
                const list = byDocument.get(document);
                if (list) list.push(finding);
                else byDocument.set(document, [finding]);
            }
            const changed: LangiumDocument[] = [];
            for (const document of members) {
                const own = this.own.get(document);
                if (!own || document.state < DocumentState.Validated) continue;
                const uri = document.uri.toString();
                const figuresBefore = this.figureParts.get(document);
                const rulesBefore = this.ruleParts.get(uri);
                // (computed in the document's validation: read again, not cancelled, so that the model's documents are published together)
                const figures = await this.figureDiagnostics(document);
                const rules = this.part(rulesBefore, byDocument.get(document) ?? [], model, document.parseResult.value as CnmsFile);
                this.ruleParts.set(uri, rules);
                const same = this.published.get(document) === own && this.figureParts.get(document) === figuresBefore && rules === rulesBefore;
                if (!same) {
                    document.diagnostics = [...own, ...figures, ...rules.diagnostics];
                    this.published.set(document, own);
                    changed.push(document);
                }
            }
            this.pending.delete(model);
            if (changed.length > 0) this.changedEmitter.fire(changed);
            done.resolve();
            this.validatedEmitter.fire([model]);
        }
    }
}

/** Findings and the diagnostics made of them. */
interface DiagnosticPart {
    readonly findings: readonly Finding[];
    /** The rule settings the severities were taken from. */
    readonly settings: string;
    /** The parse whose places the diagnostics give. */
    readonly file: CnmsFile;
    readonly diagnostics: Diagnostic[];
}

/** Whether two lists of findings say the same things at the same nodes (so their diagnostics are the same). */
function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
        const x = a[i];
        const y = b[i];
        if (x.node !== y.node || x.rule !== y.rule || x.key !== y.key || x.property !== y.property || x.index !== y.index || x.severity !== y.severity) return false;
        if (!sameProblemParams(x.params ?? {}, y.params ?? {})) return false;
    }
    return true;
}
