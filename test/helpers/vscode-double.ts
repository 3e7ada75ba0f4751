// A test double of the `vscode` module, which exists only inside VS Code's
// extension host: just the API the CNMS extension uses, recording what the
// extension registers and shows so that tests can look at it. It behaves like
// VS Code where the extension depends on it (registering a command twice
// throws, disposing a registration removes it, events reach their listeners).

type Listener<T> = (value: T) => unknown;

export interface Disposable {
    dispose(): unknown;
}

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
        return new Uri(url.protocol.slice(0, -1), hasAuthority ? url.host : '', decodeURIComponent(url.pathname), decodeURIComponent(url.search.slice(1)), decodeURIComponent(url.hash.slice(1)));
    }

    static file(path: string): Uri {
        return new Uri('file', '', path, '', '');
    }

    static from(parts: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
        return new Uri(parts.scheme, parts.authority ?? '', parts.path ?? '', parts.query ?? '', parts.fragment ?? '');
    }

    /** The path segments appended, `..` and `.` resolved, as VS Code does. */
    static joinPath(base: Uri, ...segments: string[]): Uri {
        const parts: string[] = [];
        for (const part of [base.path, ...segments].join('/').split('/')) {
            if (part === '..') parts.pop();
            else if (part && part !== '.') parts.push(part);
        }
        return base.with({ path: `/${parts.join('/')}` });
    }

    with(change: { scheme?: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
        return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment);
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
export const QuickPickItemKind = { Separator: -1, Default: 0 } as const;
export class Position {
    constructor(
        readonly line: number,
        readonly character: number
    ) {}
}
export class Range {
    constructor(
        readonly start: Position,
        readonly end: Position
    ) {}
}
export const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 } as const;

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

export interface WebviewPanelSerializerDouble {
    deserializeWebviewPanel(panel: WebviewPanelDouble, state: unknown): Promise<void>;
}

/** A Memento as `ExtensionContext.workspaceState` gives it. */
export function memento(): { get<T>(key: string): T | undefined; update(key: string, value: unknown): Promise<void>; values: Map<string, unknown> } {
    const values = new Map<string, unknown>();
    return { values, get: <T>(key: string) => values.get(key) as T | undefined, update: async (key: string, value: unknown) => void values.set(key, value) };
}

export interface WebviewPanelDouble {
    readonly viewType: string;
    title: string;
    readonly showOptions: unknown;
    readonly options: Record<string, unknown>;
    readonly webview: { html: string; readonly options: Record<string, unknown>; readonly cspSource: string };
    /** Each reveal() call, in order. */
    readonly reveals: Array<{ viewColumn: unknown; preserveFocus: unknown }>;
    disposed: boolean;
    readonly onDidDispose: (listener: Listener<void>) => Disposable;
    reveal(viewColumn?: unknown, preserveFocus?: boolean): void;
    dispose(): void;
}

export interface QuickPickItemDouble {
    label: string;
    description?: string;
    detail?: string;
    [key: string]: unknown;
}

