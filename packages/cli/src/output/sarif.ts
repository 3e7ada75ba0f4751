import { pathToFileURL } from 'node:url';
import type { Locale } from '@cnms/language';
import { RULES, ruleDocUrl } from '@cnms/language';
import type { DiagnosticRecord } from '../diagnostics.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * SARIF 2.1.0 for code-review tools: one reportingDescriptor per catalogue
 * entry (id, name, short and full description, help URI, default level and
 * whether it is on), one result per diagnostic with its region and rule index.
 * File paths are relative to the working folder (%SRCROOT%).
 */
export function sarifLog(records: readonly DiagnosticRecord[], version: string, locale: Locale): object {
    const index = new Map(RULES.map((rule, i) => [rule.id, i]));
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'cnms',
                        fullName: 'CNMS — carbon-neutrality management system as code',
                        version,
                        semanticVersion: version,
                        language: locale === 'zh-CN' ? 'zh-CN' : 'en',
                        rules: RULES.map(rule => ({
                            id: rule.id,
                            name: rule.title.en.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^./, c => c.toUpperCase()),
                            shortDescription: { text: rule.title[locale] },
                            fullDescription: { text: `${rule.description[locale]} ${rule.rationale[locale]}` },
                            helpUri: ruleDocUrl(rule.id),
                            help: { text: rule.rationale[locale] },
                            defaultConfiguration: { level: LEVEL[rule.severity], enabled: rule.defaultOn },
                            properties: { clause: rule.clause ?? 'language', tags: [rule.clause === null ? 'language' : `clause-${rule.clause}`] }
                        }))
                    }
                },
                originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(process.cwd()).toString()}/` } },
                columnKind: 'utf16CodeUnits',
                results: records.map(record => ({
                    ruleId: record.rule,
                    ...(index.has(record.rule) ? { ruleIndex: index.get(record.rule) } : {}),
                    level: LEVEL[record.severity],
                    message: { text: record.message },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: record.file.startsWith('/') ? { uri: pathToFileURL(record.file).toString() } : { uri: record.file.split('\\').join('/'), uriBaseId: '%SRCROOT%' },
                                region: { startLine: record.line, startColumn: record.column, endLine: record.endLine, endColumn: record.endColumn }
                            }
                        }
                    ]
                }))
            }
        ]
    };
}
