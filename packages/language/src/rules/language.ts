import type { AstNode, ValidationAcceptor } from 'langium';
import { AstUtils, WorkspaceCache } from 'langium';
import { propertyKeywords } from '../syntax/property-keywords.js';
import type { CnmsFile, Element } from '../generated/ast.js';
import {
    isClaim, isFactor, isInstrument, isLet, isLibrary, isMeter, isOrganization, isOutput, isReduction,
    isRemoval, isSite, isSource, isTarget, isUnitDecl
} from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { TEXTS, type TextId } from '../i18n/messages.js';
import { checkedProperty, ANY, CUTS, DIMENSIONLESS, MASS_OF_CO2E } from '../semantics/property-checks.js';
import { splitGasUnit } from '../semantics/gas-units.js';
import { isBuiltinUri } from '../workspace/builtin-library.js';
import { ruleDocUrl } from './catalogue.js';
import type { Finding } from './rule-reporter.js';

/** Kinds whose names an expression can use: they share one namespace. */
const VALUE_KINDS = new Set(['UnitDecl', 'Let', 'Factor', 'Output', 'Source']);

/**
 * The language rules (CN-NUM): figure problems found by the evaluator,
 * duplicate names and properties, and files that belong to no model.
 */
export class CnmsLanguageRules {
    private readonly duplicates: WorkspaceCache<string, Finding[]>;

    constructor(private readonly services: CnmsServices) {
        this.duplicates = new WorkspaceCache(services.shared);
    }

    /** CN-NUM-001 … 005 and the figure rules: computes every figure of the file and reports what the evaluator found. */
    checkFigures(file: CnmsFile, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(file);
        const models = this.services.references.Models;
        const model = models.modelOf(document.uri);
        if (!models.isInNoModel(document.uri)) {
            this.services.semantics.Balance.of(model);
        }
        for (const element of file.elements) {
            this.evaluateElement(element);
        }
        const reporter = this.services.rules.Reporter;
        for (const problem of this.services.semantics.FigureProblems.forDocument(document.uri.toString())) {
            reporter.report(accept, problem);
        }
    }

    /** CN-NUM-001: a property given twice in one block (the grammar allows each once; the second would silently win). */
    checkDuplicateProperties(file: CnmsFile, accept: ValidationAcceptor): void {
        const reporter = this.services.rules.Reporter;
        const check = (element: AstNode & { name?: string }) => {
            const seen = new Set<string>();
            for (const leaf of propertyKeywords(element)) {
                if (seen.has(leaf.text)) {
                    reporter.report(accept, {
                        rule: 'CN-NUM-001', key: 'duplicateProperty',
                        params: { property: leaf.text, kind: kindName(element.$type), name: element.name ?? '' },
                        node: element, property: undefined
                    });
                    continue;
                }
                seen.add(leaf.text);
            }
        };
        for (const element of file.elements) {
            check(element);
            if (isLibrary(element)) element.elements.forEach(check);
        }
    }

    /** CN-NUM-009: one diagnostic for a file that belongs to no model. */
    checkInModel(file: CnmsFile, accept: ValidationAcceptor): void {
        const uri = AstUtils.getDocument(file).uri;
        if (isBuiltinUri(uri) || !this.services.references.Models.isInNoModel(uri)) return;
        const first = file.elements[0];
        accept('warning', this.services.I18n.ruleMessage('CN-NUM-009', 'noModel'), {
            node: first ?? file,
            property: first ? 'name' as never : undefined,
            code: 'CN-NUM-009',
            codeDescription: { href: ruleDocUrl('CN-NUM-009') },
            data: { rule: 'CN-NUM-009', clause: null, key: 'noModel' }
        });
    }

    /** CN-NUM-006: names unique per kind in a model, value names unique across value kinds, no unit names, one organization. */
    checkDuplicateNames(file: CnmsFile, accept: ValidationAcceptor): void {
        const uri = AstUtils.getDocument(file).uri;
        if (isBuiltinUri(uri)) return;
        const model = this.services.references.Models.modelOf(uri);
        const reporter = this.services.rules.Reporter;
        for (const finding of this.duplicates.get(model, () => this.findDuplicates(model))) {
            if (AstUtils.getDocument(finding.node).uri.toString() === uri.toString()) {
                reporter.report(accept, finding);
            }
        }
    }

