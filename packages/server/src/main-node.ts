// The CNMS language server for Node: wiring only. Langium 4.4's parser library
// needs Object.groupBy (Node 21+), so the polyfill is imported first.
import 'object.groupby/auto';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createCnmsLspServices } from '@cnms/language/lsp';
import { registerDiffRequests } from './diff-requests.js';
import { collectWhenIdle } from './idle-memory.js';
import { registerReportRequests } from './report-requests.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Cnms } = createCnmsLspServices({ connection, ...NodeFileSystem });
registerReportRequests(shared, Cnms, 'cnms language server 0.1.0');
registerDiffRequests(shared, Cnms);
collectWhenIdle(shared, Cnms);
startLanguageServer(shared);
