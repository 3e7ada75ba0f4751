import { AstUtils, EmptyFileSystem, GrammarAST } from 'langium';
import { createCnmsServices, declarationKeywords as grammarDeclarationKeywords } from '@cnms/language';

/** Every keyword of the parser's grammar (the Langium grammar as generated, not re-read from text). */
export function grammarKeywords(): Set<string> {
    const { Cnms } = createCnmsServices(EmptyFileSystem);
    return new Set(
        AstUtils.streamAllContents(Cnms.Grammar)
            .filter(GrammarAST.isKeyword)
            .map(keyword => keyword.value)
    );
}

/** The keywords a declaration starts with (`organization`, `source`, `good` …), read from the grammar's entry rule as the lexer reads them. */
export function declarationKeywords(): Set<string> {
    return grammarDeclarationKeywords(createCnmsServices(EmptyFileSystem).Cnms.Grammar);
}
