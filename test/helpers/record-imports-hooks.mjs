// The resolve hook of record-imports.mjs (it runs on the loader's thread).
import { appendFileSync } from 'node:fs';

let log;

export function initialize(data) {
    log = data.log;
}

export async function resolve(specifier, context, nextResolve) {
    const resolved = await nextResolve(specifier, context);
    if (log) appendFileSync(log, `${resolved.url}\n`);
    return resolved;
}
