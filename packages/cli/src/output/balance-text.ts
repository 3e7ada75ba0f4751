import type { Locale, ModelBalance, ModelProducts, Rational } from '@cnms/language';
import stringWidth from 'string-width';
import { fillTemplate, formatFigure, formatPercent, formatNet, formatPeriod, neutralityVerdict, shownName, TEXTS, tonnes, verdictReasons, type TextId } from '@cnms/language';
import type { Colors } from '../colors.js';
import { processEntries } from '@cnms/report';

const LABEL_WIDTH = 46;
const FIGURE_WIDTH = 20;

/** The balance for a reader: figures rounded to 3 decimals for display only, in aligned columns. */
export function balanceText(balance: ModelBalance, products: ModelProducts, errors: number, warnings: number, locale: Locale, colors: Colors, diagnosticsHint = true): string {
    const t = (id: string, params: Record<string, string | number> = {}) => fillTemplate(TEXTS[`balance.${id}` as TextId][locale], params);
    const settings = balance.settings;
    const organization = settings.organization;
    const lines: string[] = [];
    const row = (label: string, value: Rational | undefined, indent: number, unit = 'tCO2e', signed = false) => {
        const shown = value === undefined ? t('notComputed') : formatFigure(value, locale, 3, signed);
        lines.push(`${' '.repeat(indent)}${padEnd(label, LABEL_WIDTH - indent)}${shown.padStart(FIGURE_WIDTH)}${value === undefined ? '' : ` ${unit}`}`);
    };
    const name = organization ? (organization.title ? `${organization.title} (${shownName(organization)})` : shownName(organization)) : '—';
    const period = settings.period ? formatPeriod(settings.period) : '—';
    lines.push(colors.bold(`${t('heading')} · ${name}`));
    lines.push(colors.dim(`${t('period')} ${period} · ${t('gwp')} ${settings.gwpSet?.name ?? '—'} · ${t('scope2')} ${settings.scope2} · ${t('consolidation')} ${settings.consolidation}`));
    lines.push('');
    row(t('emissions'), balance.emissions, 0);
    lines.push(`  ${t('byCategory')}`);
    for (const category of [...balance.byCategory.keys()].sort()) row(`${t('category')} ${category}`, balance.byCategory.get(category), 4);
    lines.push(`  ${t('byScope')}`);
    row(t('scope1'), balance.byScope['1'], 4);
    row(`${t('scope2Location')}${settings.scope2 === 'location-based' ? ` ${t('counts')}` : ''}`, balance.byScope['2-location'], 4);
    row(`${t('scope2Market')}${settings.scope2 === 'market-based' ? ` ${t('counts')}` : ''}`, balance.byScope['2-market'], 4);
    row(t('scope3'), balance.byScope['3'], 4);
    lines.push(`  ${t('byGas')}`);
    for (const [gas, mass] of balance.byGas) row(gas, mass, 4, `t${gas}`);
    lines.push(`  ${t('sources')}`);
    for (const { source, figures } of balance.sources) {
        const label = `${shownName(source)}${source.site ? ` @ ${source.site.$refText}` : ''}${source.category ? ` [${source.category}]` : ''}`;
        row(label, figures ? tonnes(figures.co2e) : undefined, 4);
        const fill = figures?.gapFill;
        if (fill && fill.filled.length > 0) lines.push(`      ${t('filled', { method: fill.method, months: fill.filled.map(month => month.month).join(', '), share: formatPercent(fill.filledShare, locale) })}`);
    }
    lines.push('');
    row(t('biogenic'), balance.biogenicCO2, 0, 'tCO2');
    row(t('removals'), balance.removals, 0);
    row(t('offsets'), balance.offsets, 0);
    const verdict = neutralityVerdict(balance, errors);
    lines.push(`${padEnd(t('net'), LABEL_WIDTH)}${formatNet(balance, verdict, locale).padStart(FIGURE_WIDTH)} tCO2e${verdict.uncomputed > 0 ? ` · ${t('notComputedCount', { count: verdict.uncomputed })}` : ''}`);
    lines[lines.length - 1] = colors.bold(lines[lines.length - 1]);
    lines.push('');
    if (verdict.neutral) {
        lines.push(colors.green(`✔ ${t('neutral')}`));
    } else {
        lines.push(colors.red(`✖ ${t('notNeutral')}: ${verdictReasons(verdict, locale).join('; ')}`));
    }
    const made = processEntries(products).flatMap(({ installation, entry }) => entry.goods.map(good => ({ installation, process: entry.process, ...good })));
    if (made.length > 0) {
        lines.push('');
        lines.push(colors.bold(t('products')));
        for (const { installation, process, good, figures } of made) {
            const label = `${shownName(good)} @ ${installation ?? '—'} / ${shownName(process)}${good.cn ? ` [${good.cn}]` : ''}`;
            row(label, figures?.seeDirect.plus(figures.seeIndirect), 2, 'tCO2e/t');
            if (figures) {
                row(t('productDirect'), figures.seeDirect, 6, 'tCO2e/t');
                row(t('productIndirect'), figures.seeIndirect, 6, 'tCO2e/t');
            }
        }
        if (products.uncomputed > 0) lines.push(colors.red(`  ${t('productsNotComputed', { count: products.uncomputed })}`));
    }
    if (diagnosticsHint && (errors > 0 || warnings > 0)) lines.push(colors.dim(t('diagnostics', { errors, warnings })));
    return `${lines.join('\n')}\n`;
}

/** Pads to a width in terminal columns: a Chinese character takes two. */
function padEnd(text: string, width: number): string {
    return text + ' '.repeat(Math.max(1, width - stringWidth(text)));
}
