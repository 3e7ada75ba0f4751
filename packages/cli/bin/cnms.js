#!/usr/bin/env node
// Langium 4.4's parser library calls Object.groupBy (Node 21+): load the
// polyfill before anything imports Langium.
import 'object.groupby/auto';

const { main } = await import('../out/main.js');
process.exitCode = await main(process.argv);
