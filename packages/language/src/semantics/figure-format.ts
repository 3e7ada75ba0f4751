import type { Locale } from '../i18n/locale.js';
import { Dec } from './rational.js';
import { Rational } from './rational.js';

/** Base units per display unit, for figures put into messages and views. */
const DISPLAY_UNITS: Readonly<Record<string, Rational>> = {
    MWh: Rational.fromInteger(3_600_000_000),
    t: Rational.fromInteger(1_000_000),
    tCO2e: Rational.fromInteger(1_000_000),
    tCO2: Rational.fromInteger(1_000_000)
};

/**
 * A figure for a reader: rounded half-even to `decimals` places only here, with
 * thousands separators (`27,326.885`). Both supported locales group with commas.
 */
export function formatFigure(value: Rational, _locale: Locale = 'en', decimals = 3, signed = false): string {
    const fixed = value.toDecimal().toDecimalPlaces(decimals, Dec.ROUND_HALF_EVEN).toFixed(decimals);
    const negative = fixed.startsWith('-');
    const [whole, fraction] = (negative ? fixed.slice(1) : fixed).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const isZero = /^[0.,]+$/.test(grouped + (fraction ?? ''));
    const sign = negative && !isZero ? '-' : signed && !isZero ? '+' : '';
    return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** A value held in base units, shown in a display unit: `{ figure: 3.6e12 J, unit: 'MWh' }` → `1,000.000 MWh`. */
export function formatInUnit(baseValue: Rational, unit: string, locale: Locale = 'en'): string {
    const perUnit = DISPLAY_UNITS[unit];
    const value = perUnit ? baseValue.dividedBy(perUnit) : baseValue;
    return `${formatFigure(value, locale)} ${unit}`;
}

/** A share (0.0451) as a percentage for a reader, to two decimals: `4.51 %`. */
export function formatPercent(share: Rational, locale: Locale = 'en'): string {
    return `${formatFigure(share.times(Rational.fromInteger(100)), locale, 2)} %`;
}
