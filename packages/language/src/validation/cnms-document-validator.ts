import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { AstNode, DiagnosticInfo, LangiumDocument, ParseResult, ReferenceInfo, ValidationAcceptor, ValidationCheck, ValidationOptions, ValidationSeverity } from 'langium';
import { AstUtils, Cancellation, DefaultDocumentValidator, DocumentValidator, getDiagnosticRange, interruptAndCheck } from 'langium';
import { closest, distance } from 'fastest-levenshtein';
import type { CnmsServices } from '../cnms-module.js';
import { ruleById } from '../rules/catalogue.js';
import { ruleDocUrl } from '../rules/rule.js';
import { TEXTS } from '../i18n/messages.js';
import type { Finding } from '../rules/rule-reporter.js';
import { isLimitError, type LimitError } from '../syntax/cnms-lexer.js';
import { nameKeywords } from '../syntax/name-keywords.js';
import { propertyCstNode } from '../syntax/property-cst-node.js';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_TERMS, MAX_FILE_BYTES } from '../syntax/limits.js';

/** The range of a diagnostic at a property, found by propertyCstNode; undefined when it has a range of its own, names no property or the property has no node. */
function propertyRange(info: Pick<DiagnosticInfo<AstNode, string>, 'node' | 'property' | 'index' | 'range'>): Range | undefined {
    if (info.range || typeof info.property !== 'string') return undefined;
    return propertyCstNode(info.node, info.property, info.index)?.range;
}

/**
 * Gives the parser's and the linker's diagnostics their rule ids: every parse
 * error is CN-NUM-001 with what was expected, every unknown name CN-NUM-002
 * with the nearest known name, both in the reader's language.
 */
export class CnmsDocumentValidator extends DefaultDocumentValidator {
    private readonly services: CnmsServices;

    constructor(services: CnmsServices) {
        super(services);
        this.services = services;
    }

