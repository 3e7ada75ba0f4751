// Writes every character past ASCII of a bundle as a \u escape. esbuild
// escapes those of strings, but leaves comments and regular expressions
// (/化石/) as they are; a script with one character past Latin-1 is kept by
// V8 as a two-byte string, and V8 keeps a script's source in the heap for as
// long as its functions may be compiled (the language server's 7 MB bundle:
// 15 MB of its heap). A \u escape means the same in a string, a template, a
// regular expression, a name and a comment; the bundles have no String.raw
// template with such a character (checked: this throws).
import { readFileSync, writeFileSync } from 'node:fs';

export function asciiOnly(code) {
    if (/String\.raw`[^`]*[^\x00-\x7f]/.test(code)) throw new Error('ascii-output.mjs: a String.raw template holds a character past ASCII, which an escape would change');
    return code.replace(/[^\x00-\x7f]/g, character => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Rewrites the files (paths) in place. */
export function asciiOnlyFiles(files) {
    for (const file of files) {
        const code = readFileSync(file, 'utf8');
        const ascii = asciiOnly(code);
        if (ascii !== code) writeFileSync(file, ascii);
    }
}
