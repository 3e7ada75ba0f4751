export * from './cnms-lsp-module.js';