    /**
     * The document's own diagnostics (syntax, names, per-file checks) and its
     * figures' problems; the clause rules follow in the model run
     * (validation/cnms-model-validation.ts).
     */
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        return this.services.validation.ModelValidation.fastDiagnostics(
            document,
            diagnostics.map(diagnostic => this.withRule(diagnostic, document)),
            cancelToken
        );
    }

    /**
     * The checks registered on node types (rules/register-rules.ts), run on
     * the nodes of those types. Langium's walk asks the registry for the
     * checks of every node of the tree and awaits each node: 30,000 nodes in a
     * 5,000-line file, 37 MB of garbage per keystroke, for checks that are
     * registered on the file alone. Here the checks of each type are looked up
     * once, and the tree is walked only if a type other than the root's has
     * checks. (Every node is validated: `validateSingleNodeOptions` is not
     * overridden in CNMS.)
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const checksOf = new Map<string, ValidationCheck[]>();
        for (const type of this.services.shared.AstReflection.getAllTypes()) {
            const checks = this.validationRegistry.getChecks(type, options.categories).toArray();
            if (checks.length > 0) checksOf.set(type, checks);
        }
        const run = async (node: AstNode) => {
            for (const check of checksOf.get(node.$type) ?? []) await check(node, acceptor, cancelToken);
        };
        await interruptAndCheck(cancelToken);
        await run(rootNode);
        if (![...checksOf.keys()].some(type => type !== rootNode.$type)) return;
        for (const node of AstUtils.streamAst(rootNode)) {
            if (node === rootNode || !checksOf.has(node.$type)) continue;
            await interruptAndCheck(cancelToken);
            await run(node);
        }
    }

    /** A diagnostic at a property: its range found by propertyCstNode (syntax/property-cst-node.ts), the rest as Langium makes it. */
    protected override toDiagnostic<N extends AstNode>(severity: ValidationSeverity, message: string, info: DiagnosticInfo<N, string>): Diagnostic {
        const range = propertyRange(info);
        return super.toDiagnostic(severity, message, range ? { ...info, range } : info);
    }

    /** Where the diagnostic of a finding is (or would be): its range. */
    placeOf(finding: Finding): Range {
        const info = { node: finding.node, property: finding.property, index: finding.index };
        return propertyRange(info) ?? getDiagnosticRange(info);
    }

    /** Findings as diagnostics, with the severity the model's cnms.json gives their rule. */
    toDiagnostics(findings: readonly Finding[], model?: string): Diagnostic[] {
        const diagnostics: Diagnostic[] = [];
        const accept: ValidationAcceptor = (severity, message, info) => diagnostics.push(this.toDiagnostic(severity, message, info));
        for (const finding of findings) this.services.rules.Reporter.report(accept, finding, model);
        return diagnostics;
    }

    /** The lexer's errors; a text past a limit (syntax/cnms-lexer.ts) said once, over the whole text left out. */
    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const limits = parseResult.lexerErrors.filter(isLimitError);
        super.processLexingErrors({ ...parseResult, lexerErrors: parseResult.lexerErrors.filter(error => !isLimitError(error)) }, diagnostics, options);
        for (const error of limits) {
            diagnostics.push({
                severity: 1,
                message: this.limitMessage(error),
                code: 'CN-NUM-001',
                codeDescription: { href: ruleDocUrl('CN-NUM-001') },
                source: this.getSource(),
                range: { start: { line: error.line - 1, character: error.column - 1 }, end: error.end },
                data: { code: LIMIT_DIAGNOSTIC, rule: 'CN-NUM-001', clause: ruleById('CN-NUM-001').clause }
            });
        }
    }

    /** The parser's errors, but for the one an expression left out for a limit causes where it was (it is said by the limit's diagnostic). */
    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const limits = parseResult.lexerErrors.filter(isLimitError);
        const causedByLimit = (error: ParseResult['parserErrors'][number]) =>
            limits.some(limit => (limit.next === undefined ? !(error.token.startOffset >= 0) || error.token.tokenType?.name === 'EOF' : error.token.startOffset === limit.next));
        super.processParsingErrors(limits.length === 0 ? parseResult : { ...parseResult, parserErrors: parseResult.parserErrors.filter(error => !causedByLimit(error)) }, diagnostics, options);
    }

    private limitMessage(error: LimitError): string {
        const i18n = this.services.I18n;
        switch (error.limit) {
            case 'depth':
                return i18n.ruleMessage('CN-NUM-001', 'tooDeep', { limit: String(MAX_EXPRESSION_DEPTH) });
            case 'terms':
                return i18n.ruleMessage('CN-NUM-001', 'tooManyTerms', { limit: MAX_EXPRESSION_TERMS.toLocaleString('en') });
            case 'fileSize':
                return i18n.ruleMessage('CN-NUM-001', 'fileTooLarge', { limit: `${MAX_FILE_BYTES / 1024 / 1024} MiB` });
        }
    }

    /**
     * An unknown name is an error (CN-NUM-002), with the nearest known name
     * of its kind when it is near enough to be a slip: for the first
     * MAX_SUGGESTIONS unknown names of a document only. Each suggestion
     * compares the name with every name in scope (at 2,000 sources, some
     * 10,000), and a paste of a foreign file can leave hundreds unknown: the
     * fuzz harness saw the server spend 55 s of its CPU in suggestions over
     * 120 edits of a 2,000-source model, and answers wait 2 s and more.
     */
    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        const i18n = this.services.I18n;
        let suggested = 0;
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const info: ReferenceInfo = error.info;
            const name = reference.$refText;
            const kind = this.referenceKind(info);
            const suggestion = suggested++ < MAX_SUGGESTIONS ? this.suggest(info, name) : undefined;
            const message = suggestion ? i18n.ruleMessage('CN-NUM-002', 'unknownSuggest', { kind, name, suggestion }) : i18n.ruleMessage('CN-NUM-002', 'unknown', { kind, name });
            const range = reference.$refNode?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            diagnostics.push({
                severity: 1,
                range,
                message,
                code: 'CN-NUM-002',
                codeDescription: { href: ruleDocUrl('CN-NUM-002') },
                source: this.getSource(),
                data: { code: DocumentValidator.LinkingError, rule: 'CN-NUM-002', clause: null, suggestion, containerType: info.container.$type, property: info.property }
            });
        }
    }

    private withRule(diagnostic: Diagnostic, document: LangiumDocument): Diagnostic {
        const code = (diagnostic.data as { code?: string } | undefined)?.code;
        if (code === DocumentValidator.LexingError || code === DocumentValidator.ParsingError) {
            const message =
                code === DocumentValidator.LexingError
                    ? this.services.I18n.ruleMessage('CN-NUM-001', 'lexing', { found: unexpectedCharacter(document.textDocument.getText(), document.textDocument.offsetAt(diagnostic.range.start)) })
                    : this.syntaxMessage(typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);
            return { ...diagnostic, code: 'CN-NUM-001', codeDescription: { href: ruleDocUrl('CN-NUM-001') }, message, data: { ...(diagnostic.data as object | undefined), rule: 'CN-NUM-001', clause: ruleById('CN-NUM-001').clause } };
        }
        return diagnostic;
    }

    /** Restates chevrotain's messages ("Expecting token of type 'ID' but found `}`.") in the reader's language. */
    private syntaxMessage(original: string): string {
        const i18n = this.services.I18n;
        const found = (text: string) => (text === '' ? 'end of file' : `'${text}'`);
        const mismatch = /^Expecting (?:token of type )?'?(.+?)'? but found `(.*)`\.?$/s.exec(original);
        if (mismatch) {
            const expected = this.describeToken(mismatch[1]);
            return mismatch[2] === '' || mismatch[2] === '<EOF>' ? i18n.ruleMessage('CN-NUM-001', 'unexpectedEnd', { expected }) : i18n.ruleMessage('CN-NUM-001', 'unexpected', { expected, found: found(mismatch[2]) });
        }
        const alternatives = /^Expecting: (?:one of these possible Token sequences|expecting at least one iteration which starts with one of these possible Token sequences)::?\s*(.*?)\s*but found: '(.*)'$/s.exec(original);
        if (alternatives) {
            const paths = [...alternatives[1].matchAll(/\[([^\]]+)\]/g)].map(m => m[1].trim());
            // where a name may stand, "a name" says it: the keywords a name may be are not listed one by one (those of an
            // expression's names, where the others, `monthly`, start something else)
            const given = new Set(paths);
            const names = !given.has('ID') ? new Set<string>() : [...nameKeywords()].every(word => given.has(word)) ? nameKeywords() : nameKeywords('ValueName');
            const options = [...new Set(paths.filter(path => !names.has(path)).map(path => this.describeToken(path)))].slice(0, 8);
            const expected = options.join(', ') + (options.length === 8 ? ', …' : '');
            return alternatives[2] === '' || alternatives[2] === '<EOF>' ? i18n.ruleMessage('CN-NUM-001', 'unexpectedEnd', { expected }) : i18n.ruleMessage('CN-NUM-001', 'unexpected', { expected, found: found(alternatives[2]) });
        }
        const redundant = /^Redundant input, expecting EOF but found: (.*)$/s.exec(original);
        if (redundant) {
            return i18n.ruleMessage('CN-NUM-001', 'redundant', { found: `'${redundant[1]}'` });
        }
        return i18n.ruleMessage('CN-NUM-001', 'unexpected', { expected: '—', found: original });
    }

    /** A token type as the reader knows it: ID is a name, keywords keep their text. */
    private describeToken(token: string): string {
        const id = `token.${token}` as keyof typeof TEXTS;
        return id in TEXTS ? this.services.I18n.text(id) : `'${token.replace(/^'|'$/g, '')}'`;
    }

    private referenceKind(info: ReferenceInfo): string {
        const type = this.services.shared.AstReflection.getReferenceType(info);
        const i18n = this.services.I18n;
        if (type === 'Named') {
            const inUnitPosition = info.container.$type === 'UnitProduct' || info.container.$type === 'UnitDecl';
            return inUnitPosition ? i18n.text('kind.UnitDecl') : i18n.text('kind.name');
        }
        const id = `kind.${type}` as keyof typeof TEXTS;
        return id in TEXTS ? i18n.text(id) : type;
    }

    /** The nearest known name of the right kind, when it is near enough to be a slip. */
    private suggest(info: ReferenceInfo, name: string): string | undefined {
        let candidates: string[];
        try {
            candidates = this.services.references.ScopeProvider.getScope(info)
                .getAllElements()
                .map(desc => desc.name)
                .distinct()
                .toArray();
        } catch {
            return undefined;
        }
        if (candidates.length === 0 || name === '') return undefined;
        const lower = name.toLowerCase();
        const caseOnly = candidates.find(candidate => candidate.toLowerCase() === lower);
        if (caseOnly) return caseOnly;
        const nearest = closest(name, candidates);
        return distanceWithin(name, nearest) ? nearest : undefined;
    }
}

/** How many unknown names of a document get a suggestion (see processLinkingErrors). */
export const MAX_SUGGESTIONS = 25;

/** The data code of a limit's diagnostic: a lexing error in kind, worded already. */
const LIMIT_DIAGNOSTIC = 'limit-error';

/** Whether two names are near enough for one to be a slip of the other. */
function distanceWithin(a: string, b: string): boolean {
    return distance(a, b) <= Math.max(1, Math.floor(Math.max(a.length, b.length) / 3));
}

/**
 * The character the lexer could not read, at `offset` of `text`, as a reader
 * can see it: the whole character with its code point (`'😀' (U+1F600)`, not
 * half of its UTF-16 pair), a lone surrogate or an invisible control
 * character by its code point alone.
 */
export function unexpectedCharacter(text: string, offset: number): string {
    const codePoint = text.codePointAt(offset);
    if (codePoint === undefined) return 'end of file';
    const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    const isLoneSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
    if (isLoneSurrogate || /[\p{Cc}\p{Cf}\p{Z}]/u.test(String.fromCodePoint(codePoint))) return hex;
    return `'${String.fromCodePoint(codePoint)}' (${hex})`;
}
