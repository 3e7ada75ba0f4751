import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
        const summary = await session.connection.sendRequest(BALANCE_REQUEST, { uri }) as BalanceSummary;
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
