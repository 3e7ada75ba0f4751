// The entry of the CLI's startup snapshot (packages/cli/snapshot.mjs). When
// the CLI is built, `node --build-snapshot` runs this file once: it loads the
// language, builds the parser, parses the files of a new model (to warm the
// parser) and builds the built-in library; when that is done (Node runs the
// event loop until nothing is left to do), V8 writes the heap to a blob. A run
// of `cnms` (bin/cnms.js) starts a Node from that blob, which calls the
// function given to setDeserializeMainFunction: all of the above is already
// in memory, the parser's lookahead decisions for the common constructs
// included. What a run must read from its environment (arguments, locale,
// working directory, terminal, files) is read only then, never here.
import '@cnms/language/polyfills';
import { startupSnapshot } from 'node:v8';
import { prepareServicesAhead } from '@cnms/language';
import { initTemplate } from './init-template.js';
import { main } from './main.js';

void prepareServicesAhead(Object.entries(initTemplate(2024)).flatMap(([file, text]) => (file.endsWith('.cnms') ? [text] : [])));

startupSnapshot.setDeserializeMainFunction(() => {
    // `node --snapshot-blob BLOB -- ARGS`: process.argv is [node, ...ARGS]; main reads the arguments after a script's name
    void main([process.execPath, 'cnms', ...process.argv.slice(1)]).then(code => {
        process.exitCode = code;
    });
});
