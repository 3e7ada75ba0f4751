import type { Locale, ModelBalance, Rational } from '@cnms/language';
import { formatFigure, tonnes } from '@cnms/language';
import type { Colors } from '../colors.js';

const WORDS = {
    en: {
        heading: 'Net balance', period: 'period', gwp: 'GWP', scope2: 'scope 2', consolidation: 'consolidation',
        emissions: 'Emissions', byCategory: 'By ISO 14064-1 category', category: 'Category', byScope: 'By scope',
        scope1: 'Scope 1', scope2Location: 'Scope 2, location-based', scope2Market: 'Scope 2, market-based', scope3: 'Scope 3',
        counts: '(counts)', byGas: 'By gas (tonnes of each gas)', sources: 'Sources', notComputed: 'not computed',
        biogenic: 'Biogenic CO2 (reported apart)', removals: 'Removals', offsets: 'Offsets (retired, for this period)',
        net: 'Net', neutral: 'Carbon neutral for the period', notNeutral: 'Not carbon neutral', netAbove: 'net is above zero',
        hasErrors: (n: number) => `${n} error${n === 1 ? '' : 's'} stand${n === 1 ? 's' : ''} against the model`,
        diagnostics: (e: number, w: number) => `${e} error(s), ${w} warning(s): run cnms validate for details`
    },
    'zh-CN': {
        heading: '碳中和平衡', period: '报告期', gwp: 'GWP', scope2: '范围二', consolidation: '合并方法',
        emissions: '排放量', byCategory: '按 ISO 14064-1 类别', category: '类别', byScope: '按范围',
        scope1: '范围一', scope2Location: '范围二（基于位置）', scope2Market: '范围二（基于市场）', scope3: '范围三',
        counts: '（计入）', byGas: '按气体（各气体吨数）', sources: '排放源', notComputed: '未计算',
        biogenic: '生物质 CO2（单独报告）', removals: '清除量', offsets: '抵销量（已注销、用于本期）',
        net: '净排放', neutral: '本期实现碳中和', notNeutral: '未实现碳中和', netAbove: '净排放大于零',
        hasErrors: (n: number) => `模型存在 ${n} 个错误`,
        diagnostics: (e: number, w: number) => `${e} 个错误，${w} 个警告：详见 cnms validate`
    }
} as const;

const LABEL_WIDTH = 46;
const FIGURE_WIDTH = 20;

/** The balance for a reader: figures rounded to 3 decimals for display only, in aligned columns. */
export function balanceText(balance: ModelBalance, errors: number, warnings: number, locale: Locale, colors: Colors, diagnosticsHint = true): string {
    const w = WORDS[locale];
    const settings = balance.settings;
    const organization = settings.organization;
    const lines: string[] = [];
    const row = (label: string, value: Rational | undefined, indent: number, unit = 'tCO2e', signed = false) => {
        const shown = value === undefined ? w.notComputed : formatFigure(value, locale, 3, signed);
        lines.push(`${' '.repeat(indent)}${label.padEnd(LABEL_WIDTH - indent)}${shown.padStart(FIGURE_WIDTH)}${value === undefined ? '' : ` ${unit}`}`);
    };
    const name = organization ? (organization.title ? `${organization.title} (${organization.name})` : organization.name) : '—';
    const period = settings.period
        ? (settings.period.start.endsWith('-01-01') && settings.period.end === `${settings.period.start.slice(0, 4)}-12-31`
            ? settings.period.start.slice(0, 4) : `${settings.period.start} .. ${settings.period.end}`)
        : '—';
    lines.push(colors.bold(`${w.heading} · ${name}`));
    lines.push(colors.dim(`${w.period} ${period} · ${w.gwp} ${settings.gwpSet?.name ?? '—'} · ${w.scope2} ${settings.scope2} · ${w.consolidation} ${settings.consolidation}`));
    lines.push('');
    row(w.emissions, balance.emissions, 0);
    lines.push(`  ${w.byCategory}`);
    for (const category of [...balance.byCategory.keys()].sort()) row(`${w.category} ${category}`, balance.byCategory.get(category), 4);
    lines.push(`  ${w.byScope}`);
    row(w.scope1, balance.byScope['1'], 4);
    row(`${w.scope2Location}${settings.scope2 === 'location-based' ? ` ${w.counts}` : ''}`, balance.byScope['2-location'], 4);
    row(`${w.scope2Market}${settings.scope2 === 'market-based' ? ` ${w.counts}` : ''}`, balance.byScope['2-market'], 4);
    row(w.scope3, balance.byScope['3'], 4);
    lines.push(`  ${w.byGas}`);
    for (const [gas, mass] of balance.byGas) row(gas, mass, 4, `t${gas}`);
    lines.push(`  ${w.sources}`);
    for (const { source, figures } of balance.sources) {
        const label = `${source.name}${source.site ? ` @ ${source.site.$refText}` : ''}${source.category ? ` [${source.category}]` : ''}`;
        row(label, figures ? tonnes(figures.co2e) : undefined, 4);
    }
    lines.push('');
    row(w.biogenic, balance.biogenicCO2, 0, 'tCO2');
    row(w.removals, balance.removals, 0);
    row(w.offsets, balance.offsets, 0);
    row(w.net, balance.net, 0, 'tCO2e', true);
    lines[lines.length - 1] = colors.bold(lines[lines.length - 1]);
    lines.push('');
    if (errors === 0 && balance.netAtOrBelowZero) {
        lines.push(colors.green(`✔ ${w.neutral}`));
    } else {
        const reasons: string[] = [];
        if (!balance.netAtOrBelowZero) reasons.push(w.netAbove);
        if (errors > 0) reasons.push(w.hasErrors(errors));
        lines.push(colors.red(`✖ ${w.notNeutral}: ${reasons.join('; ')}`));
    }
    if (diagnosticsHint && (errors > 0 || warnings > 0)) lines.push(colors.dim(w.diagnostics(errors, warnings)));
    return `${lines.join('\n')}\n`;
}
