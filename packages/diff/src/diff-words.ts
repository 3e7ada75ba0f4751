import type { Locale } from '@cnms/language';
import type { ModelDiff } from './diff-model.js';

type Neutrality = ModelDiff['neutrality']['status'];

/** The words of `cnms diff`'s summary, text and Markdown, in each language of the tool (figures are formatted apart). */
export interface DiffWords {
    readonly net: string;
    readonly sourcesChanged: (count: number) => string;
    readonly neutrality: Readonly<Record<Neutrality, string>>;
    readonly shortfall: (tonnes: string) => string;
    readonly newFindings: (count: number) => string;
    readonly noChange: string;
    readonly totals: string;
    readonly emissions: string;
    readonly removals: string;
    readonly offsets: string;
    readonly category: (category: string) => string;
    readonly scope: (scope: string) => string;
    readonly neutralityOf: (period: string) => string;
    /** A target's first missed year at each revision: a year, null (never missed) or 'absent' (no such target). */
    readonly target: (id: string, before: number | null | 'absent', after: number | null | 'absent') => string;
    readonly products: string;
    readonly good: string;
    readonly doesNotParse: (file: string, revision: string) => string;
    readonly before: string;
    readonly after: string;
    readonly change: string;
    readonly causes: string;
    readonly figuresChanged: (count: number) => string;
    readonly otherChanged: (count: number) => string;
    readonly goodsChanged: (count: number) => string;
    readonly findings: (gained: number, lost: number) => string;
}

const EN: DiffWords = {
    net: 'net',
    sourcesChanged: count => `${count} source${count === 1 ? '' : 's'} changed`,
    neutrality: { kept: 'still carbon neutral', lost: 'no longer carbon neutral', gained: 'now carbon neutral', 'still-not': 'not carbon neutral, as before' },
    shortfall: tonnes => `offset shortfall ${tonnes} t`,
    newFindings: count => `${count} new finding${count === 1 ? '' : 's'}`,
    noChange: 'no declaration changed',
    totals: 'Totals (tCO2e)',
    emissions: 'emissions',
    removals: 'removals',
    offsets: 'offsets',
    category: category => `category ${category}`,
    scope: scope => `scope ${scope}`,
    neutralityOf: period => `neutrality ${period}`,
    target: (id, before, after) => {
        const year = (y: number | null | 'absent') => (y === null ? 'never' : String(y));
        return `target ${id}: first missed ${year(before)} → ${year(after)}`;
    },
    products: 'Products: specific embedded emissions (tCO2e/t)',
    good: 'good',
    doesNotParse: (file, revision) => `${file} does not parse at ${revision}`,
    before: 'before',
    after: 'after',
    change: 'change',
    causes: 'causes',
    figuresChanged: count => `${count} figure${count === 1 ? '' : 's'} changed`,
    otherChanged: count => `${count} other declaration${count === 1 ? '' : 's'} changed`,
    goodsChanged: count => `${count} good${count === 1 ? '' : 's'}: specific embedded emissions changed (tCO2e/t)`,
    findings: (gained, lost) => `Findings: ${gained} new, ${lost} resolved`
};

const ZH: DiffWords = {
    net: '净排放',
    sourcesChanged: count => `${count} 个排放源有变化`,
    neutrality: { kept: '仍为碳中和', lost: '不再碳中和', gained: '现已碳中和', 'still-not': '与之前一样未实现碳中和' },
    shortfall: tonnes => `抵消缺口 ${tonnes} t`,
    newFindings: count => `${count} 项新发现`,
    noChange: '没有声明发生变化',
    totals: '合计（tCO2e）',
    emissions: '排放',
    removals: '清除',
    offsets: '抵消',
    category: category => `类别 ${category}`,
    scope: scope => `范围 ${scope}`,
    neutralityOf: period => `碳中和 ${period}`,
    target: (id, before, after) => {
        const year = (y: number | null | 'absent') => (y === null ? '从未' : y === 'absent' ? '不存在' : String(y));
        return `目标 ${id}：首次未达成年份 ${year(before)} → ${year(after)}`;
    },
    products: '产品：特定隐含排放（tCO2e/t）',
    good: '货物',
    doesNotParse: (file, revision) => `${file} 在 ${revision} 无法解析`,
    before: '之前',
    after: '之后',
    change: '变化',
    causes: '原因',
    figuresChanged: count => `${count} 个数值有变化`,
    otherChanged: count => `${count} 个其他声明有变化`,
    goodsChanged: count => `${count} 种货物的特定隐含排放有变化（tCO2e/t）`,
    findings: (gained, lost) => `发现：新增 ${gained} 项，已解决 ${lost} 项`
};

/** The diff's words in `locale`. */
export function diffWords(locale: Locale): DiffWords {
    return locale === 'zh-CN' ? ZH : EN;
}
