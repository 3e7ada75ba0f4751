export * from './cnms-lsp-module.js';
export * from './cnms-protocol.js';
export * from './balance-markdown.js';
export * from './declaration-snippets.js';
export { SHOW_BALANCE_COMMAND } from './cnms-code-lens-provider.js';
export * from './snippet-text.js';
export * from './language-reference.js';
