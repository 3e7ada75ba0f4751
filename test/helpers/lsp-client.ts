import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import {
    ConfigurationRequest,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    InitializedNotification,
    CodeLensRequest,
    InitializeRequest,
    PublishDiagnosticsNotification,
    ShutdownRequest,
    type CodeLens,
    type Diagnostic,
    type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol';
import { REPO } from './cli.js';

export const SERVER = join(REPO, 'packages/server/out/main-node.cjs');

/** The language server spawned over stdio, as an editor runs it, with the client side of the protocol. */
export interface LspSession {
    readonly connection: ProtocolConnection;
    readonly process: ChildProcess;
    /** The latest diagnostics published for each URI. */
    readonly diagnostics: Map<string, Diagnostic[]>;
    /** Resolves with the next publication for `uri` that satisfies `accept`. */
    waitForDiagnostics(uri: string, accept?: (diagnostics: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
    open(uri: string, text: string, version?: number): Promise<void>;
    change(uri: string, text: string, version: number): Promise<void>;
    close(): Promise<void>;
    /**
     * The code lenses of a document once its model is validated: while the
     * server says the net is being computed, asks again after its
     * `workspace/codeLens/refresh` (as an editor does), for up to 20 s.
     */
    validatedCodeLens(uri: string): Promise<CodeLens[]>;
}

export function fileUri(path: string): string {
    return pathToFileURL(path).toString();
}

/** `nodeArgs` go to Node before the server's script (`--require` a preload), `env` is added to the server's environment. */
export async function startServer(rootDir: string, options: { locale?: string; settings?: Record<string, unknown>; nodeArgs?: string[]; env?: Record<string, string> } = {}): Promise<LspSession> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    // drained, so that a server that logs much never blocks on a full pipe
    child.stderr.resume();
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const diagnostics = new Map<string, Diagnostic[]>();
    const waiters: Array<{ uri: string; accept: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
    connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
        diagnostics.set(params.uri, params.diagnostics);
        for (const waiter of [...waiters]) {
            if (waiter.uri === params.uri && waiter.accept(params.diagnostics)) {
                waiters.splice(waiters.indexOf(waiter), 1);
                waiter.resolve(params.diagnostics);
            }
        }
    });
    const settings = options.settings ?? {};
    connection.onRequest(ConfigurationRequest.type, params => params.items.map(item => (item.section ? (settings[item.section] ?? null) : null)));
    connection.onRequest('client/registerCapability', () => null);
    let lensRefreshed: () => void = () => undefined;
    connection.onRequest('workspace/codeLens/refresh', () => {
        lensRefreshed();
        return null;
    });
    connection.onRequest('workspace/inlayHint/refresh', () => null);
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: fileUri(rootDir),
        workspaceFolders: [{ uri: fileUri(rootDir), name: 'model' }],
        capabilities: { workspace: { configuration: true, codeLens: { refreshSupport: true } }, textDocument: { publishDiagnostics: {}, inlayHint: {}, codeLens: {} } },
        initializationOptions: { locale: options.locale ?? 'en' }
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return {
        connection,
        process: child,
        diagnostics,
        waitForDiagnostics(uri, accept = () => true, timeoutMs = 20_000) {
            return new Promise((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
                waiters.push({
                    uri,
                    accept,
                    resolve: d => {
                        clearTimeout(timer);
                        resolve(d);
                    }
                });
            });
        },
        async open(uri, text, version = 1) {
            await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'cnms', version, text } });
        },
        async change(uri, text, version) {
            await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
        },
        async validatedCodeLens(uri) {
            const until = Date.now() + 20_000;
            for (;;) {
                const refreshed = new Promise<void>(resolve => (lensRefreshed = resolve));
                const lenses = (await connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
                if (!lenses.some(lens => /computing…|计算中…|checking rules…|正在检查规则…/.test(lens.command?.title ?? ''))) return lenses;
                if (Date.now() > until) throw new Error(`the code lenses of ${uri} still say the net is being computed after 20 s: ${lenses.map(lens => lens.command?.title).join(' | ')}`);
                await Promise.race([refreshed, new Promise(resolve => setTimeout(resolve, 500))]);
            }
        },
        async close() {
            try {
                await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise(r => setTimeout(r, 2000))]);
                await connection.sendNotification(ExitNotification.type);
            } finally {
                connection.dispose();
                child.kill();
            }
        }
    };
}
