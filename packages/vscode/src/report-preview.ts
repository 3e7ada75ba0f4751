// The report beside the editor: the model's HTML report (`cnms/report`) in a
// webview without scripts or local resources, one panel per model, refreshed
// when a CNMS document of that model is saved, and restored after a window
// reload (a WebviewPanelSerializer: the webview runs no script, so the
// document each panel shows is kept in the workspace state, by panel title).
import * as vscode from 'vscode';
import { requestBalance } from './balance-request.js';
import type { RequestSender } from './builtin-documents.js';
import { currentLocale } from './locale.js';
import { text } from './messages.js';
import { messagePage, withWebviewCsp } from './report-html.js';
import { withThemeStyle } from './report-theme.js';
import { errorMessage, organizationOf, requestReport, type Report } from './report-request.js';

export const REPORT_PREVIEW_VIEW_TYPE = 'cnms.reportPreview';
const DEBOUNCE_MS = 300;

interface OpenPreview {
    readonly panel: vscode.WebviewPanel;
    /** The organisation's id: the model's key here (what `cnms/balance` calls `model`). */
    organization: string;
    /** The document the report was asked for; any document of the model would do. */
    document: vscode.Uri;
    /** Counts refreshes, so that an older answer never overwrites a newer one. */
    generation: number;
    disposed: boolean;
}

/** Where the documents of the open previews are kept between sessions: panel title → document URI. */
const RESTORE_KEY = 'cnms.reportPreview.documents';

export class ReportPreview implements vscode.Disposable, vscode.WebviewPanelSerializer {
    private readonly previews = new Map<string, OpenPreview>();
    private readonly saved = new Map<string, vscode.Uri>();
    private timer: ReturnType<typeof setTimeout> | undefined;
    /** Set while the extension shuts down: the panels it closes then are kept for the next session. */
    private closing = false;

    constructor(
        private readonly client: RequestSender,
        private readonly memory?: vscode.Memento
    ) {}

    /**
     * A panel VS Code kept over a window reload: it shows the report of the
     * document remembered for its title again, or says why it cannot.
     */
    async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
        const remembered = this.remembered()[panel.title];
        if (!remembered) {
            panel.webview.html = messagePage(text('preview.lost'), currentLocale());
            return;
        }
        const document = vscode.Uri.parse(remembered);
        // keyed by its title until the report names the organisation (render() re-keys it)
        const preview = this.adopt(panel, `restoring:${panel.title}`, document);
        panel.webview.html = messagePage(text('report.progress'), currentLocale());
        await this.refresh(preview);
    }

    private remembered(): Record<string, string> {
        return this.memory?.get<Record<string, string>>(RESTORE_KEY) ?? {};
    }

    /** Keeps the document of every open preview, by its panel's title, for the next session. */
    private remember(): void {
        if (!this.memory || this.closing) return;
        const documents: Record<string, string> = {};
        for (const preview of this.previews.values()) if (!preview.disposed) documents[preview.panel.title] = preview.document.toString();
        void this.memory.update(RESTORE_KEY, documents);
    }

    private adopt(panel: vscode.WebviewPanel, organization: string, document: vscode.Uri): OpenPreview {
        const preview: OpenPreview = { panel, organization, document, generation: 0, disposed: false };
        this.previews.set(organization, preview);
        panel.onDidDispose(() => {
            preview.disposed = true;
            if (this.previews.get(preview.organization) === preview) this.previews.delete(preview.organization);
            this.remember();
        });
        return preview;
    }

    /** Opens (or reveals and refreshes) the report of the model that holds `document`; undefined when there is none. */
    async show(document: vscode.Uri): Promise<vscode.WebviewPanel | undefined> {
        let report: Report | null;
        try {
            report = await requestReport(this.client, document.toString(), 'html');
        } catch (error) {
            void vscode.window.showErrorMessage(text('report.failed', { message: errorMessage(error) }));
            return undefined;
        }
        if (!report) {
            void vscode.window.showWarningMessage(text('report.noModel'));
            return undefined;
        }
        const organization = organizationOf(report.fileName);
        const open = this.previews.get(organization);
        if (open) {
            open.document = document;
            open.generation++;
            this.render(open, report);
            open.panel.reveal(vscode.ViewColumn.Beside, true);
            return open.panel;
        }
        const panel = vscode.window.createWebviewPanel(
            REPORT_PREVIEW_VIEW_TYPE,
            text('preview.title', { organization }),
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            { enableScripts: false, enableForms: false, enableCommandUris: false, localResourceRoots: [], enableFindWidget: true }
        );
        const preview = this.adopt(panel, organization, document);
        this.render(preview, report);
        return panel;
    }

    /** Notes a saved CNMS document; the previews of its model refresh after a short pause (a burst of saves asks once). */
    scheduleRefresh(document: vscode.Uri): void {
        if (this.previews.size === 0) return;
        this.saved.set(document.toString(), document);
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            this.timer = undefined;
            void this.refreshSaved();
        }, DEBOUNCE_MS);
    }

    /** Refreshes the previews whose model holds one of the documents saved since the last refresh. */
    private async refreshSaved(): Promise<void> {
        const saved = [...this.saved.values()];
        this.saved.clear();
        const models = new Set<string>();
        for (const uri of saved) {
            try {
                const balance = await requestBalance(this.client, uri.toString());
                if (balance) models.add(balance.model);
            } catch {
                // The server could not say: the previews of that document (below) still refresh.
            }
        }
        const names = new Set(saved.map(uri => uri.toString()));
        const stale = [...this.previews.values()].filter(preview => models.has(preview.organization) || names.has(preview.document.toString()));
        await Promise.all(stale.map(preview => this.refresh(preview)));
    }

    /** Refreshes every preview (the message language changed). */
    refreshAll(): void {
        for (const preview of this.previews.values()) void this.refresh(preview);
    }

    private async refresh(preview: OpenPreview): Promise<void> {
        const generation = ++preview.generation;
        let report: Report | null | undefined;
        let failure: string | undefined;
        try {
            report = await requestReport(this.client, preview.document.toString(), 'html');
        } catch (error) {
            failure = errorMessage(error);
        }
        if (generation !== preview.generation || preview.disposed) return;
        if (report) this.render(preview, report);
        else {
            const message = failure === undefined ? text('preview.gone') : text('report.failed', { message: failure });
            preview.panel.webview.html = messagePage(message, currentLocale());
        }
    }

    private render(preview: OpenPreview, report: Report): void {
        const organization = organizationOf(report.fileName);
        if (organization !== preview.organization && !this.previews.has(organization)) {
            // The organisation was renamed: the panel follows its model.
            this.previews.delete(preview.organization);
            preview.organization = organization;
            this.previews.set(organization, preview);
        }
        preview.panel.title = text('preview.title', { organization });
        preview.panel.webview.html = withWebviewCsp(withThemeStyle(report.content));
        this.remember();
    }

    dispose(): void {
        this.closing = true;
        if (this.timer) clearTimeout(this.timer);
        this.timer = undefined;
        this.saved.clear();
        for (const preview of [...this.previews.values()]) preview.panel.dispose();
        this.previews.clear();
    }
}
