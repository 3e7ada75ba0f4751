// The rule pages (docs/rules/<id>.md) ship inside the extension (out/rules/,
// copied by esbuild.mjs): a finding's code opens the local page, so a plant
// network without internet still reaches it. The server names the website's
// page; the client's middleware points the code at the bundled one.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';

/** Where the bundled pages are, inside the extension. */
export const RULE_DOCS_FOLDER = 'out/rules';

/** `CN-6.2-001` → the bundled page's URI, or undefined when the extension has none for it. */
export function localRuleDoc(extensionPath: string, rule: string): vscode.Uri | undefined {
    if (!/^CN-[A-Z0-9.]+-\d{3}$/.test(rule)) return undefined;
    const path = `${extensionPath}/${RULE_DOCS_FOLDER}/${rule}.md`;
    return existsSync(path) ? vscode.Uri.file(path) : undefined;
}

/** The diagnostics with each rule code's link on the bundled page (unchanged where there is none). */
export function withLocalRuleDocs(extensionPath: string, diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
    return diagnostics.map(diagnostic => {
        const code = diagnostic.code;
        const rule = typeof code === 'object' && code !== null ? String(code.value) : typeof code === 'string' ? code : undefined;
        const target = rule === undefined ? undefined : localRuleDoc(extensionPath, rule);
        if (target) diagnostic.code = { value: rule!, target };
        return diagnostic;
    });
}
