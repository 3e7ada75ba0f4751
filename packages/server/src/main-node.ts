// The CNMS language server for Node: wiring only. Langium 4.4's parser library
// needs Object.groupBy (Node 21+), so the polyfill is imported first.
import 'object.groupby/auto';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createCnmsLspServices } from '@cnms/language/lsp';
import { registerDiffRequests } from './diff-requests.js';
import { FramedInput } from './framed-input.js';
import { serverFileSystem } from './regular-file-system.js';
import { collectGarbageWhenIdle } from './idle-memory.js';
import { registerReportRequests } from './report-requests.js';

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
const { shared, Cnms } = createCnmsLspServices({ connection, fileSystemProvider: serverFileSystem });
registerReportRequests(shared, Cnms, 'cnms language server 0.1.0');
registerDiffRequests(shared, Cnms);
collectGarbageWhenIdle(shared, Cnms);
startLanguageServer(shared);

/**
 * Over stdio, stdin is read through FramedInput, which drops a frame with a
 * malformed header instead of leaving the server deaf; stdout carries only
 * the protocol, so console output goes to stderr.
 */
function stdioConnection() {
    const input = process.stdin.pipe(new FramedInput(message => process.stderr.write(`${message}\n`)));
    console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
    return createConnection(ProposedFeatures.all, input, process.stdout);
}
