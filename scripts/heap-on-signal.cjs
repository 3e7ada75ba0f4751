// Preloaded into the language server by scripts/bench-let-paste.mjs
// (`node --require`): on SIGUSR2 runs a full collection and writes
// process.memoryUsage() as JSON to the file named by CNMS_HEAP_FILE, so that a
// benchmark reads the server's live heap without a heap snapshot (Node's
// --trace-gc would write to stdout, the protocol's channel).
const { writeFileSync } = require('node:fs');
const { setFlagsFromString } = require('node:v8');
const { runInNewContext } = require('node:vm');

process.on('SIGUSR2', () => {
    setFlagsFromString('--expose-gc');
    runInNewContext('gc')();
    writeFileSync(process.env.CNMS_HEAP_FILE, JSON.stringify(process.memoryUsage()));
});
