/** The languages of every message, hover and report. */
export type Locale = 'en' | 'zh-CN';

export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** A text in every supported language. */
export type LocalizedText = Record<Locale, string>;

/**
 * Maps a locale tag (`zh_CN.UTF-8`, `zh-Hans`, `en-GB`, `C`) to a supported
 * locale: any Chinese tag gives zh-CN, anything else English.
 */
export function normalizeLocale(tag: string | undefined): Locale {
    if (!tag) return 'en';
    return /^zh\b|^zh[-_]/i.test(tag.trim()) ? 'zh-CN' : 'en';
}

/** Whether a user-given `--lang` value names a supported locale exactly (case-insensitive, `_` or `-`). */
export function parseLocale(tag: string): Locale | undefined {
    const cleaned = tag.trim().replace('_', '-').toLowerCase();
    if (cleaned === 'en') return 'en';
    if (cleaned === 'zh-cn' || cleaned === 'zh') return 'zh-CN';
    return undefined;
}

/**
 * Fills `{name}` placeholders of a template, and plural choices
 * `{count:# source|# sources}` by the count (`#` is the count itself).
 */
export function fillTemplate(template: string, params: Record<string, string | number> = {}): string {
    const chosen = template.replace(/\{(\w+):([^|{}]*)\|([^{}]*)\}/g, (whole, key: string, one: string, other: string) => (key in params ? (Number(params[key]) === 1 ? one : other).replace('#', String(params[key] ?? '—')) : whole));
    // a value missing at run time (a name still being typed) shows as —, never as `undefined`
    return chosen.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key] ?? '—') : whole));
}
