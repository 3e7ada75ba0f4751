import type { ModelBalance, ModelProducts } from '@cnms/language';
import { neutralityVerdict, Rational, shownName, tonnes } from '@cnms/language';
import { processesJson, productsJson, purchasedJson, type ProcessJson, type ProductJson, type PurchasedJson } from '@cnms/report';

/** `cnms balance --format json` (cli.md): every figure an unrounded decimal string, in tCO2e or tonnes of the gas. */
export interface BalanceJson {
    model: string | null;
    title: string | null;
    period: { start: string; end: string } | null;
    gwp: string | null;
    consolidation: string;
    scope2: string;
    unit: 'tCO2e';
    emissions: string;
    byCategory: Record<string, string>;
    byScope: Record<'1' | '2-location' | '2-market' | '3', string>;
    byGas: Record<string, string>;
    sources: SourceJson[];
    biogenicCO2: string;
    removals: string;
    offsets: string;
    net: string;
    /** False when a source, removal or offset could not be computed: every total above leaves it out. */
    complete: boolean;
    /** How many sources, removals and offsets could not be computed. */
    uncomputed: number;
    neutral: boolean;
    /** Why the period is not neutral: netAbove, errors, incomplete, nothingRecorded. */
    reasons: string[];
    errors: number;
    warnings: number;
    /** The goods made by the model's processes, with their specific embedded emissions (docs/cbam.md). */
    products: ProductJson[];
    processes: ProcessJson[];
    /** Goods bought and used as precursors. */
    purchased: PurchasedJson[];
}

export interface SourceJson {
    id: string;
    title: string | null;
    site: string | null;
    category: string | null;
    scope: number | null;
    gases: Record<string, string>;
    co2e: string | null;
    co2eLocation?: string;
    co2eMarket?: string;
    biogenicCO2?: string;
    /** The rule of the source's `gap-fill`, the months it filled, and the filled part of its activity in percent. */
    filled?: { method: string; months: string[]; percent: string };
    computed: boolean;
}

const text = (value: Rational) => value.toString();
const HUNDRED = Rational.fromInteger(100);

export function balanceJson(balance: ModelBalance, products: ModelProducts, errors: number, warnings: number): BalanceJson {
    const verdict = neutralityVerdict(balance, errors);
    const settings = balance.settings;
    const gasOrder = [...settings.gwpValues.keys()];
    const rank = (gas: string) => (gasOrder.includes(gas) ? gasOrder.indexOf(gas) : gasOrder.length);
    const byGas: Record<string, string> = {};
    for (const gas of [...balance.byGas.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))) {
        byGas[gas] = text(balance.byGas.get(gas)!);
    }
    const byCategory: Record<string, string> = {};
    for (const category of [...balance.byCategory.keys()].sort()) byCategory[category] = text(balance.byCategory.get(category)!);
    return {
        model: settings.organization?.name ?? null,
        title: settings.organization?.title ?? null,
        period: settings.period ? { start: settings.period.start, end: settings.period.end } : null,
        gwp: settings.gwpSet?.name ?? null,
        consolidation: settings.consolidation,
        scope2: settings.scope2,
        unit: 'tCO2e',
        emissions: text(balance.emissions),
        byCategory,
        byScope: {
            '1': text(balance.byScope['1']),
            '2-location': text(balance.byScope['2-location']),
            '2-market': text(balance.byScope['2-market']),
            '3': text(balance.byScope['3'])
        },
        byGas,
        sources: balance.sources.map(({ source, figures }) => {
            const entry: SourceJson = {
                id: shownName(source),
                title: source.title ?? null,
                site: source.site?.ref?.name ?? source.site?.$refText ?? null,
                category: figures?.category ?? source.category ?? null,
                scope: figures?.scope ?? null,
                gases: {},
                co2e: figures ? text(tonnes(figures.co2e)) : null,
                computed: figures !== undefined
            };
            if (figures) {
                for (const [gas, mass] of figures.counted) entry.gases[gas] = text(tonnes(mass));
                if (figures.scope === 2) {
                    entry.co2eLocation = text(tonnes(figures.co2eLocation));
                    entry.co2eMarket = text(tonnes(figures.co2eMarket));
                }
                if (source.biogenic === 'yes') entry.biogenicCO2 = text(tonnes(figures.biogenicCO2));
                if (figures.gapFill) entry.filled = { method: figures.gapFill.method, months: figures.gapFill.filled.map(month => month.month), percent: text(figures.gapFill.filledShare.times(HUNDRED)) };
            }
            return entry;
        }),
        biogenicCO2: text(balance.biogenicCO2),
        removals: text(balance.removals),
        offsets: text(balance.offsets),
        net: text(balance.net),
        complete: verdict.uncomputed === 0,
        uncomputed: verdict.uncomputed,
        neutral: verdict.neutral,
        reasons: [...verdict.reasons],
        errors,
        warnings,
        products: productsJson(products),
        processes: processesJson(products),
        purchased: purchasedJson(products)
    };
}
