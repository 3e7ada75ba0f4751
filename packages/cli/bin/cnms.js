#!/usr/bin/env node
// Runs the CLI's bundle (packages/cli/esbuild.mjs: one module per command,
// loaded when it runs). Langium 4.4's parser library calls Object.groupBy
// (Node 21+): main loads the polyfill before a command's code, which is what
// imports Langium.

// `cnms report … | head`: a reader that stops early is not an error.
process.stdout.on('error', error => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
});

const { main } = await import('../out/bundle/main.js');
process.exitCode = await main(process.argv);
