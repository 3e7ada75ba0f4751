#!/usr/bin/env node
// Runs the CLI. A command (any argument that is not an option) runs in a Node
// started from the CLI's startup snapshot (packages/cli/snapshot.mjs: the
// language loaded, the parser built and warmed, the built-in library parsed)
// when it was built here by this very Node; otherwise, and for `--version`,
// `--help` or no arguments, the bundle runs in this process
// (packages/cli/esbuild.mjs: one module per command, loaded when it runs).
// CNMS_NO_SNAPSHOT=1 runs the bundle always.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);

/** The snapshot's blob, when it can start this run. */
function snapshotBlob() {
    if (process.env.CNMS_NO_SNAPSHOT === '1' || args.every(arg => arg.startsWith('-'))) return undefined;
    const folder = fileURLToPath(new URL('../out/snapshot', import.meta.url));
    try {
        const built = JSON.parse(readFileSync(`${folder}/built.json`, 'utf8'));
        const here = built.node === process.version && built.arch === process.arch && built.execPath === process.execPath && built.folder === folder;
        return here ? `${folder}/cnms.blob` : undefined;
    } catch {
        return undefined;
    }
}

const blob = snapshotBlob();
if (blob) {
    const child = spawn(process.execPath, [...process.execArgv, '--snapshot-blob', blob, '--', ...args], { stdio: 'inherit' });
    // a signal sent to this process alone (a test's timeout, `kill`) ends the run too
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
    child.on('error', error => {
        process.stderr.write(`cnms: internal error: ${error.message}\n`);
        process.exit(2);
    });
    child.on('exit', (code, signal) => {
        if (signal) {
            process.removeAllListeners(signal);
            process.kill(process.pid, signal);
        } else process.exit(code ?? 2);
    });
} else {
    const { main } = await import('../out/bundle/main.js');
    process.exitCode = await main(process.argv);
}
