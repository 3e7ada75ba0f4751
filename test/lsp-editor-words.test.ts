import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HoverRequest, InlayHintRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { BALANCE_REQUEST, type BalanceSummary } from '@cnms/language/lsp';
import { runCli, tempModel } from './helpers/cli.js';
import { fileUri, startServer, type LspSession } from './helpers/lsp-client.js';

// The words the editor shows, over the protocol as VS Code receives them.

const MODEL = 'organization acme { period 2024 }\nsite s\nsource boiler at s { category 1 activity 10 TJ factor ipcc2006.natural_gas }\nsource broken at s { category 1 activity 10 zz factor ipcc2006.natural_gas }\n';

let session: LspSession;
let uri: string;
let dir: string;
beforeAll(async () => {
    dir = tempModel({ 'org.cnms': MODEL });
    uri = fileUri(join(dir, 'org.cnms'));
    session = await startServer(dir);
    await session.open(uri, MODEL);
    // the model-wide round (the clause rules) is the one that names ms-scope
    await session.waitForDiagnostics(uri, diagnostics => diagnostics.some(d => d.code === 'CN-4.3-001'));
});
afterAll(async () => session?.close());

describe('diagnostics and the status tooltip in the editor', () => {
    test('messages come as plain text: a code span is quoted, not shown with its backticks', () => {
        const diagnostics = session.diagnostics.get(uri) ?? [];
        const scope = diagnostics.find(d => d.code === 'CN-4.3-001');
        expect(scope?.message).toContain("'ms-scope'");
        for (const diagnostic of diagnostics) expect(diagnostic.message, String(diagnostic.code)).not.toContain('`');
    });

    test('the status tooltip counts with plurals and sends the reader to the Problems panel, not to a command line', async () => {
        const summary = await session.connection.sendRequest<BalanceSummary>(BALANCE_REQUEST, { uri });
        const errors = (session.diagnostics.get(uri) ?? []).filter(d => d.severity === 1).length;
        expect(summary.errors).toBe(errors);
        expect(summary.markdown).toContain(`${errors} ${errors === 1 ? 'error' : 'errors'}, `);
        expect(summary.markdown).toContain(': see the Problems panel');
        expect(summary.markdown).not.toMatch(/cnms validate|\(s\)/);
    });

    test('the command line, where there is no Problems panel, points to cnms validate', () => {
        const result = runCli(['balance', dir, '--no-color']);
        expect(result.stdout).toMatch(/\d+ errors?, \d+ warnings?: run cnms validate for details/);
        expect(result.stdout).not.toContain('Problems panel');
    });
});

describe('cnms.display.precision in every view', () => {
    // boiler: 10 TJ of natural gas = 561 tCO2 + 0.01 tCH4 × 27.9 + 0.001 tN2O × 273 = 561.552 tCO2e
    const SMALL = 'organization acme { period 2024 }\nsite s\nsource boiler at s { category 1 activity 10 TJ factor ipcc2006.natural_gas }\n';
    let precise: LspSession;
    let smallUri: string;
    beforeAll(async () => {
        const folder = tempModel({ 'org.cnms': SMALL });
        smallUri = fileUri(join(folder, 'org.cnms'));
        precise = await startServer(folder, { settings: { cnms: { display: { precision: 1 } } } });
        await precise.open(smallUri, SMALL);
        await precise.waitForDiagnostics(smallUri);
    });
    afterAll(async () => precise?.close());

    test('one decimal in the inlay hint, the hover, the code lens and the status bar', async () => {
        const hints = await precise.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: smallUri }, range: { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } } });
        expect((hints ?? []).map(h => String(h.label))).toContain('= 561.6 tCO2e');
        const hover = await precise.connection.sendRequest(HoverRequest.type, { textDocument: { uri: smallUri }, position: { line: 2, character: 9 } });
        expect((hover?.contents as MarkupContent).value).toContain('**Counted emissions: 561.6 tCO2e**');
        const lenses = await precise.validatedCodeLens(smallUri);
        expect(lenses.map(l => l.command?.title).join('\n')).toContain('Net 2024: +561.6 tCO2e · emissions 561.6 ·');
        const summary = await precise.connection.sendRequest<BalanceSummary>(BALANCE_REQUEST, { uri: smallUri });
        expect(summary.netDisplay).toBe('+561.6');
        expect(summary.markdown).toContain('561.6');
    });
});
