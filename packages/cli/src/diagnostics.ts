import type { LangiumDocument } from 'langium';
import type { CnmsServices } from '@cnms/language';
import { RULE_FAILED, ruleById } from '@cnms/language';
import type { LoadedWorkspace } from './load-workspace.js';
import { relativeToWorkingFolder } from './shown-path.js';

export type Severity = 'error' | 'warning' | 'info';

/** One diagnostic as `cnms validate --format json` prints it (cli.md), lines and columns 1-based. */
export interface DiagnosticRecord {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly severity: Severity;
    readonly rule: string;
    readonly clause: string | null;
    readonly message: string;
}

const SEVERITIES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' };

/** The diagnostics of the requested files, sorted by file and place; paths relative to the working folder. */
export function collectDiagnostics(workspace: LoadedWorkspace, documents: readonly LangiumDocument[] = workspace.requested): DiagnosticRecord[] {
    const records: DiagnosticRecord[] = [];
    for (const path of workspace.unreadable) {
        records.push({
            file: relativeToWorkingFolder(path.path),
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 1,
            severity: 'error',
            rule: 'CN-NUM-001',
            clause: null,
            message: workspace.Cnms.I18n.ruleMessage('CN-NUM-001', 'notText', { reason: path.reason })
        });
    }
    for (const document of documents) {
        for (const diagnostic of document.diagnostics ?? []) {
            const rule = typeof diagnostic.code === 'string' ? diagnostic.code : 'CN-NUM-001';
            records.push({
                file: relativeToWorkingFolder(document.uri.fsPath),
                line: diagnostic.range.start.line + 1,
                column: diagnostic.range.start.character + 1,
                endLine: diagnostic.range.end.line + 1,
                endColumn: diagnostic.range.end.character + 1,
                severity: SEVERITIES[diagnostic.severity ?? 1],
                rule,
                clause: clauseOf(rule),
                message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value
            });
        }
    }
    return records.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

/**
 * The exit code the diagnostics call for: 2 when a rule could not check the
 * model (RULE_FAILED: cnms failed, and the findings are incomplete), 1 when an
 * error stands (or `failing`: a figure that could not be computed), else 0.
 */
export function exitCodeOf(records: readonly DiagnosticRecord[], failing = false): 0 | 1 | 2 {
    if (records.some(record => record.rule === RULE_FAILED)) return 2;
    return failing || records.some(record => record.severity === 'error') ? 1 : 0;
}

/** The documents of one model, for counting its errors and warnings. */
export function modelDocuments(Cnms: CnmsServices, model: string): LangiumDocument[] {
    return Cnms.references.Models.documentsOf(model);
}

function clauseOf(rule: string): string | null {
    try {
        return ruleById(rule).clause;
    } catch {
        return null;
    }
}
