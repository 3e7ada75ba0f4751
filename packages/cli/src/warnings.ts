import type { Locale } from '@cnms/language';

const LABEL = { en: 'warning', 'zh-CN': '警告' } as const;

/** A function that prints each warning once on standard error, as `cnms: warning: …`, apart from the output proper. */
export function warningPrinter(locale: Locale): (message: string) => void {
    const printed = new Set<string>();
    return message => {
        if (printed.has(message)) return;
        printed.add(message);
        process.stderr.write(`cnms: ${LABEL[locale]}: ${message}\n`);
    };
}
