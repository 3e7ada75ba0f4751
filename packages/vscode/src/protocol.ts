// The server's own requests, as the language package defines them for the
// server, this extension and the protocol tests. The file holds constants and
// types only, so esbuild inlines it without pulling in the language package.
export * from '../../language/src/lsp/cnms-protocol.js';
