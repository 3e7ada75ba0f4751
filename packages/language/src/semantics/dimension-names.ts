import type { Locale } from '../i18n/locale.js';
import { fillTemplate } from '../i18n/locale.js';
import { TEXTS, type TextId } from '../i18n/messages.js';
import { Dimension, MASS_OF } from './dimension.js';

const SUPERSCRIPTS: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

function baseName(base: string, locale: Locale): string {
    if (base.startsWith(MASS_OF)) {
        return fillTemplate(TEXTS['dimension.massOf'][locale], { gas: base.slice(MASS_OF.length) });
    }
    const id = `dimension.${base}` as TextId;
    return id in TEXTS ? TEXTS[id][locale] : base;
}

function term(base: string, exponent: number, locale: Locale): string {
    const name = baseName(base, locale);
    if (exponent === 1) return name;
    const power = String(exponent)
        .split('')
        .map(ch => SUPERSCRIPTS[ch] ?? ch)
        .join('');
    return name.includes(' ') ? `(${name})${power}` : `${name}${power}`;
}

/** A dimension as a reader names it: `mass of CO2/energy`, `energy·volume`, `dimensionless`. */
export function formatDimension(dimension: Dimension, locale: Locale): string {
    const entries = dimension.entries();
    if (entries.length === 0) return TEXTS['dimension.none'][locale];
    const up = entries.filter(([, exp]) => exp > 0).map(([base, exp]) => term(base, exp, locale));
    const down = entries.filter(([, exp]) => exp < 0).map(([base, exp]) => term(base, -exp, locale));
    const numerator = up.length > 0 ? up.join('·') : '1';
    if (down.length === 0) return numerator;
    return down.length === 1 ? `${numerator}/${down[0]}` : `${numerator}/(${down.join('·')})`;
}
