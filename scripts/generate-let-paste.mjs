#!/usr/bin/env node
// The worst case of docs/limits.md: a file of nothing but lets, one expression
// of four terms a line (`let vN = N t * 2 + K t`, ~31 bytes), up to a size in
// bytes (default 2,000,000: a 2 MB paste, just under the 2 MiB limit).
// Deterministic: the same size gives the same bytes.
//
// Module:  letPaste(bytes) → the text
// CLI:     node scripts/generate-let-paste.mjs [--bytes 2000000] [--out FILE]
//          writes FILE (or stdout) and prints the number of lets to stderr.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The let of line `n` (from 0): four terms, two numbers and two units. */
export function letLine(n) {
    return `let v${n} = ${n} t * 2 + ${n % 1000} t\n`;
}

/** Lets up to `bytes` bytes (ASCII: one byte a character). */
export function letPaste(bytes = 2_000_000) {
    const lines = [];
    let size = 0;
    for (let n = 0; ; n++) {
        const line = letLine(n);
        if (size + line.length > bytes) break;
        lines.push(line);
        size += line.length;
    }
    return lines.join('');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const arg = name => {
        const i = process.argv.indexOf(name);
        return i < 0 ? undefined : process.argv[i + 1];
    };
    const text = letPaste(Number(arg('--bytes') ?? 2_000_000));
    const out = arg('--out');
    if (out) writeFileSync(out, text);
    else process.stdout.write(text);
    process.stderr.write(`${text.split('\n').length - 1} lets, ${text.length} bytes\n`);
}