    private findDuplicates(model: string): Finding[] {
        const findings: Finding[] = [];
        const models = this.services.references.Models;
        const elements = models.elementsOf(model);
        const where = (node: AstNode) => {
            const doc = AstUtils.getDocument(node);
            const line = (node.$cstNode?.range.start.line ?? 0) + 1;
            return `${doc.uri.path.split('/').pop()}:${line}`;
        };
        const organizations = elements.filter(isOrganization);
        for (const extra of organizations.slice(1)) {
            findings.push({ rule: 'CN-NUM-006', key: 'secondOrganization', params: { name: extra.name, other: where(organizations[0]) }, node: extra, property: 'name' });
        }
        const byName = new Map<string, Element[]>();
        for (const element of elements) {
            if (isOrganization(element) || isLibrary(element) || !('name' in element) || !element.name) continue;
            const list = byName.get(element.name) ?? [];
            list.push(element);
            byName.set(element.name, list);
        }
        for (const [name, list] of byName) {
            for (const element of list) {
                const sameKind = list.filter(other => other !== element && other.$type === element.$type);
                const otherValue = list.find(other => other !== element && other.$type !== element.$type
                    && VALUE_KINDS.has(other.$type) && VALUE_KINDS.has(element.$type));
                if (sameKind.length > 0) {
                    findings.push({ rule: 'CN-NUM-006', key: 'duplicate', params: { kind: kindName(element.$type), name, other: where(sameKind[0]) }, node: element, property: 'name' });
                } else if (otherValue) {
                    findings.push({ rule: 'CN-NUM-006', key: 'duplicateValue', params: { name, kind: kindName(element.$type), otherKind: kindName(otherValue.$type), other: where(otherValue) }, node: element, property: 'name' });
                }
            }
        }
        for (const element of elements) {
            if (!VALUE_KINDS.has(element.$type) || isUnitDecl(element) || !('name' in element) || !element.name) continue;
            if (this.isUnitName(element.name)) {
                findings.push({ rule: 'CN-NUM-006', key: 'unitName', params: { name: element.name }, node: element, property: 'name' });
            }
        }
        return findings;
    }

    private isUnitName(name: string): boolean {
        const index = this.services.shared.workspace.IndexManager;
        const builtin = (type: string, n: string) => index.allElements(type).some(desc => desc.name === n && isBuiltinUri(desc.documentUri));
        return builtin('UnitDecl', name) || splitGasUnit(name, gas => builtin('GasDecl', gas)) !== undefined;
    }

    /** Computes the figures of one declaration that the model balance does not reach. */
    private evaluateElement(element: Element): void {
        const evaluator = this.services.semantics.Evaluator;
        const semantics = this.services.semantics;
        if (isLibrary(element)) {
            element.elements.forEach(inner => this.evaluateElement(inner));
        } else if (isUnitDecl(element) || isOutput(element)) {
            if (isUnitDecl(element)) evaluator.unitValue(element);
            else evaluator.evaluate(element.value);
        } else if (isLet(element)) {
            evaluator.evaluate(element.value);
            checkedProperty(evaluator, element, 'uncertainty', DIMENSIONLESS, 'non-negative');
        } else if (isFactor(element)) {
            evaluator.factorValues(element);
            checkedProperty(evaluator, element, 'uncertainty', DIMENSIONLESS, 'non-negative');
        } else if (isSource(element)) {
            checkedProperty(evaluator, element, 'uncertainty', DIMENSIONLESS, 'non-negative');
            if (this.services.references.Models.isInNoModel(AstUtils.getDocument(element).uri)) {
                semantics.SourceFigures.of(element);
            }
        } else if (isRemoval(element)) {
            checkedProperty(evaluator, element, 'uncertainty', DIMENSIONLESS, 'non-negative');
        } else if (isSite(element)) {
            semantics.BoundaryShares.declaredShare(element);
        } else if (isOrganization(element)) {
            checkedProperty(evaluator, element, 'materiality', DIMENSIONLESS, 'share');
            checkedProperty(evaluator, element, 'recalculationThreshold', DIMENSIONLESS, 'share');
        } else if (isTarget(element)) {
            checkedProperty(evaluator, element, 'base', ANY, 'non-negative');
            checkedProperty(evaluator, element, 'reduce', DIMENSIONLESS, 'share');
        } else if (isReduction(element)) {
            const cuts = checkedProperty(evaluator, element, 'cuts', CUTS, 'non-negative');
            if (cuts?.dimension.isDimensionless()) checkedProperty(evaluator, element, 'cuts', CUTS, 'share');
        } else if (isClaim(element)) {
            checkedProperty(evaluator, element, 'previous', MASS_OF_CO2E, 'non-negative');
        } else if (isMeter(element)) {
            checkedProperty(evaluator, element, 'accuracy', DIMENSIONLESS, 'non-negative');
        } else if (isInstrument(element) && this.services.references.Models.isInNoModel(AstUtils.getDocument(element).uri)) {
            checkedProperty(evaluator, element, 'quantity', ANY, 'non-negative');
        }
    }
}

function kindName(type: string): { en: string; 'zh-CN': string } {
    const id = `kind.${type}` as TextId;
    return id in TEXTS ? TEXTS[id] : { en: type, 'zh-CN': type };
}