export interface InputBoxOptionsDouble {
    title?: string;
    prompt?: string;
    value?: string;
    placeHolder?: string;
    validateInput?: (value: string) => string | undefined | null | Promise<string | undefined | null>;
    [key: string]: unknown;
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
    serializers: new Map<string, WebviewPanelSerializerDouble>(),
    statusBarItems: [] as StatusBarItemDouble[],
    messages: [] as Array<{ severity: 'information' | 'warning' | 'error'; text: string; items?: string[] }>,
    /** Which button of a message the user clicks (undefined: the message is closed). */
    messageAnswer: undefined as ((text: string, items: string[]) => string | undefined) | undefined,
    webviewPanels: [] as WebviewPanelDouble[],
    quickPicks: [] as Array<{ items: QuickPickItemDouble[]; options: unknown }>,
    /** Which item the user picks (undefined: Escape). */
    quickPickAnswer: undefined as ((items: QuickPickItemDouble[]) => QuickPickItemDouble | undefined) | undefined,
    inputBoxes: [] as InputBoxOptionsDouble[],
    /** What the user types (undefined: Escape); given the options, e.g. `options => options.value` accepts the default. */
    inputBoxAnswer: undefined as ((options: InputBoxOptionsDouble) => string | undefined) | undefined,
    saveDialogs: [] as Array<{ defaultUri?: Uri; filters?: Record<string, string[]>; saveLabel?: string; title?: string }>,
    /** Where the user saves (undefined: Cancel). */
    saveDialogAnswer: undefined as ((options: { defaultUri?: Uri }) => Uri | undefined) | undefined,
    /** The file system behind workspace.fs, by path: what tests put there and what the extension wrote. */
    files: new Map<string, Uint8Array>(),
    /** Each workspace.fs.writeFile call, in order. */
    writes: [] as Array<{ uri: Uri; content: Uint8Array }>,
    workspaceFolders: undefined as Array<{ uri: Uri; name: string; index: number }> | undefined,
    watchers: [] as string[],
    shownOptions: [] as unknown[],
    openDialogs: [] as Array<Record<string, unknown>>,
    openDialogAnswer: undefined as ((options: Record<string, unknown>) => Uri[] | undefined) | undefined,
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
    state.shownOptions.length = 0;
    state.openDialogs.length = 0;
    state.openDialogAnswer = undefined;
    state.statusBarItems.length = 0;
    state.messageAnswer = undefined;
    for (const panel of state.webviewPanels.splice(0)) if (!panel.disposed) panel.dispose();
    state.quickPicks.length = 0;
    state.quickPickAnswer = undefined;
    state.inputBoxes.length = 0;
    state.inputBoxAnswer = undefined;
    state.saveDialogs.length = 0;
    state.saveDialogAnswer = undefined;
    state.files.clear();
    state.writes.length = 0;
    state.workspaceFolders = undefined;
}

/** A document as VS Code gives it to the extension. */
export function textDocument(uri: string, languageId: string, text = ''): TextDocumentDouble {
    return { uri: Uri.parse(uri), languageId, getText: () => text };
}

const disposable = (dispose: () => void): Disposable => ({ dispose });

function message(severity: 'information' | 'warning' | 'error', text: string, items: string[]): string | undefined {
    state.messages.push({ severity, text, ...(items.length > 0 ? { items } : {}) });
    return state.messageAnswer?.(text, items);
}

function fileSystemError(uri: Uri): Error {
    return Object.assign(new Error(`EntryNotFound (FileSystemError): ${uri.toString()}`), { code: 'FileNotFound' });
}

