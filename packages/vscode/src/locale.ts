// The message language: the `cnms.messages.language` setting, or with `auto`
// VS Code's display language (any Chinese display language → zh-CN).
import * as vscode from 'vscode';

export type CnmsLocale = 'en' | 'zh-CN';

export function resolveLocale(setting: string | undefined, displayLanguage: string): CnmsLocale {
    if (setting === 'en' || setting === 'zh-CN') return setting;
    return displayLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The locale now, read from the settings and the environment each time (the setting may change). */
export function currentLocale(): CnmsLocale {
    return resolveLocale(vscode.workspace.getConfiguration('cnms').get<string>('messages.language'), vscode.env.language);
}
