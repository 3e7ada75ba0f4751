// The status-bar item with the net balance of the active editor's model:
// `$(pulse) Net 2024: +84,153.786 tCO2e`, the whole breakdown as its tooltip,
// a click opens it beside the editor. Hidden unless a CNMS editor is active.
import * as vscode from 'vscode';
import { requestBalance } from './balance-request.js';
import type { RequestSender } from './builtin-documents.js';
import { text } from './messages.js';
import type { BalanceSummary } from './protocol.js';

export const SHOW_BALANCE_COMMAND = 'cnms.showBalance';
const DEBOUNCE_MS = 300;

/** What the status bar needs of the language client. */
export interface BalanceClient extends RequestSender {
    isRunning(): boolean;
}

export class BalanceStatusBar implements vscode.Disposable {
    readonly item: vscode.StatusBarItem;
    /** Counts refreshes, so that an answer to an older request never overwrites a newer one. */
    private generation = 0;
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly client: BalanceClient) {
        this.item = vscode.window.createStatusBarItem('cnms.balance', vscode.StatusBarAlignment.Left, 100);
        this.item.name = text('status.name');
        this.item.command = SHOW_BALANCE_COMMAND;
    }

    /** Refreshes after a short pause, so that a burst of events (typing, diagnostics) asks once. */
    scheduleRefresh(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            this.timer = undefined;
            void this.refresh();
        }, DEBOUNCE_MS);
    }

    async refresh(): Promise<void> {
        const generation = ++this.generation;
        const document = vscode.window.activeTextEditor?.document;
        if (!document || document.languageId !== 'cnms' || !this.client.isRunning()) {
            this.item.hide();
            return;
        }
        this.item.name = text('status.name');
        try {
            const summary = await requestBalance(this.client, document.uri.toString());
            if (generation !== this.generation) return;
            this.show(summary);
        } catch (error) {
            if (generation !== this.generation) return;
            this.item.text = text('status.none');
            this.item.tooltip = text('status.unavailable', { message: error instanceof Error ? error.message : String(error) });
            this.item.backgroundColor = undefined;
            this.item.show();
        }
    }

    private show(summary: BalanceSummary | null): void {
        if (!summary) {
            this.item.text = text('status.none');
            this.item.tooltip = text('status.noModel');
            this.item.backgroundColor = undefined;
        } else {
            this.item.text = text('status.text', { period: summary.period ? ` ${summary.period}` : '', net: summary.netDisplay });
            const tooltip = new vscode.MarkdownString(`${summary.markdown}\n\n---\n\n${text('status.click')}`);
            tooltip.supportThemeIcons = true;
            this.item.tooltip = tooltip;
            this.item.backgroundColor = summary.errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
        }
        this.item.show();
    }

    dispose(): void {
        if (this.timer) clearTimeout(this.timer);
        this.item.dispose();
    }
}
