// A test double of the `vscode` module, which exists only inside VS Code's
// extension host: just the API the CNMS extension uses, recording what the
// extension registers and shows so that tests can look at it. It behaves like
// VS Code where the extension depends on it (registering a command twice
// throws, disposing a registration removes it, events reach their listeners).

type Listener<T> = (value: T) => unknown;

export interface Disposable { dispose(): unknown }

export class EventEmitter<T> {
    private readonly listeners = new Set<Listener<T>>();
    readonly event = (listener: Listener<T>): Disposable => {
        this.listeners.add(listener);
        return { dispose: () => this.listeners.delete(listener) };
    };
    /** Calls every listener and waits for those that return promises. */
    async fire(value: T): Promise<void> {
        await Promise.all([...this.listeners].map(listener => listener(value)));
    }
    dispose(): void {
        this.listeners.clear();
    }
}

export class Uri {
    private constructor(
        readonly scheme: string,
        readonly authority: string,
        readonly path: string,
        readonly query: string,
        readonly fragment: string
    ) {}

    static parse(value: string): Uri {
        const url = new URL(value);
        const hasAuthority = value.slice(url.protocol.length).startsWith('//');
        return new Uri(url.protocol.slice(0, -1), hasAuthority ? url.host : '', decodeURIComponent(url.pathname),
            decodeURIComponent(url.search.slice(1)), decodeURIComponent(url.hash.slice(1)));
    }

    static file(path: string): Uri {
        return new Uri('file', '', path, '', '');
    }

    static from(parts: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
        return new Uri(parts.scheme, parts.authority ?? '', parts.path ?? '', parts.query ?? '', parts.fragment ?? '');
    }

    get fsPath(): string {
        return this.path;
    }

    toString(): string {
        const authority = this.authority || this.scheme === 'file' ? `//${this.authority}` : '';
        const query = this.query ? `?${encodeURIComponent(this.query)}` : '';
        const fragment = this.fragment ? `#${encodeURIComponent(this.fragment)}` : '';
        return `${this.scheme}:${authority}${encodeURI(this.path)}${query}${fragment}`;
    }
}

export class ThemeColor {
    constructor(readonly id: string) {}
}

export class MarkdownString {
    supportThemeIcons = false;
    constructor(readonly value = '') {}
}

export const StatusBarAlignment = { Left: 1, Right: 2 } as const;
export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 } as const;
export const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2 } as const;

export interface StatusBarItemDouble {
    readonly id: string;
    readonly alignment: number;
    readonly priority: number | undefined;
    name: string | undefined;
    text: string;
    tooltip: string | MarkdownString | undefined;
    command: string | undefined;
    backgroundColor: ThemeColor | undefined;
    visible: boolean;
    show(): void;
    hide(): void;
    dispose(): void;
}

export interface TextDocumentDouble {
    readonly uri: Uri;
    readonly languageId: string;
    getText(): string;
}

export interface ContentProvider {
    provideTextDocumentContent(uri: Uri, token?: unknown): string | Promise<string>;
    onDidChange?: (listener: Listener<Uri>) => Disposable;
}

/** Everything the extension registered or showed, and the inputs the tests control. */
export const state = {
    language: 'en',
    configuration: new Map<string, unknown>(),
    activeTextEditor: undefined as { document: TextDocumentDouble } | undefined,
    commands: new Map<string, (...args: unknown[]) => unknown>(),
    executed: [] as Array<{ command: string; args: unknown[] }>,
    providers: new Map<string, ContentProvider>(),
    statusBarItems: [] as StatusBarItemDouble[],
    messages: [] as Array<{ severity: 'information' | 'warning' | 'error'; text: string }>,
    watchers: [] as string[],
    shownDocuments: [] as TextDocumentDouble[],
    onDidChangeActiveTextEditor: new EventEmitter<unknown>(),
    onDidSaveTextDocument: new EventEmitter<TextDocumentDouble>(),
    onDidChangeConfiguration: new EventEmitter<{ affectsConfiguration(section: string): boolean }>(),
    onDidChangeDiagnostics: new EventEmitter<{ uris: readonly Uri[] }>()
};

