// The status-bar item with the net balance of the active editor's model:
// `$(pulse) Net 2024: +84,153.786 tCO2e`, the whole breakdown as its tooltip,
// a click opens it beside the editor. Hidden unless a CNMS editor is active.
// While the saved model's net differs from HEAD's, the change follows:
// `… · Δ +6,361.000 vs HEAD` (from `cnms/diff`, asked again after each save),
// but never while errors stand against the model or a figure could not be
// computed: then the net says so (`≥ +84,153.786 tCO2e · 1 not computed`).
// Until the first answer, the item says the model is loading.
import * as vscode from 'vscode';
import { requestBalance } from './balance-request.js';
import type { RequestSender } from './builtin-documents.js';
import { formatSignedDecimal, isZeroDecimal, netChangeOf, requestDiff } from './diff-request.js';
import { text } from './messages.js';
import type { BalanceSummary } from './protocol.js';

export const SHOW_BALANCE_COMMAND = 'cnms.showBalance';
/** The revision the status bar compares with. */
export const DELTA_REVISION = 'HEAD';
const DEBOUNCE_MS = 100;

/** What the status bar needs of the language client. */
export interface BalanceClient extends RequestSender {
    isRunning(): boolean;
}

export class BalanceStatusBar implements vscode.Disposable {
    readonly item: vscode.StatusBarItem;
    /** Counts refreshes, so that an answer to an older request never overwrites a newer one. */
    private generation = 0;
    private timer: ReturnType<typeof setTimeout> | undefined;
    /**
     * The net change since HEAD by model (the balance's `model`): asked once
     * and kept until a save, so that typing does not ask git. null: none to
     * show (no repository, the model not at HEAD, the server could not say).
     */
    private readonly deltas = new Map<string, Promise<string | null>>();
    /** The last change known for each model, shown while a newer one is asked for. */
    private readonly shownDeltas = new Map<string, string | null>();
    /** Whether an answer of the server was shown yet (until then: loading). */
    private shownOnce = false;

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

    /** A CNMS document was saved: the changes since HEAD are asked for again. */
    modelSaved(): void {
        this.deltas.clear();
        this.scheduleRefresh();
    }

    /** Shows the balance; the change since HEAD follows when the server has it (not awaited). */
    async refresh(): Promise<void> {
        const generation = ++this.generation;
        const document = vscode.window.activeTextEditor?.document;
        if (!document || document.languageId !== 'cnms' || !this.client.isRunning()) {
            this.item.hide();
            return;
        }
        this.item.name = text('status.name');
        if (!this.shownOnce) {
            this.item.text = text('status.loading');
            this.item.tooltip = text('status.loadingTooltip');
            this.item.show();
        }
        try {
            // the new net as soon as the figures are computed, then the verdict once the rules have run
            let summary = await requestBalance(this.client, document.uri.toString(), true);
            if (generation !== this.generation) return;
            this.show(summary, summary ? this.shownDeltas.get(summary.model) : undefined);
            if (summary && !summary.rulesChecked) {
                summary = await requestBalance(this.client, document.uri.toString());
                if (generation !== this.generation) return;
                this.show(summary, summary ? this.shownDeltas.get(summary.model) : undefined);
            }
            if (summary) void this.followDelta(generation, summary, document.uri);
        } catch (error) {
            if (generation !== this.generation) return;
            this.shownOnce = true;
            this.item.text = text('status.none');
            this.item.tooltip = text('status.unavailable', { message: error instanceof Error ? error.message : String(error) });
            this.item.backgroundColor = undefined;
            this.item.show();
        }
    }

    /** Asks for (or reuses) the model's change since HEAD, then shows it with the balance if nothing newer was shown meanwhile. */
    private async followDelta(generation: number, summary: BalanceSummary, document: vscode.Uri): Promise<void> {
        let pending = this.deltas.get(summary.model);
        if (!pending) {
            pending = requestDiff(this.client, document.toString(), DELTA_REVISION, 'json')
                .then(netChangeOf)
                .catch(() => null);
            this.deltas.set(summary.model, pending);
        }
        const delta = await pending;
        // An answer asked for before the last save is not kept.
        if (this.deltas.get(summary.model) === pending) this.shownDeltas.set(summary.model, delta);
        if (generation !== this.generation) return;
        this.show(summary, delta);
    }

    private show(summary: BalanceSummary | null, delta?: string | null): void {
        this.shownOnce = true;
        if (!summary) {
            this.item.text = text('status.none');
            this.item.tooltip = text('status.noModel');
            this.item.backgroundColor = undefined;
        } else {
            // a change against HEAD of a model with errors or missing figures would read as a real change: not shown
            const trusted = summary.rulesChecked && summary.errors === 0 && summary.uncomputed === 0;
            const change = trusted && delta && !isZeroDecimal(delta) ? formatSignedDecimal(delta) : undefined;
            const incomplete = summary.uncomputed > 0 ? text('status.incomplete', { count: summary.uncomputed }) : !summary.rulesChecked ? text('status.checking') : '';
            const net = `${text('status.text', { period: summary.period ? ` ${summary.period}` : '', net: summary.netDisplay })}${incomplete}`;
            this.item.text = change ? `${net}${text('status.delta', { delta: change, revision: DELTA_REVISION })}` : net;
            const since = change ? `\n\n${text('status.deltaTooltip', { delta: change, revision: DELTA_REVISION })}` : '';
            const tooltip = new vscode.MarkdownString(`${summary.markdown}${since}\n\n---\n\n${text('status.click')}`);
            tooltip.supportThemeIcons = true;
            this.item.tooltip = tooltip;
            this.item.backgroundColor = summary.rulesChecked && summary.errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
        }
        this.item.show();
    }

    dispose(): void {
        if (this.timer) clearTimeout(this.timer);
        this.item.dispose();
    }
}
