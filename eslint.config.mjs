// ESLint for the TypeScript of every package and of the tests (`pnpm lint`,
// a step of `pnpm test`): typescript-eslint's type-checked recommended rules,
// and no-floating-promises, which that set holds, named here because in the
// server each floating promise is a rejection nobody handles.
// ESLint 9, not 10: ESLint 10 wants Node ^20.19, the project runs on >=20.10.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const operationCancelled = { from: 'package', package: 'langium', name: 'OperationCancelled' };

export default tseslint.config(
    {
        // Generated code (scripts/check-generated.mjs keeps it fresh), build
        // output, dependencies, and test inputs whose bytes matter.
        ignores: [
            '**/node_modules/**',
            '**/out/**',
            'packages/language/src/generated/**',
            'packages/language/src/builtins/library.generated.ts',
            'test/fixtures/**',
            'test/golden/**',
            'test/e2e-vscode/**',
            // The build, bench and test scripts are plain JavaScript; this
            // lint is for the TypeScript.
            '**/*.js',
            '**/*.mjs',
            '**/*.cjs'
        ]
    },
    {
        files: ['**/*.ts'],
        extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
        languageOptions: {
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
        },
        rules: {
            '@typescript-eslint/no-floating-promises': 'error',
            // Langium's cancellation is the OperationCancelled symbol, thrown
            // and rejected with (its own interruptAndCheck does so); passing
            // a caught error on as it is is fine.
            '@typescript-eslint/only-throw-error': ['error', { allow: [operationCancelled] }],
            '@typescript-eslint/prefer-promise-reject-errors': ['error', { allow: [operationCancelled], allowThrowingUnknown: true }],
            // A parameter a signature needs but this body does not is named `_x`.
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
            // `async` without `await` is how a method that must return a Promise
            // (Langium's FileSystemProvider, a request handler) turns a throw
            // into a rejection; dropping it would make the throw synchronous.
            '@typescript-eslint/require-await': 'off'
        }
    },
    {
        // The tests read the JSON that the CLI and the server print (SARIF,
        // reports, protocol replies) as `any` and assert on its shape; typing
        // each reply would add nothing the assertion does not already check.
        files: ['test/**/*.ts'],
        rules: {
            '@typescript-eslint/no-unsafe-argument': 'off',
            '@typescript-eslint/no-unsafe-assignment': 'off',
            '@typescript-eslint/no-unsafe-call': 'off',
            '@typescript-eslint/no-unsafe-member-access': 'off',
            '@typescript-eslint/no-unsafe-return': 'off',
            '@typescript-eslint/no-explicit-any': 'off',
            // Stringifying what a test read (a cell, a hint's label): an object
            // there fails the test's own assertion. In the sources these stay
            // on: `[object Object]` in user-facing text is a defect.
            '@typescript-eslint/no-base-to-string': 'off',
            '@typescript-eslint/restrict-template-expressions': 'off'
        }
    }
);
