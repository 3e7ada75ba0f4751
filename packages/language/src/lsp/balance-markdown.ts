import type { CnmsI18n } from '../i18n/cnms-i18n.js';
import type { ModelBalance } from '../semantics/balance.js';
import { formatFigure } from '../semantics/figure-format.js';
import { formatPeriod } from '../semantics/period.js';
import { tonnes } from '../semantics/quantity.js';
import { shownName } from '../semantics/shown-name.js';
import { formatNet, neutralityVerdict, verdictReasons } from '../semantics/verdict.js';

/** The balance breakdown as Markdown, for the editor (code lens command, status bar tooltip). */
export function balanceMarkdown(balance: ModelBalance, errors: number, warnings: number, i18n: CnmsI18n, precision = 3): string {
    const t = (id: Parameters<CnmsI18n['text']>[0], params?: Record<string, string | number>) => i18n.text(id, params);
    const f = (value: Parameters<typeof formatFigure>[0], signed = false) => formatFigure(value, i18n.locale, precision, signed);
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
    for (const { source, figures } of balance.sources) {
        lines.push(`| \`${shownName(source)}\`${source.category ? ` [${source.category}]` : ''} | ${figures ? f(tonnes(figures.co2e)) : t('balance.notComputed')} |`);
    }
    lines.push(`| ${t('balance.biogenic')} | ${f(balance.biogenicCO2)} |`);
    lines.push(`| ${t('balance.removals')} | ${f(balance.removals)} |`);
    lines.push(`| ${t('balance.offsets')} | ${f(balance.offsets)} |`);
    const verdict = neutralityVerdict(balance, errors);
    lines.push(`| **${t('balance.net')}** | **${formatNet(balance, verdict, i18n.locale, precision)}** |`);
    lines.push('');
    if (verdict.neutral) {
        lines.push(`✔ ${t('balance.neutral')}`);
    } else {
        lines.push(`✖ ${t('balance.notNeutral')}: ${verdictReasons(verdict, i18n.locale).join('; ')}`);
    }
    if (errors > 0 || warnings > 0) lines.push('', t('balance.diagnosticsInEditor', { errors, warnings }));
    return lines.join('\n');
}
