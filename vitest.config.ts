import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Run after the others, one file at a time: the fuzz run counts an answer
 * slower than 2 s as a failure, and the VSIX build rewrites
 * packages/vscode/out while other files would read it.
 */
const ALONE = ['test/fuzz.test.ts', 'test/vsix.test.ts'];

export default defineConfig({
    test: {
        setupFiles: ['test/setup/polyfills.ts'],
        testTimeout: 60_000,
        hookTimeout: 60_000,
        reporters: ['default'],
        // Vitest's default is one worker less than the cores: one file at a
        // time on a 2-core machine, though most of a test's time is spent
        // waiting for the `cnms` and server processes it starts.
        maxWorkers: Math.max(2, availableParallelism()),
        projects: [
            // The files share their worker's modules (not isolated): each worker loads the language's
            // hundreds of modules once, not once per file (vitest's import time summed over the files:
            // 47 s → 9 s). So a test file leaves nothing global changed behind: a spy or mock is
            // restored after its test (vi.restoreAllMocks), the environment is passed to the
            // processes a test starts, not set in process.env. (vi.mock of `vscode` applies to the
            // one file that imports the extension.)
            { extends: true, test: { name: 'parallel', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...ALONE], isolate: false } },
            { extends: true, test: { name: 'alone', include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 } } }
        ]
    }
});
