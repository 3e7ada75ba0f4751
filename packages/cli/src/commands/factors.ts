import { libraryFactors, servicesWithLibrary, type LibraryFactor, type Locale } from '@cnms/language';
import { EmptyFileSystemProvider } from 'langium';
import type { Colors } from '../colors.js';
import { CliError } from '../cli-error.js';
import { CLI_VERSION } from '../version.js';

export interface FactorsOptions {
    readonly format: string;
    readonly search?: string;
    readonly locale: Locale;
    readonly colors: Colors;
}

const WORDS = {
    en: {
        heading: (count: number) => `Built-in emission factors of cnms ${CLI_VERSION} · ${count} factor${count === 1 ? '' : 's'}`,
        matching: (word: string) => ` matching '${word}'`,
        none: (word: string) => `No built-in factor matches '${word}'.`,
        source: 'source: ',
        year: 'year',
        region: 'region',
        uncertainty: 'uncertainty',
        noValue: 'no value can be computed'
    },
    'zh-CN': {
        heading: (count: number) => `cnms ${CLI_VERSION} 内置排放因子 · 共 ${count} 个`,
        matching: (word: string) => `（匹配“${word}”）`,
        none: (word: string) => `没有与“${word}”匹配的内置排放因子。`,
        source: '来源：',
        year: '年份',
        region: '地区',
        uncertainty: '不确定度',
        noValue: '无法计算其值'
    }
} as const;

/**
 * `cnms factors [--search WORD] [--format text|json]`: the factors of the
 * built-in library with their values per gas and their provenance (the
 * publication, year and region each names), optionally only those whose
 * name, title, library, source, region or gases contain WORD (any case).
 * Exit 1 when nothing matches.
 */
export async function factors(options: FactorsOptions, write: (text: string) => void): Promise<number> {
    if (!['text', 'json'].includes(options.format)) throw new CliError(`unknown format '${options.format}' for factors: use text or json`);
    const { shared, Cnms, library: documents } = servicesWithLibrary(new EmptyFileSystemProvider());
    Cnms.I18n.locale = options.locale;
    await shared.workspace.DocumentBuilder.build(documents, { validation: false });
    const word = options.search?.trim();
    const all = libraryFactors(Cnms);
    const found = word ? all.filter(factor => matches(factor, word)) : all;
    if (options.format === 'json') {
        write(`${JSON.stringify({ cnms: CLI_VERSION, search: word ?? null, factors: found }, null, 2)}\n`);
        return word && found.length === 0 ? 1 : 0;
    }
    const w = WORDS[options.locale];
    if (word && found.length === 0) {
        write(`${w.none(word)}\n`);
        return 1;
    }
    const lines = [options.colors.bold(`${w.heading(found.length)}${word ? w.matching(word) : ''}`)];
    let library: string | undefined;
    for (const factor of found) {
        if (factor.library !== library) {
            library = factor.library;
            lines.push('', options.colors.bold(factor.libraryTitle ? `${factor.library} — ${factor.libraryTitle}` : factor.library));
        }
        lines.push(`  ${options.colors.cyan(factor.id)}${factor.title ? `  ${factor.title}` : ''}`);
        lines.push(`      ${factor.values.length > 0 ? factor.values.map(value => `${value.gas} ${value.value} ${value.unit}`).join(' · ') : w.noValue}`);
        const provenance = [
            factor.source ? `${w.source}${factor.source}` : undefined,
            factor.year ? `${w.year} ${factor.year}` : undefined,
            factor.region ? `${w.region} ${factor.region}` : undefined,
            factor.uncertaintyPercent ? `${w.uncertainty} ${factor.uncertaintyPercent} %` : undefined
        ].filter(part => part !== undefined);
        if (provenance.length > 0) lines.push(`      ${options.colors.dim(provenance.join(' · '))}`);
    }
    write(`${lines.join('\n')}\n`);
    return 0;
}

function matches(factor: LibraryFactor, word: string): boolean {
    const needle = word.toLowerCase();
    return [factor.id, factor.title, factor.libraryTitle, factor.source, factor.region, ...factor.values.map(value => value.gas)].some(text => text?.toLowerCase().includes(needle));
}
