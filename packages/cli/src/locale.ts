// the locale module alone, not the language: `cnms --version` and `--help` stay quick
import { normalizeLocale, parseLocale, type Locale } from '@cnms/language/locale';
import { CliError } from './cli-error.js';

/** `--lang` if given, else the environment's locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), else English. */
export function resolveLocale(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Locale {
    if (option !== undefined) {
        const locale = parseLocale(option);
        if (!locale) throw new CliError(`unknown language '${option}' for --lang: use en or zh-CN`);
        return locale;
    }
    const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE?.split(':')[0];
    return normalizeLocale(tag);
}
