/**
 * The requests the CNMS language server answers besides LSP's own, shared by
 * the server, the VS Code extension and the protocol tests.
 */

/** `cnms/balance`: the balance of the model that holds a document, for the status bar and the breakdown. */
export const BALANCE_REQUEST = 'cnms/balance';
export interface BalanceParams {
    /** A document of the model. */
    readonly uri: string;
    /**
     * Answer as soon as the model's figures are computed, before its clause
     * rules have run (`rulesChecked` false then): what the status bar asks
     * first, to show the new net while the rules still run. By default the
     * answer waits for the rules.
     */
    readonly figuresOnly?: boolean;
}
export interface BalanceSummary {
    readonly model: string;
    readonly title: string | null;
    /** `2024`, or `2024-04-01 .. 2025-03-31`. */
    readonly period: string | null;
    /** Exact decimal strings in tCO2e. */
    readonly emissions: string;
    readonly removals: string;
    readonly offsets: string;
    readonly net: string;
    /** The net rounded for display with its sign, e.g. `+84,153.786`; `≥ +84,153.786` when a source could not be computed. */
    readonly netDisplay: string;
    /** Sources, removals and offsets that could not be computed (the totals leave them out); 0 when complete. */
    readonly uncomputed: number;
    /** True only when the model is carbon neutral, its rules have run and no error stands. */
    readonly neutral: boolean;
    /** Whether the clause rules have run on the model's current text; while not, `errors` and `warnings` are provisional and no verdict is given. */
    readonly rulesChecked: boolean;
    readonly errors: number;
    readonly warnings: number;
    /** The whole breakdown as Markdown, in the server's message language. */
    readonly markdown: string;
}

/** `cnms/builtinContent`: the text of a built-in library document (`cnms-builtin:` URIs), served read-only. */
export const BUILTIN_CONTENT_REQUEST = 'cnms/builtinContent';
export interface BuiltinContentParams {
    readonly uri: string;
}
/** The document's text, or null when there is no such built-in document. */
export type BuiltinContentResult = string | null;

/** `cnms/validateWorkspace`: counts of the diagnostics of every model in the workspace (they are published as usual). */
export const VALIDATE_WORKSPACE_REQUEST = 'cnms/validateWorkspace';
export interface ValidateWorkspaceResult {
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
}

/** What the client passes in `initializationOptions`. */
export interface CnmsInitializationOptions {
    /** Language of messages, hovers and hints: 'en' or 'zh-CN' (the extension resolves `auto` from VS Code's display language). */
    readonly locale?: string;
    /** False when the client has the declaration snippets of its own (the VS Code extension leaves them to the server, which offers them only where a declaration may start). */
    readonly completionSnippets?: boolean;
}

/** Settings read from the client's configuration section `cnms`. */
export interface CnmsSettings {
    readonly inlayHints?: { readonly enabled?: boolean; readonly emissions?: boolean; readonly values?: boolean };
    readonly display?: { readonly precision?: number };
}

/** `cnms/report`: the carbon-neutrality report of the model that holds a document, in one format. */
export const REPORT_REQUEST = 'cnms/report';
export type ReportFormat = 'md' | 'html' | 'json' | 'csv' | 'xlsx';
export interface ReportParams {
    readonly uri: string;
    readonly format: ReportFormat;
}
/** The report's content (base64 for xlsx) and a file name to suggest; null for a file in no model. */
export type ReportResult = { readonly content: string; readonly encoding: 'utf8' | 'base64'; readonly fileName: string } | null;

/**
 * `cnms/diff`: the model that holds a document compared between a git
 * revision and the working tree (the saved files), as `cnms diff REV PATH`
 * prints it. An unknown revision, a model outside any git repository or a
 * document in no model is a request error whose message says so.
 */
export const DIFF_REQUEST = 'cnms/diff';
export type DiffFormat = 'md' | 'json';
export interface DiffParams {
    /** A document of the model. */
    readonly uri: string;
    /** The earlier side: `HEAD`, `main`, `HEAD~1`, a tag or a commit. */
    readonly revision: string;
    /** `md`: ready to read or post; `json`: the ModelDiff of `cnms diff --format json` (exact decimal strings). */
    readonly format: DiffFormat;
}
export interface DiffResult {
    readonly content: string;
}
