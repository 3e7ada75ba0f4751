import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * A diagnostic's message as an editor shows it: as plain text, without
 * rendering Markdown, so a code span `ms-scope` is shown as 'ms-scope' rather
 * than with its backticks. The command line keeps the messages as they are.
 */
export function plainMessage(message: string): string {
    return message.replace(/`([^`\r\n]*)`/g, "'$1'");
}

/** The diagnostics of a document with plain-text messages. */
export function plainDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    return diagnostics.map(diagnostic => (typeof diagnostic.message === 'string' ? { ...diagnostic, message: plainMessage(diagnostic.message) } : diagnostic));
}
