import type { ClauseCoverage, Locale } from '@cnms/language';
import type { Colors } from '../colors.js';

const WORDS = {
    en: { heading: (model: string) => `Clause coverage of ${model}`, satisfied: 'satisfied', findings: 'findings', 'not-applicable': 'not applicable', evidence: (n: number) => `${n} element${n === 1 ? '' : 's'}` },
    'zh-CN': { heading: (model: string) => `${model} 的条款覆盖情况`, satisfied: '满足', findings: '有问题', 'not-applicable': '不适用', evidence: (n: number) => `${n} 项要素` }
} as const;

/** The clause coverage matrix as lines: clause, status, evidence count, the rules with findings. */
export function coverageText(model: string, coverage: readonly ClauseCoverage[], locale: Locale, colors: Colors): string {
    const w = WORDS[locale];
    const lines = [colors.bold(w.heading(model))];
    for (const row of coverage) {
        const mark = row.status === 'satisfied' ? colors.green('✔') : row.status === 'findings' ? colors.yellow('!') : colors.dim('·');
        const detail = row.status === 'findings' ? ` ${colors.dim(row.rules.join(' '))}` : '';
        lines.push(`  ${mark} ${row.clause.padEnd(5)} ${row.title[locale]} · ${w[row.status]} · ${w.evidence(row.evidence.length)}${detail}`);
    }
    return `${lines.join('\n')}\n`;
}
