// The CNMS language server for a web worker: wiring only.
import 'object.groupby/auto';
import { EmptyFileSystem } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createCnmsLspServices } from '@cnms/language/lsp';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const { shared } = createCnmsLspServices({ connection, ...EmptyFileSystem });
startLanguageServer(shared);
