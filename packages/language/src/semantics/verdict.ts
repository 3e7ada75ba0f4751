import type { Locale } from '../i18n/locale.js';
import { fillTemplate } from '../i18n/locale.js';
import { TEXTS } from '../i18n/messages.js';
import type { ModelBalance } from './balance.js';
import { formatFigure } from './figure-format.js';

/** Why a period is not carbon neutral. */
export type VerdictReason = 'netAbove' | 'errors' | 'incomplete' | 'nothingRecorded';

/** The neutrality verdict of a model for its period, and whether its figures are complete. */
export interface NeutralityVerdict {
    readonly neutral: boolean;
    readonly reasons: readonly VerdictReason[];
    readonly errors: number;
    /** Sources, removals and offsets that could not be computed: the totals leave them out. */
    readonly uncomputed: number;
    /**
     * What the shown net is of the true one when something is missing: a lower
     * bound (`≥`) when only sources are missing (emissions are never
     * negative), an upper bound (`≤`) when only removals or offsets are, and
     * unknown (`?`) when both are; `''` when the figures are complete.
     */
    readonly netBound: '' | '≥' | '≤' | '?';
}

/**
 * The one judgement of a period (language.md §4), for every view (CLI,
 * reports, code lens, status bar, diff): neutral only when the net is at or
 * below zero, no error stands against the model, every figure could be
 * computed, and emissions are recorded at all (a placeholder is no claim).
 */
export function neutralityVerdict(balance: ModelBalance, errors: number): NeutralityVerdict {
    const missingSources = balance.sources.filter(entry => !entry.figures).length;
    const missingOthers = balance.uncomputed - missingSources;
    const reasons: VerdictReason[] = [];
    if (!balance.netAtOrBelowZero) reasons.push('netAbove');
    if (balance.uncomputed > 0) reasons.push('incomplete');
    if (errors > 0) reasons.push('errors');
    if (nothingRecorded(balance)) reasons.push('nothingRecorded');
    const netBound = balance.uncomputed === 0 ? '' : missingOthers === 0 ? '≥' : missingSources === 0 ? '≤' : '?';
    return { neutral: reasons.length === 0, reasons, errors, uncomputed: balance.uncomputed, netBound };
}

/**
 * Whether the period records no emissions at all (zero, and no source left
 * uncomputed): a placeholder model, whose net of zero claims nothing. The
 * verdict and the claim gates (CN-9.1-001) read this one fact.
 */
export function nothingRecorded(balance: ModelBalance): boolean {
    return balance.emissions.isZero() && balance.sources.every(entry => entry.figures);
}

/** The reasons of a verdict in the reader's language. */
export function verdictReasons(verdict: NeutralityVerdict, locale: Locale): string[] {
    return verdict.reasons.map(reason =>
        reason === 'errors'
            ? fillTemplate(TEXTS['balance.hasErrors'][locale], { count: verdict.errors })
            : reason === 'incomplete'
              ? fillTemplate(TEXTS['balance.incomplete'][locale], { count: verdict.uncomputed })
              : TEXTS[reason === 'netAbove' ? 'balance.netAbove' : 'balance.nothingRecorded'][locale]
    );
}

/** The net as a reader sees it: rounded, signed, and marked `≥`/`≤`/`?` when something could not be computed. */
export function formatNet(balance: ModelBalance, verdict: NeutralityVerdict, locale: Locale, decimals = 3): string {
    const net = formatFigure(balance.net, locale, decimals, true);
    return verdict.netBound === '' ? net : `${verdict.netBound} ${net}`;
}
