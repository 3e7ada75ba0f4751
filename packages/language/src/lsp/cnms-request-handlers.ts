import type { LangiumSharedServices } from 'langium/lsp';
import { URI, type Cancellation } from 'langium';
import { normalizeLocale, parseLocale } from '../i18n/locale.js';
import { formatPeriod } from '../semantics/period.js';
import { shownName } from '../semantics/shown-name.js';
import { rankedSources } from '../semantics/source-ranking.js';
import { formatNet, neutralityVerdict } from '../semantics/verdict.js';
import { isBuiltinUri } from '../workspace/builtin-library.js';
import { balanceMarkdown } from './balance-markdown.js';
import { displayPrecision } from './display-precision.js';
import { plainDiagnostics } from './plain-diagnostics.js';
import { CnmsCodeActionProvider } from './cnms-code-action-provider.js';
import { CnmsCompletionProvider } from './cnms-completion-provider.js';
import type { CnmsLspServices } from './cnms-lsp-module.js';
import { BALANCE_REQUEST, BUILTIN_CONTENT_REQUEST, VALIDATE_WORKSPACE_REQUEST, type BalanceParams, type BalanceSummary, type BuiltinContentParams, type CnmsInitializationOptions, type ValidateWorkspaceResult } from './cnms-protocol.js';

/** Answers the requests of cnms-protocol.ts and takes the message language from the client. */
export function registerCnmsRequests(shared: LangiumSharedServices, Cnms: CnmsLspServices): void {
    shared.lsp.LanguageServer.onInitialize(params => {
        const options = params.initializationOptions as CnmsInitializationOptions | undefined;
        Cnms.I18n.locale = (options?.locale && parseLocale(options.locale)) || normalizeLocale(params.locale);
        const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
        if (workspaceEdit?.snippetEditSupport && Cnms.lsp.CodeActionProvider instanceof CnmsCodeActionProvider) {
            Cnms.lsp.CodeActionProvider.snippetEdits = true;
        }
        if (options?.completionSnippets === false && Cnms.lsp.CompletionProvider instanceof CnmsCompletionProvider) {
            Cnms.lsp.CompletionProvider.snippets = false;
        }
    });
    const connection = shared.lsp.Connection;
    if (!connection) return;
    // every diagnostic the server publishes (Langium's first round and the model-wide one below) in plain text
    const sendDiagnostics = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => sendDiagnostics({ ...params, diagnostics: plainDiagnostics(params.diagnostics) });
    const documents = shared.workspace.LangiumDocuments;
    const models = Cnms.references.Models;

    // A file that is not CNMS but that the rules read (cnms.json, a file a `document` names) changed:
    // its model's rules run again in the build that follows the notification (marked in that
    // build's update, so that nothing waits for a model outside a build).
    // A dataset's CSV is read by figures: the figures that read it are computed again (semantics/datasets.ts),
    // and the models whose datasets read it run again, wherever the file lies.
    const watched = new Set<string>();
    shared.lsp.DocumentUpdateHandler.onWatchedFilesChange?.(params => {
        for (const change of params.changes) {
            if (change.uri.endsWith('.cnms')) continue;
            const uri = URI.parse(change.uri).toString();
            watched.add(uri);
            Cnms.semantics.FigureMemo.fileChanged(uri);
        }
    });
    shared.workspace.DocumentBuilder.onUpdate(() => {
        for (const uri of watched) {
            Cnms.validation.ModelValidation.markChanged(uri);
            for (const model of Cnms.semantics.Datasets.modelsReading(uri)) Cnms.validation.ModelValidation.markModelChanged(model);
        }
        watched.clear();
    });

    // Lenses show the net once a model's figures are computed and its verdict once its rules have run:
    // the client asks again at both moments.
    let lensRefresh = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        lensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    });
    const refreshLenses = () => {
        if (lensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    };
    Cnms.validation.ModelValidation.onFiguresReady(refreshLenses);
    Cnms.validation.ModelValidation.onModelsValidated(refreshLenses);

    // The second, model-wide round of diagnostics (validation/cnms-model-validation.ts).
    Cnms.validation.ModelValidation.onDiagnosticsChanged(changed => {
        for (const document of changed) {
            // Not awaited: the next round supersedes this one. A failed write (the
            // client is gone) is logged and closes the connection; unhandled, it
            // would end the server with a stack trace instead.
            connection.sendDiagnostics({ uri: document.uri.toString(), diagnostics: document.diagnostics ?? [] }).catch(() => undefined);
        }
    });

    connection.onRequest(BALANCE_REQUEST, async (params: BalanceParams, token: Cancellation.CancellationToken): Promise<BalanceSummary | null> => {
        // the figures (and, unless only they are asked for, the verdict) of the validated model, never of a half-built one
        const validation = Cnms.validation.ModelValidation;
        if (params.figuresOnly === true) await validation.figuresComputed(params.uri, token);
        else await validation.documentValidated(params.uri, token);
        if (models.isInNoModel(params.uri) || isBuiltinUri(params.uri)) return null;
        const model = models.modelOf(params.uri);
        const organization = models.organizationOf(model);
        if (!organization) return null;
        const balance = Cnms.semantics.Balance.of(model);
        const rulesChecked = validation.isValidated(model);
        const diagnostics = models.documentsOf(model).flatMap(doc => doc.diagnostics ?? []);
        const errors = diagnostics.filter(d => d.severity === 1).length;
        const warnings = diagnostics.filter(d => d.severity === 2).length;
        const verdict = neutralityVerdict(balance, errors);
        const ranked = rankedSources(balance, models.keyObject(model));
        const precision = await displayPrecision(Cnms);
        return {
            model: shownName(organization),
            title: organization.title ?? null,
            period: balance.settings.period ? formatPeriod(balance.settings.period) : null,
            emissions: balance.emissions.toString(),
            removals: balance.removals.toString(),
            offsets: balance.offsets.toString(),
            net: balance.net.toString(),
            netDisplay: formatNet(balance, verdict, Cnms.I18n.locale, precision),
            uncomputed: verdict.uncomputed,
            neutral: rulesChecked && verdict.neutral,
            rulesChecked,
            errors,
            warnings,
            markdown: balanceMarkdown(balance, { ranked, errors, warnings, rulesChecked, precision }, Cnms.I18n)
        };
    });

    connection.onRequest(BUILTIN_CONTENT_REQUEST, (params: BuiltinContentParams): string | null => {
        if (!isBuiltinUri(params.uri)) return null;
        // VS Code writes `cnms-builtin:///…` as `cnms-builtin:/…`: compare normalised URIs
        const wanted = URI.parse(params.uri).toString();
        return documents.all.find(doc => doc.uri.toString() === wanted)?.textDocument.getText() ?? null;
    });

    connection.onRequest(VALIDATE_WORKSPACE_REQUEST, async (_params: unknown, token: Cancellation.CancellationToken): Promise<ValidateWorkspaceResult> => {
        for (const document of documents.all.filter(doc => !isBuiltinUri(doc.uri)).toArray()) {
            await Cnms.validation.ModelValidation.documentValidated(document.uri.toString(), token);
        }
        const own = documents.all.filter(doc => !isBuiltinUri(doc.uri)).toArray();
        const diagnostics = own.flatMap(doc => doc.diagnostics ?? []);
        return {
            files: own.length,
            errors: diagnostics.filter(d => d.severity === 1).length,
            warnings: diagnostics.filter(d => d.severity === 2).length,
            infos: diagnostics.filter(d => (d.severity ?? 1) >= 3).length
        };
    });
}
