import type { Locale } from '../i18n/locale.js';
import { Dimension, MASS_OF } from './dimension.js';
import { Dec, Rational } from './rational.js';
import type { Quantity } from './quantity.js';
import type { FactorValue } from './evaluator.js';

/** A display unit: its name and how many base units it holds. */
interface DisplayUnit {
    readonly name: string;
    readonly size: Rational;
}

const n = (value: number | string) => (typeof value === 'number' ? Rational.fromInteger(value) : Rational.parse(value));

/** The unit in which each base dimension is shown (masses in tonnes, energy in GJ …). */
const BASE_DISPLAY: Readonly<Record<string, DisplayUnit>> = {
    mass: { name: 't', size: n(1_000_000) },
    energy: { name: 'GJ', size: n(1_000_000_000) },
    volume: { name: 'm3', size: n(1) },
    normal_volume: { name: 'Nm3', size: n(1) },
    standard_volume: { name: 'scf', size: n(1) },
    length: { name: 'km', size: n(1000) },
    time: { name: 'h', size: n(1) },
    money_CNY: { name: 'CNY', size: n(1) },
    money_USD: { name: 'USD', size: n(1) },
    money_EUR: { name: 'EUR', size: n(1) }
};

const TRANSPORT = Dimension.base('mass').times(Dimension.base('length'));

/** Conventional units for the dimensions that a reader expects in their own unit. */
const SPECIAL: ReadonlyArray<{
    readonly matches: (d: Dimension) => string | undefined;
    readonly unit: (gas: string) => DisplayUnit;
    /** The unit for values below 0.01 of `unit`. */
    readonly small?: (gas: string) => DisplayUnit;
}> = [
    // a factor per energy: tCO2/MWh (grid and fuel CO2 factors read well so), small ones (CH4, N2O) in kg/TJ as IPCC gives them
    {
        matches: d => {
            const g = d.gasPer();
            return g && g.per.equals(Dimension.base('energy')) ? g.gas : undefined;
        },
        unit: gas => ({ name: `t${gas}/MWh`, size: n(1_000_000).dividedBy(n(3_600_000_000)) }),
        small: gas => ({ name: `kg${gas}/TJ`, size: n(1000).dividedBy(n(1_000_000_000_000)) })
    },
    // per normal cubic metre of gas: kgCO2/Nm3
    {
        matches: d => {
            const g = d.gasPer();
            return g && g.per.equals(Dimension.base('normal_volume')) ? g.gas : undefined;
        },
        unit: gas => ({ name: `kg${gas}/Nm3`, size: n(1000) })
    },
    // per tonne-kilometre: kgCO2/tkm
    {
        matches: d => {
            const g = d.gasPer();
            return g && g.per.equals(Dimension.base('mass').times(Dimension.base('length'))) ? g.gas : undefined;
        },
        unit: gas => ({ name: `kg${gas}/tkm`, size: n(1000).dividedBy(n(1_000_000_000)) })
    }
];

/**
 * The unit a quantity is shown in: conventional where there is one (a smaller
 * one for small values when `value`, in base units, is given), else composed
 * from the base display units.
 */
export function displayUnit(dimension: Dimension, value?: Rational): DisplayUnit {
    for (const special of SPECIAL) {
        const gas = special.matches(dimension);
        if (!gas) continue;
        const unit = special.unit(gas);
        if (special.small && value && !value.isZero() && value.dividedBy(unit.size).toDecimal().abs().lt('0.01')) return special.small(gas);
        return unit;
    }
    // transport work: the tonne-kilometre, as written (`tkm`), not `km·t`
    if (dimension.equals(TRANSPORT)) return { name: 'tkm', size: n(1_000_000_000) };
    const up: string[] = [];
    const down: string[] = [];
    let size = Rational.ONE;
    for (const [base, exponent] of dimension.entries()) {
        const unit = base.startsWith(MASS_OF) ? { name: `t${base.slice(MASS_OF.length)}`, size: n(1_000_000) } : (BASE_DISPLAY[base] ?? { name: base, size: Rational.ONE });
        size = size.times(unit.size.pow(exponent));
        const term = Math.abs(exponent) === 1 ? unit.name : `${unit.name}^${Math.abs(exponent)}`;
        (exponent > 0 ? up : down).push(term);
    }
    const numerator = up.length > 0 ? up.join('·') : down.length > 0 ? '1' : '';
    const name = down.length === 0 ? numerator : `${numerator}/${down.length === 1 ? down[0] : `(${down.join('·')})`}`;
    return { name, size };
}

/**
 * A value for a reader: three decimals with thousands separators from 1 up,
 * four significant digits below 1 (so that 0.0389 GJ/Nm3 is not shown as 0.039).
 */
export function formatValue(value: Rational, _locale: Locale = 'en', decimals = 3): string {
    const decimal = value.toDecimal();
    if (decimal.abs().gte(1) || decimal.isZero()) {
        const fixed = decimal.toDecimalPlaces(decimals, Dec.ROUND_HALF_EVEN).toFixed(decimals);
        const [whole, fraction] = fixed.split('.');
        const sign = whole.startsWith('-') ? '-' : '';
        const grouped = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
    }
    return decimal.toSignificantDigits(4, Dec.ROUND_HALF_EVEN).toFixed();
}

/** `486,637.500 GJ`, `0.5366 tCO2/MWh`, `8 %`-free: dimensionless values are shown as plain numbers. */
export function formatQuantity(quantity: Quantity, locale: Locale = 'en', decimals = 3): string {
    if (quantity.dimension.isDimensionless()) return formatValue(quantity.value, locale, decimals);
    const unit = displayUnit(quantity.dimension, quantity.value);
    return `${formatValue(quantity.value.dividedBy(unit.size), locale, decimals)} ${unit.name}`;
}

/** One value of a factor, in its conventional unit: `0.5366 tCO2/MWh`, `1.000 kgCH4/TJ`. */
export function formatFactorValue(value: FactorValue, locale: Locale = 'en', decimals = 3): string {
    const unit = displayUnit(Dimension.massOf(value.gas).dividedBy(value.per), value.value);
    return `${formatValue(value.value.dividedBy(unit.size), locale, decimals)} ${unit.name}`;
}

/**
 * A value with the digits it has, up to `decimals` places from 1 up or four
 * significant digits below 1, trailing zeros dropped: `14,331,240`,
 * `1,533,442.68`, `0.0035` (where `formatValue` pads `14,331,240.000`).
 */
export function formatMeasured(value: Rational, locale: Locale = 'en', decimals = 3): string {
    const text = formatValue(value, locale, decimals);
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A number as the author wrote it, for a reader: `504_000` → `504,000`, `1.2e6` → `1,200,000`; every digit kept. */
export function formatWrittenNumber(text: string, _locale: Locale = 'en'): string {
    const plain = /[eE]/.test(text) ? Rational.parse(text).toDecimal().toFixed() : text.replace(/_/g, '');
    const [whole, fraction] = plain.split('.');
    return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** A computed quantity in its display unit, with the digits it has: `486,637.5 GJ` (where `formatQuantity` pads `486,637.500 GJ`). */
export function formatQuantityMeasured(quantity: Quantity, locale: Locale = 'en', decimals = 3): string {
    if (quantity.dimension.isDimensionless()) return formatMeasured(quantity.value, locale, decimals);
    const unit = displayUnit(quantity.dimension, quantity.value);
    return `${formatMeasured(quantity.value.dividedBy(unit.size), locale, decimals)} ${unit.name}`;
}
