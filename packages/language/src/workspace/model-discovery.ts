import type { LexerResult } from 'langium';
import type { CnmsFile } from '../generated/ast.js';
import { isOrganization } from '../generated/ast.js';
import { cnmsLexer } from '../syntax/cnms-lexer.js';
import { BEFORE_NAME, nameKeywords } from '../syntax/name-keywords.js';

/*
 * Model discovery (language.md §1, "a model is a directory"): which folder is
 * a model, and which model a folder belongs to. The one place that says so,
 * for the CLI's file search, the server's model membership, `cnms diff` and
 * the tests. A file declares an organisation when its text has the keyword
 * `organization` followed by a name at the top level: read from the tokens of
 * the language's lexer, so a comment or a string that holds the word does not
 * count; a folder holding such a file is a model, with every folder below it
 * that does not hold one of its own.
 */

/**
 * Whether a file declares an organisation: for a parsed file, whether it has
 * an `organization` declaration; for a text not parsed yet, whether its tokens
 * hold the keyword `organization` and a name outside every `{ … }` (what the
 * grammar's `'organization' name=Name` starts with). Both agree on a file that
 * parses.
 */
export function declaresOrganization(file: string | CnmsFile): boolean {
    if (typeof file !== 'string') return (file.elements ?? []).some(isOrganization);
    if (!file.includes('organization')) return false;
    return declaresInTokens(cnmsLexer().tokenize(file).tokens);
}

function declaresInTokens(tokens: LexerResult['tokens']): boolean {
    let depth = 0;
    for (let i = 0; i < tokens.length; i++) {
        const name = tokens[i].tokenType.name;
        if (name === '{') depth++;
        else if (name === '}') depth = Math.max(0, depth - 1);
        else if (name === 'organization' && depth === 0 && startsOrganization(tokens, i)) return true;
    }
    return false;
}

/**
 * Whether the keyword `organization` at `index`, outside every block, starts
 * the declaration: it is followed by a name, and, when that name is a keyword
 * too (`organization at`, as a site may be named `organization`), by the
 * title or the `{` the declaration goes on with.
 */
function startsOrganization(tokens: LexerResult['tokens'], index: number): boolean {
    if (BEFORE_NAME.has(tokens[index - 1]?.tokenType.name ?? '')) return false;
    const name = tokens[index + 1]?.tokenType.name;
    if (name === 'ID') return true;
    if (name === undefined || !nameKeywords().has(name)) return false;
    const after = tokens[index + 2]?.tokenType.name;
    return after === 'STRING' || after === '{';
}

/** How a discovery walks folders: the parent of a folder (itself at the root), and whether a folder declares an organisation. */
export interface FolderTree<F> {
    readonly parentOf: (folder: F) => F;
    readonly isModelFolder: (folder: F) => boolean;
}

/** The model a folder belongs to: the nearest folder at or above it that declares an organisation, or undefined. */
export function modelFolderOf<F>(folder: F, tree: FolderTree<F>): F | undefined {
    for (let current = folder; ;) {
        if (tree.isModelFolder(current)) return current;
        const parent = tree.parentOf(current);
        if (parent === current) return undefined;
        current = parent;
    }
}
