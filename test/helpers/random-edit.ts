// Random edits of a text, as a user makes them: what the tests of the parses put
// together from parts (test/declaration-reparse.test.ts,
// test/piecewise-parse.test.ts) compare with the parse of the whole text.

/** One random edit: typing and deleting characters, lines and declarations, pasting, comments, breaking the syntax. */
export function randomEdit(text: string, next: () => number): string {
    const at = Math.floor(next() * (text.length + 1));
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const lines = text.split('\n');
    const line = Math.floor(next() * lines.length);
    switch (Math.floor(next() * 13)) {
        case 0: {
            const digits = [...text.matchAll(/[0-9]/g)];
            if (digits.length === 0) return text;
            const digit = pick(digits).index;
            return text.slice(0, digit) + String(Math.floor(next() * 10)) + text.slice(digit + 1);
        }
        case 1:
            return text.slice(0, at) + pick(['1', 'a', ' ', '\n', '{', '}', '"', '/', '*', '(', '.', '%', '\r\n', '是']) + text.slice(at);
        case 2:
            return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
        case 3:
            return [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
        case 4:
            return [...lines.slice(0, line + 1), lines[line], ...lines.slice(line + 1)].join('\n');
        case 5: {
            // a block of lines moved elsewhere (a paste of part of the file)
            const count = 1 + Math.floor(next() * 12);
            const block = lines.slice(line, line + count);
            const rest = [...lines.slice(0, line), ...lines.slice(line + count)];
            const to = Math.floor(next() * (rest.length + 1));
            return [...rest.slice(0, to), ...block, ...rest.slice(to)].join('\n');
        }
        case 6:
            return text.slice(0, at) + pick(['// note\n', ' /* c */ ', '// 注释 }\n', '/*', '*/']) + text.slice(at);
        case 7:
            return text.slice(0, at) + pick(['\nlet extra = 5 t\n', '\nsite x "X" { location "Y" }\n', 'source s at', '\nunit u = 2 t\n']) + text.slice(at);
        case 8: {
            const words = [...text.matchAll(/\b[A-Za-z_][A-Za-z0-9_-]{2,}\b/g)];
            if (words.length === 0) return text;
            const word = pick(words);
            return text.slice(0, word.index + word[0].length - 1) + 'x' + text.slice(word.index + word[0].length);
        }
        case 9: {
            // a character at the very start or end of the file
            return next() < 0.5 ? pick(['x', '\n', '// c\n', 'let q = 1\n']) + text : text + pick(['x', '\n', '// c', '\nlet q = 1']);
        }
        case 10:
            return text.slice(0, at) + text.slice(Math.min(text.length, at + Math.floor(next() * 200)));
        case 11: {
            // two lines joined: declarations (and comments) that follow one another on a line
            const breaks = [...text.matchAll(/\n/g)];
            if (breaks.length === 0) return text;
            const at = pick(breaks).index;
            return text.slice(0, at) + pick([' ', '', ' // c ']) + text.slice(at + 1);
        }
        default:
            return text.replace(/\n\s*\n/, '\n');
    }
}