export const window = {
    get activeTextEditor() {
        return state.activeTextEditor;
    },
    onDidChangeActiveTextEditor: state.onDidChangeActiveTextEditor.event,
    createStatusBarItem(id: string, alignment: number, priority?: number): StatusBarItemDouble {
        const item: StatusBarItemDouble = {
            id,
            alignment,
            priority,
            name: undefined,
            text: '',
            tooltip: undefined,
            command: undefined,
            backgroundColor: undefined,
            visible: false,
            show() {
                item.visible = true;
            },
            hide() {
                item.visible = false;
            },
            dispose() {
                item.visible = false;
            }
        };
        state.statusBarItems.push(item);
        return item;
    },
    async showInformationMessage(text: string, ...items: string[]) {
        return message('information', text, items);
    },
    async showWarningMessage(text: string, ...items: string[]) {
        return message('warning', text, items);
    },
    async showErrorMessage(text: string, ...items: string[]) {
        return message('error', text, items);
    },
    createWebviewPanel(viewType: string, title: string, showOptions: unknown, options: Record<string, unknown> = {}): WebviewPanelDouble {
        const disposed = new EventEmitter<void>();
        const panel: WebviewPanelDouble = {
            viewType,
            title,
            showOptions,
            options,
            webview: { html: '', options, cspSource: 'https://webview.test' },
            reveals: [],
            disposed: false,
            onDidDispose: disposed.event,
            reveal(viewColumn?: unknown, preserveFocus?: boolean) {
                if (panel.disposed) throw new Error('Webview is disposed');
                panel.reveals.push({ viewColumn, preserveFocus });
            },
            dispose() {
                if (panel.disposed) return;
                panel.disposed = true;
                void disposed.fire().then(() => disposed.dispose());
            }
        };
        // Like VS Code: a disposed panel's webview can no longer be written to.
        let html = '';
        Object.defineProperty(panel.webview, 'html', {
            get: () => html,
            set: (value: string) => {
                if (panel.disposed) throw new Error('Webview is disposed');
                html = value;
            }
        });
        state.webviewPanels.push(panel);
        return panel;
    },
    registerWebviewPanelSerializer(viewType: string, serializer: WebviewPanelSerializerDouble): Disposable {
        if (state.serializers.has(viewType)) throw new Error(`a serializer for ${viewType} is registered already`);
        state.serializers.set(viewType, serializer);
        return disposable(() => state.serializers.delete(viewType));
    },
    /** What VS Code does after a window reload for a panel it kept: a new panel with the old title, handed to the serializer. */
    async restoreWebviewPanel(viewType: string, title: string): Promise<WebviewPanelDouble> {
        const serializer = state.serializers.get(viewType);
        if (!serializer) throw new Error(`no serializer for ${viewType}`);
        const panel = window.createWebviewPanel(viewType, title, {});
        await serializer.deserializeWebviewPanel(panel, undefined);
        return panel;
    },
    async showQuickPick(items: QuickPickItemDouble[] | Promise<QuickPickItemDouble[]>, options?: unknown) {
        const resolved = await items;
        state.quickPicks.push({ items: resolved, options });
        return state.quickPickAnswer?.(resolved);
    },
    /** Like VS Code: the answer is refused while validateInput objects to it (here: the box is cancelled). */
    async showInputBox(options: InputBoxOptionsDouble = {}) {
        state.inputBoxes.push(options);
        const answer = state.inputBoxAnswer?.(options);
        if (answer !== undefined && options.validateInput && (await options.validateInput(answer))) return undefined;
        return answer;
    },
    async showOpenDialog(options: Record<string, unknown> = {}) {
        state.openDialogs.push(options);
        return state.openDialogAnswer?.(options);
    },
    async showSaveDialog(options: { defaultUri?: Uri; filters?: Record<string, string[]>; saveLabel?: string; title?: string } = {}) {
        state.saveDialogs.push(options);
        return state.saveDialogAnswer?.(options);
    },
    async withProgress<R>(_options: unknown, task: (progress: { report(value: unknown): void }, token: unknown) => Promise<R>): Promise<R> {
        return task({ report() {} }, { isCancellationRequested: false });
    },
    async showTextDocument(document: TextDocumentDouble, options?: unknown) {
        state.shownDocuments.push(document);
        state.shownOptions.push(options);
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
    get workspaceFolders() {
        return state.workspaceFolders;
    },
    getWorkspaceFolder(uri: Uri) {
        return state.workspaceFolders?.find(folder => uri.path === folder.uri.path || uri.path.startsWith(`${folder.uri.path}/`));
    },
    fs: {
        async readFile(uri: Uri): Promise<Uint8Array> {
            const content = state.files.get(uri.path);
            if (!content) throw fileSystemError(uri);
            return content;
        },
        async writeFile(uri: Uri, content: Uint8Array): Promise<void> {
            state.writes.push({ uri, content });
            state.files.set(uri.path, content);
        },
        async readDirectory(uri: Uri): Promise<Array<[string, number]>> {
            const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
            const entries = new Map<string, number>();
            for (const path of state.files.keys()) {
                if (!path.startsWith(prefix)) continue;
                const [name, ...rest] = path.slice(prefix.length).split('/');
                entries.set(name, rest.length > 0 ? FileType.Directory : FileType.File);
            }
            if (entries.size === 0) throw fileSystemError(uri);
            return [...entries];
        }
    },
    async openTextDocument(uri: Uri): Promise<TextDocumentDouble> {
        const file = uri.scheme === 'file' ? state.files.get(uri.path) : undefined;
        if (file) return { uri, languageId: uri.path.endsWith('.cnms') ? 'cnms' : 'plaintext', getText: () => new TextDecoder().decode(file) };
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
