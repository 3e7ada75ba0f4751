import { AstUtils, EmptyFileSystem, GrammarAST } from 'langium';
import { createCnmsServices } from '@cnms/language';

/** Every keyword of the parser's grammar (the Langium grammar as generated, not re-read from text). */
export function grammarKeywords(): Set<string> {
    const { Cnms } = createCnmsServices(EmptyFileSystem);
    return new Set(
        AstUtils.streamAllContents(Cnms.Grammar)
            .filter(GrammarAST.isKeyword)
            .map(keyword => keyword.value)
    );
}
