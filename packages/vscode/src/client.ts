// Starts the language client: the bundled server (out/server/main-node.cjs)
// in a Node process over IPC, for CNMS files, untitled buffers and the
// read-only documents of the built-in library.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { BUILTIN_SCHEME } from './builtin-documents.js';
import { currentLocale } from './locale.js';
import { text } from './messages.js';
import type { CnmsInitializationOptions } from './protocol.js';
import { withLocalRuleDocs } from './rule-docs.js';

/** The server bundle inside the extension, copied there by esbuild.mjs. */
export const SERVER_MODULE = 'out/server/main-node.cjs';

export const DOCUMENT_SELECTOR = [
    { scheme: 'file', language: 'cnms' },
    { scheme: 'untitled', language: 'cnms' },
    { scheme: BUILTIN_SCHEME, language: 'cnms' }
];

export function createClient(context: vscode.ExtensionContext): LanguageClient {
    const module = context.asAbsolutePath(SERVER_MODULE);
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: DOCUMENT_SELECTOR,
        // A function, so that a restart after a change of `cnms.messages.language` sends the new locale.
        // the server offers the declaration snippets, only where a declaration may start (VS Code's own snippets show everywhere)
        initializationOptions: (): CnmsInitializationOptions => ({ locale: currentLocale() }),
        synchronize: {
            configurationSection: 'cnms',
            // every file: besides .cnms files, the figures and rules read cnms.json, the files that `document` entries name and datasets' CSV files
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*')
        },
        outputChannelName: text('server.name'),
        // a finding's code opens the rule's page bundled with the extension, not the website
        middleware: {
            handleDiagnostics: (uri, diagnostics, next) => next(uri, withLocalRuleDocs(context.extensionPath, diagnostics))
        }
    };
    return new LanguageClient('cnms', text('server.name'), serverOptions, clientOptions);
}
