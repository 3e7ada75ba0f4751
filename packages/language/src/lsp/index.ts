export * from './cnms-lsp-module.js';
export * from './cnms-protocol.js';
