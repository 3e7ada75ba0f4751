// Stands in for vscode-languageclient/node's LanguageClient in tests that run
// the extension outside VS Code: records its constructor arguments and the
// requests sent, answers requests from a table, and spawns no server.
export const TransportKind = { stdio: 0, ipc: 1, pipe: 2, socket: 3 } as const;

type Responder = (params: unknown) => unknown;

export class LanguageClientDouble {
    static readonly instances: LanguageClientDouble[] = [];
    /** Answers by request method; a method without an answer fails as an unhandled method would. */
    static readonly responders = new Map<string, Responder>();

    readonly constructorArgs: unknown[];
    readonly requests: Array<{ method: string; params: unknown }> = [];
    running = false;
    starts = 0;

    constructor(...args: unknown[]) {
        this.constructorArgs = args;
        LanguageClientDouble.instances.push(this);
    }

    get id(): unknown {
        return this.constructorArgs[0];
    }
    get name(): unknown {
        return this.constructorArgs[1];
    }
    get serverOptions(): any {
        return this.constructorArgs[2];
    }
    get clientOptions(): any {
        return this.constructorArgs[3];
    }

    async start(): Promise<void> {
        this.running = true;
        this.starts++;
    }
    async stop(): Promise<void> {
        this.running = false;
    }
    async restart(): Promise<void> {
        await this.stop();
        await this.start();
    }
    isRunning(): boolean {
        return this.running;
    }
    needsStop(): boolean {
        return this.running;
    }
    async sendRequest<R>(method: string, params?: unknown): Promise<R> {
        this.requests.push({ method, params });
        const responder = LanguageClientDouble.responders.get(method);
        if (!responder) throw new Error(`Unhandled method ${method}`);
        return (await responder(params)) as R;
    }
}
