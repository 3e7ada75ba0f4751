// What the language offers Node only (the CLI and the Node language server), kept out of the browser bundle.
export * from './regular-file.js';
export * from './regular-file-system.js';
