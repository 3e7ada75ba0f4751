import type { Source } from '../generated/ast.js';
import type { CnmsI18n } from '../i18n/cnms-i18n.js';
import type { ModelBalance } from '../semantics/balance.js';
import { formatFigure } from '../semantics/figure-format.js';
import { formatPeriod } from '../semantics/period.js';
import { Rational } from '../semantics/rational.js';
import { tonnes } from '../semantics/quantity.js';
import { shownName } from '../semantics/shown-name.js';
import type { SourceFigures } from '../semantics/source-figures.js';
import { formatNet, neutralityVerdict, verdictReasons } from '../semantics/verdict.js';

/** Source rows shown at most of each kind (computed, largest first; not computed); past that one row sums the rest. */
const SOURCE_ROWS = 20;

/** What the breakdown is made of besides the balance. */
export interface BalanceMarkdownState {
    /** The balance's computed sources, largest first (semantics/source-ranking.ts). */
    readonly ranked: ReadonlyArray<{ readonly source: Source; readonly figures: SourceFigures }>;
    readonly errors: number;
    readonly warnings: number;
    /** False while the clause rules still run: the errors are not all known, so no verdict is given. */
    readonly rulesChecked: boolean;
    /** Decimals of the figures (`cnms.display.precision`); 3 by default. */
    readonly precision?: number;
}

/**
 * The balance breakdown as Markdown, for the editor (code lens command,
 * status bar tooltip, balance preview). A group's model has thousands of
 * sources: the largest 20 are listed and one row sums the others, so the
 * breakdown stays readable and cheap to send on every keystroke; every
 * source that could not be computed is listed (up to 20, then counted).
 */
export function balanceMarkdown(balance: ModelBalance, state: BalanceMarkdownState, i18n: CnmsI18n): string {
    const { errors, warnings } = state;
    const precision = state.precision ?? 3;
    const t = (id: Parameters<CnmsI18n['text']>[0], params?: Record<string, string | number>) => i18n.text(id, params);
    const f = (value: Parameters<typeof formatFigure>[0], signed = false) => formatFigure(value, i18n.locale, precision, signed);
    const count = (n: number) => formatFigure(Rational.fromInteger(n), i18n.locale, 0);
    const settings = balance.settings;
    const organization = settings.organization;
    const name = organization ? (organization.title ? `${organization.title} (${shownName(organization)})` : shownName(organization)) : '—';
    const lines = [
        `### ${t('balance.heading')} · ${name}`,
        '',
        `${t('balance.period')} ${settings.period ? formatPeriod(settings.period) : '—'} · ${t('balance.gwp')} ${settings.gwpSet?.name ?? '—'} · ${t('balance.scope2')} ${settings.scope2} · ${t('balance.consolidation')} ${settings.consolidation}`,
        '',
        '| | tCO2e |',
        '|---|---:|',
        `| **${t('balance.emissions')}** | **${f(balance.emissions)}** |`
    ];
    for (const category of [...balance.byCategory.keys()].sort()) {
        lines.push(`| ${t('balance.category')} ${category} | ${f(balance.byCategory.get(category)!)} |`);
    }
    lines.push(`| ${t('balance.scope1')} | ${f(balance.byScope['1'])} |`);
    lines.push(`| ${t('balance.scope2Location')}${settings.scope2 === 'location-based' ? ` ${t('balance.counts')}` : ''} | ${f(balance.byScope['2-location'])} |`);
    lines.push(`| ${t('balance.scope2Market')}${settings.scope2 === 'market-based' ? ` ${t('balance.counts')}` : ''} | ${f(balance.byScope['2-market'])} |`);
    lines.push(`| ${t('balance.scope3')} | ${f(balance.byScope['3'])} |`);
    const row = (source: Source, figures: SourceFigures | undefined) => `| \`${shownName(source)}\`${source.category ? ` [${source.category}]` : ''} | ${figures ? f(tonnes(figures.co2e)) : t('balance.notComputed')} |`;
    const shown = state.ranked.length <= SOURCE_ROWS + 1 ? state.ranked : state.ranked.slice(0, SOURCE_ROWS);
    for (const { source, figures } of shown) lines.push(row(source, figures));
    if (shown.length < state.ranked.length) {
        const rest = shown.reduce((sum, { figures }) => sum.minus(tonnes(figures.co2e)), balance.emissions);
        lines.push(`| ${t('balance.moreSources', { count: count(state.ranked.length - shown.length) })} | ${f(rest)} |`);
    }
    const notComputed = balance.sources.filter(entry => !entry.figures);
    const notShown = notComputed.length <= SOURCE_ROWS + 1 ? [] : notComputed.slice(SOURCE_ROWS);
    for (const { source } of notComputed.slice(0, notComputed.length - notShown.length)) lines.push(row(source, undefined));
    if (notShown.length > 0) lines.push(`| ${t('balance.moreSources', { count: count(notShown.length) })} | ${t('balance.notComputed')} |`);
    lines.push(`| ${t('balance.biogenic')} | ${f(balance.biogenicCO2)} |`);
    lines.push(`| ${t('balance.removals')} | ${f(balance.removals)} |`);
    lines.push(`| ${t('balance.offsets')} | ${f(balance.offsets)} |`);
    const verdict = neutralityVerdict(balance, errors);
    lines.push(`| **${t('balance.net')}** | **${formatNet(balance, verdict, i18n.locale, precision)}** |`);
    lines.push('');
    if (!state.rulesChecked && verdict.uncomputed === 0) {
        lines.push(`… ${t('balance.checking')}`);
    } else if (verdict.neutral) {
        lines.push(`✔ ${t('balance.neutral')}`);
    } else {
        lines.push(`✖ ${t('balance.notNeutral')}: ${verdictReasons(verdict, i18n.locale).join('; ')}`);
    }
    if (state.rulesChecked && (errors > 0 || warnings > 0)) lines.push('', t('balance.diagnosticsInEditor', { errors, warnings }));
    if (shown.length < state.ranked.length) lines.push('', t('balance.sourcesShown', { shown: shown.length, count: count(balance.sources.length) }));
    return lines.join('\n');
}
