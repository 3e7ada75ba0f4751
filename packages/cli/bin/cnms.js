#!/usr/bin/env node
// Runs the CLI. A command (any argument that is not an option) runs in a Node
// started from the CLI's startup snapshot (packages/cli/snapshot.mjs: the
// language loaded, the parser built and warmed, the built-in library parsed)
// when it was built here by this very Node; otherwise, and for `--version`,
// `--help` or no arguments, the bundle runs in this process
// (packages/cli/esbuild.mjs: one module per command, loaded when it runs).
// CNMS_NO_SNAPSHOT=1 runs the bundle always.
//
// A V8 option (`--max-old-space-size`, `--expose-gc` …) given to Node makes a
// snapshot fail to load (V8 checks that its options are those the snapshot was
// built with; Node exits 14). So the snapshot is used only when Node's options
// are all of NODE_ONLY below, and a start that fails with 14 runs the bundle.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);

/** Options of Node itself, which leave V8's as they are (tested: test/cli-snapshot.test.ts). */
const NODE_ONLY =
    /^--(require|import|enable-source-maps|no-warnings|disable-warning|trace-warnings|trace-uncaught|unhandled-rejections|no-deprecation|trace-deprecation|cpu-prof|cpu-prof-dir|cpu-prof-name|cpu-prof-interval|heap-prof|heap-prof-dir|heap-prof-name|heap-prof-interval|title)(=|$)|^-r$/;

/** Node's options for this run, from its command line and NODE_OPTIONS, with their values. */
function nodeOptions() {
    const fromEnvironment = (process.env.NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean);
    return [...process.execArgv, ...fromEnvironment];
}

/** Whether every option is one of Node's own; an option's value (`-r FILE`) is skipped. */
function onlyNodeOptions(options) {
    for (let i = 0; i < options.length; i++) {
        if (!NODE_ONLY.test(options[i])) return false;
        if (
            !options[i].includes('=') &&
            ['-r', '--require', '--import', '--cpu-prof-dir', '--cpu-prof-name', '--cpu-prof-interval', '--heap-prof-dir', '--heap-prof-name', '--heap-prof-interval', '--title', '--disable-warning', '--unhandled-rejections'].includes(
                options[i]
            )
        )
            i++;
    }
    return true;
}

/** The snapshot's blob, when it can start this run. */
function snapshotBlob() {
    if (process.env.CNMS_NO_SNAPSHOT === '1' || args.every(arg => arg.startsWith('-')) || !onlyNodeOptions(nodeOptions())) return undefined;
    const folder = fileURLToPath(new URL('../out/snapshot', import.meta.url));
    try {
        const built = JSON.parse(readFileSync(`${folder}/built.json`, 'utf8'));
        const here = built.node === process.version && built.arch === process.arch && built.execPath === process.execPath && built.folder === folder;
        return here ? `${folder}/cnms.blob` : undefined;
    } catch {
        return undefined;
    }
}

async function runBundle() {
    const { main } = await import('../out/bundle/main.js');
    process.exitCode = await main(process.argv);
}

/** Node's exit code when a startup snapshot cannot be loaded (nothing of cnms has run). */
const SNAPSHOT_FAILED = 14;

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
        } else if (code === SNAPSHOT_FAILED) {
            void runBundle();
        } else process.exit(code ?? 2);
    });
} else {
    await runBundle();
}