export function resetState(): void {
    state.language = 'en';
    state.configuration.clear();
    state.activeTextEditor = undefined;
    state.executed.length = 0;
    state.messages.length = 0;
    state.watchers.length = 0;
    state.shownDocuments.length = 0;
    state.statusBarItems.length = 0;
}

/** A document as VS Code gives it to the extension. */
export function textDocument(uri: string, languageId: string, text = ''): TextDocumentDouble {
    return { uri: Uri.parse(uri), languageId, getText: () => text };
}

const disposable = (dispose: () => void): Disposable => ({ dispose });

export const window = {
    get activeTextEditor() {
        return state.activeTextEditor;
    },
    onDidChangeActiveTextEditor: state.onDidChangeActiveTextEditor.event,
    createStatusBarItem(id: string, alignment: number, priority?: number): StatusBarItemDouble {
        const item: StatusBarItemDouble = {
            id, alignment, priority, name: undefined, text: '', tooltip: undefined, command: undefined, backgroundColor: undefined, visible: false,
            show() { item.visible = true; },
            hide() { item.visible = false; },
            dispose() { item.visible = false; }
        };
        state.statusBarItems.push(item);
        return item;
    },
    async showInformationMessage(text: string) {
        state.messages.push({ severity: 'information', text });
        return undefined;
    },
    async showWarningMessage(text: string) {
        state.messages.push({ severity: 'warning', text });
        return undefined;
    },
    async showErrorMessage(text: string) {
        state.messages.push({ severity: 'error', text });
        return undefined;
    },
    async withProgress<R>(_options: unknown, task: (progress: { report(value: unknown): void }, token: unknown) => Promise<R>): Promise<R> {
        return task({ report() {} }, { isCancellationRequested: false });
    },
    async showTextDocument(document: TextDocumentDouble) {
        state.shownDocuments.push(document);
        return { document };
    }
};

export const workspace = {
    getConfiguration(section: string) {
        return {
            get<T>(key: string, fallback?: T): T | undefined {
                const value = state.configuration.get(`${section}.${key}`);
                return value === undefined ? fallback : (value as T);
            }
        };
    },
    registerTextDocumentContentProvider(scheme: string, provider: ContentProvider): Disposable {
        if (state.providers.has(scheme)) throw new Error(`a content provider for ${scheme} is registered already`);
        state.providers.set(scheme, provider);
        return disposable(() => state.providers.delete(scheme));
    },
    async openTextDocument(uri: Uri): Promise<TextDocumentDouble> {
        const provider = state.providers.get(uri.scheme);
        if (!provider) throw new Error(`no content provider for ${uri.scheme}`);
        const text = await provider.provideTextDocumentContent(uri);
        return { uri, languageId: uri.path.endsWith('.md') ? 'markdown' : 'cnms', getText: () => text };
    },
    createFileSystemWatcher(glob: string) {
        state.watchers.push(glob);
        const none = () => disposable(() => {});
        return { onDidCreate: none, onDidChange: none, onDidDelete: none, dispose() {} };
    },
    onDidSaveTextDocument: state.onDidSaveTextDocument.event,
    onDidChangeConfiguration: state.onDidChangeConfiguration.event
};

export const languages = {
    onDidChangeDiagnostics: state.onDidChangeDiagnostics.event
};

export const commands = {
    registerCommand(command: string, callback: (...args: unknown[]) => unknown): Disposable {
        if (state.commands.has(command)) throw new Error(`command '${command}' already exists`);
        state.commands.set(command, callback);
        return disposable(() => state.commands.delete(command));
    },
    async executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
        state.executed.push({ command, args });
        return state.commands.get(command)?.(...args);
    }
};

export const env = {
    get language() {
        return state.language;
    }
};
