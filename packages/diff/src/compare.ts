import { AstUtils, CstUtils, isLeafCstNode, type AstNode } from 'langium';
import { diffWords } from './diff-words.js';
import type { Element, Source } from '@cnms/language';
import {
    Dec as DecimalOf,
    formatFigure,
    isFactor,
    isNameReference,
    type GoodFigures,
    type ModelBalance,
    type ModelProducts,
    type ProcessFigures,
    type SourceFigures,
    formatPeriod,
    isOffset,
    isRemoval,
    isSource,
    neutralityVerdict,
    Rational,
    tonnes,
    type Locale
} from '@cnms/language';
import { attribute, attributeSee } from './attribution.js';
import type { DiffCause, DiffChange, DiffFinding, FigureChange, ModelDiff, ProductChange } from './diff-model.js';
import { SNAPSHOT_FOLDER, type ModelSnapshot } from './model-snapshot.js';

const KIND_NAMES: Record<string, string> = {
    ContextIssue: 'issue',
    DocumentInfo: 'document',
    ComplianceCheck: 'compliance-check',
    UnitDecl: 'unit',
    GasDecl: 'gas',
    GwpSet: 'gwp-set',
    DimensionDecl: 'dimension'
};

function kindOf(type: string): string {
    return KIND_NAMES[type] ?? type.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}

/**
 * A declaration as its parsed tokens (comments left out, a string kept whole),
 * with one space where the text had whitespace or a comment between two: to
 * see whether it changed, and to show it.
 */
function normalized(element: Element): string {
    if (!element.$cstNode) return '';
    let text = '';
    let end: number | undefined;
    for (const node of CstUtils.streamCst(element.$cstNode)) {
        if (!isLeafCstNode(node) || node.hidden) continue;
        text += end === undefined ? node.text : node.offset > end ? ` ${node.text}` : node.text;
        end = node.end;
    }
    return text;
}

/** Whether two declarations have the same tokens: the same node when its file is the same at both revisions, else the same text, else the same tokens. */
function sameDeclaration(a: Element, b: Element): boolean {
    return a === b || (a.$cstNode !== undefined && a.$cstNode.text === b.$cstNode?.text) || normalized(a) === normalized(b);
}

const s = (value: Rational | undefined | null) => (value === undefined || value === null ? null : value.toString());

function figureChange(before: Rational | undefined, after: Rational | undefined): FigureChange {
    return { before: s(before), after: s(after), delta: before !== undefined && after !== undefined ? s(after.minus(before)) : null };
}

/**
 * Compares two snapshots of a model: the declarations added, removed or
 * changed (matched by kind and name), each source's change with its causes,
 * the totals, the neutrality verdict, the targets' first missed years and the
 * findings gained and lost (keyed by rule and element, not by line).
 */
export function compareSnapshots(before: ModelSnapshot, after: ModelSnapshot, locale: Locale): ModelDiff {
    const changes: DiffChange[] = [];
    const ids = [...new Set([...before.elements.keys(), ...after.elements.keys()])].sort(byKindThenName);
    for (const id of ids) {
        const a = before.elements.get(id);
        const b = after.elements.get(id);
        const element = (b ?? a)!;
        const kind = kindOf(element.$type);
        const name = 'name' in element ? String(element.name) : id;
        if (isSource(element) || isRemoval(element) || isOffset(element)) {
            const x = a ? countedOf(before, a) : undefined;
            const y = b ? countedOf(after, b) : undefined;
            const valueChanged = (x === undefined) !== (y === undefined) || (x !== undefined && y !== undefined && !x.equals(y));
            // (a figure that changed is a change whatever the text: its tokens need not be compared)
            if (a && b && !valueChanged && sameDeclaration(a, b)) continue;
            const causes = a && b && isSource(a) && isSource(b) ? sourceCauses(before, after, a, b) : [];
            changes.push({
                kind,
                id: name,
                action: !a ? 'added' : !b ? 'removed' : 'changed',
                before: s(x),
                after: s(y),
                delta: x !== undefined || y !== undefined ? s((y ?? Rational.ZERO).minus(x ?? Rational.ZERO)) : null,
                causes,
                at: b ? locationOf(b) : null
            });
            continue;
        }
        if (a && b && sameDeclaration(a, b)) continue;
        changes.push({ kind, id: name, action: !a ? 'added' : !b ? 'removed' : 'changed', before: a ? normalized(a) : null, after: b ? normalized(b) : null, delta: null, causes: [], at: b ? locationOf(b) : null });
    }

    const x = before.balance;
    const y = after.balance;
    const net = figureChange(x?.net, y?.net);
    const percent =
        x && y && !x.net.isZero()
            ? y.net
                  .minus(x.net)
                  .dividedBy(x.net.isNegative() ? x.net.negated() : x.net)
                  .times(Rational.fromInteger(100))
            : undefined;
    const categories = [...new Set([...(x?.byCategory.keys() ?? []), ...(y?.byCategory.keys() ?? [])])].sort();
    const errorsOf = (snapshot: ModelSnapshot) => snapshot.findings.filter(f => f.severity === 'error').length;
    const neutralBefore = !!x && neutralityVerdict(x, errorsOf(before)).neutral;
    const neutralAfter = !!y && neutralityVerdict(y, errorsOf(after)).neutral;
    const status = neutralBefore && neutralAfter ? 'kept' : neutralBefore ? 'lost' : neutralAfter ? 'gained' : 'still-not';
    const shortfall = y && !y.netAtOrBelowZero ? y.net : undefined;

    const gained = findingsOnlyIn(after, before);
    const lost = findingsOnlyIn(before, after);

    const [ta, tb] = [before.targets, after.targets];
    const targets = [...new Set([...ta.keys(), ...tb.keys()])]
        .sort()
        .map(id => ({ id, before: ta.has(id) ? ta.get(id)! : ('absent' as const), after: tb.has(id) ? tb.get(id)! : ('absent' as const) }))
        .filter(t => t.before !== t.after);

    const period = y?.settings.period ?? x?.settings.period;
    const products = productChanges(before.products, after.products);
    const diff: Omit<ModelDiff, 'summary'> = {
        ...(products ? { products } : {}),
        format_version: '1.0',
        model: y?.settings.organization?.name ?? x?.settings.organization?.name ?? null,
        before: { revision: before.revision.label, commit: before.revision.commit },
        after: { revision: after.revision.label, commit: after.revision.commit },
        changes,
        totals: {
            emissions: figureChange(x?.emissions, y?.emissions),
            removals: figureChange(x?.removals, y?.removals),
            offsets: figureChange(x?.offsets, y?.offsets),
            net: { ...net, percent: s(percent) },
            byCategory: Object.fromEntries(categories.map(c => [c, figureChange(x?.byCategory.get(c) ?? Rational.ZERO, y?.byCategory.get(c) ?? Rational.ZERO)])),
            byScope: {
                '1': figureChange(x?.byScope['1'], y?.byScope['1']),
                '2-location': figureChange(x?.byScope['2-location'], y?.byScope['2-location']),
                '2-market': figureChange(x?.byScope['2-market'], y?.byScope['2-market']),
                '3': figureChange(x?.byScope['3'], y?.byScope['3'])
            }
        },
        neutrality: { period: period ? formatPeriod(period) : null, before: neutralBefore, after: neutralAfter, status, shortfall: s(shortfall) },
        targets,
        findings: { gained, lost },
        unparsable: { before: before.unparsable, after: after.unparsable }
    };
    return { ...diff, summary: summaryLine(diff, locale) };
}

/** What happened to the neutrality of a period, in words (the JSON keeps the status itself). */
export function neutralityWords(status: ModelDiff['neutrality']['status'], locale: Locale): string {
    return diffWords(locale).neutrality[status];
}

/** `net +1,234.567 tCO2e (+2.1 %) · 3 sources changed · 2024: no longer carbon neutral (offset shortfall 812.000 t) · 2 new findings` */
export function summaryLine(diff: Omit<ModelDiff, 'summary'>, locale: Locale): string {
    const w = diffWords(locale);
    const f = (text: string | null, signed = false, decimals = 3) => (text === null ? '—' : formatFigure(Rational.fromDecimal(new DecimalOf(text)), locale, decimals, signed));
    const parts: string[] = [];
    const net = diff.totals.net;
    parts.push(`${w.net} ${f(net.delta, true)} tCO2e${net.percent !== null ? ` (${f(net.percent, true, 1)} %)` : ''}`);
    const sources = diff.changes.filter(c => c.kind === 'source');
    parts.push(w.sourcesChanged(sources.length));
    const n = diff.neutrality;
    parts.push(`${n.period !== null ? `${n.period}: ` : ''}${neutralityWords(n.status, locale)}${n.status === 'lost' && n.shortfall !== null ? ` (${w.shortfall(f(n.shortfall))})` : ''}`);
    const gained = diff.findings.gained.filter(g => g.severity !== 'info').length;
    parts.push(w.newFindings(gained));
    return parts.join(' · ');
}

/**
 * The findings of `one` that `other` does not have, counted by key: two
 * identical findings on one element are two, so when one of them goes the
 * other still counts as kept.
 */
function findingsOnlyIn(one: ModelSnapshot, other: ModelSnapshot): DiffFinding[] {
    const left = new Map<string, number>();
    for (const f of other.findings) left.set(f.key, (left.get(f.key) ?? 0) + 1);
    const only: DiffFinding[] = [];
    for (const f of one.findings) {
        const count = left.get(f.key) ?? 0;
        if (count > 0) left.set(f.key, count - 1);
        else only.push({ rule: f.rule, element: f.element, severity: f.severity, message: f.message });
    }
    return only;
}

/** A balance's figures by the declaration they belong to, looked up once per balance. */
const figuresOf = new WeakMap<ModelBalance, Map<Element, { readonly source?: SourceFigures; readonly counted?: Rational }>>();

function figuresByElement(balance: ModelBalance): Map<Element, { readonly source?: SourceFigures; readonly counted?: Rational }> {
    let map = figuresOf.get(balance);
    if (map) return map;
    map = new Map();
    for (const entry of balance.sources) map.set(entry.source, { source: entry.figures, counted: entry.figures ? tonnes(entry.figures.co2e) : undefined });
    for (const r of balance.removalFigures) map.set(r.removal, { counted: r.amount });
    for (const o of balance.offsetFigures) map.set(o.offset, { counted: o.counts ? o.quantity : Rational.ZERO });
    figuresOf.set(balance, map);
    return map;
}

function countedOf(snapshot: ModelSnapshot, element: Element): Rational | undefined {
    return snapshot.balance ? figuresByElement(snapshot.balance).get(element)?.counted : undefined;
}

function sourceCauses(before: ModelSnapshot, after: ModelSnapshot, a: Source, b: Source): DiffCause[] {
    const x = before.balance ? figuresByElement(before.balance).get(a)?.source : undefined;
    const y = after.balance ? figuresByElement(after.balance).get(b)?.source : undefined;
    if (!x || !y) return [];
    const factorsOf = (snapshot: ModelSnapshot) => (name: string) => snapshot.elements.get(`Factor:${name}`);
    return attribute(x.inputs, y.inputs).map(part => ({ cause: part.cause, delta: part.delta.toString(), input: causeInput(part.cause, [a, factorsOf(before)], [b, factorsOf(after)], x, y) }));
}

/** The written input behind a cause, at both revisions; the activity's relative change in percent. */
type FactorNamed = (name: string) => Element | undefined;

function causeInput(cause: string, [a, factorsBefore]: [Source, FactorNamed], [b, factorsAfter]: [Source, FactorNamed], x: SourceFigures, y: SourceFigures): DiffCause['input'] {
    const written = (source: Source) => (cause === 'activity' ? source.activity : cause === 'factor' ? (source.factor ?? source.emissions) : undefined);
    const textOf = (node: AstNode | undefined) => (node?.$cstNode ? node.$cstNode.text.replace(/\s+/g, ' ').trim() : undefined);
    let [before, after] = cause === 'category' ? [a.category, b.category] : [textOf(written(a)), textOf(written(b))];
    if (before === undefined || after === undefined) return null;
    if (before === after && cause === 'factor') {
        // the same factor by name: what changed is its values
        [before, after] = [factorValuesText(a.factor, factorsBefore), factorValuesText(b.factor, factorsAfter)];
        if (before === undefined || after === undefined) return null;
    }
    // the same text (a dataset's rows changed, a `let` it names): no written input shows the change
    if (before === after) return null;
    const percent = cause === 'activity' && !x.inputs.activity.isZero() ? y.inputs.activity.dividedBy(x.inputs.activity).minus(Rational.ONE).times(Rational.fromInteger(100)).toString() : null;
    return { before, after, percent };
}

/** The values of the factor a source names (`0.05 tCO2/GJ · 0.002 tCH4/GJ`) in the revision's declarations, or undefined when it names none. */
function factorValuesText(expression: Source['factor'], factorNamed: FactorNamed): string | undefined {
    const target = expression && isNameReference(expression) ? factorNamed(expression.target.$refText) : undefined;
    if (!target || !isFactor(target)) return undefined;
    const texts = [...target.values, ...target.components].map(node => node.$cstNode?.text.replace(/\s+/g, ' ').trim() ?? '');
    return texts.length > 0 && texts.every(Boolean) ? texts.join(' · ') : undefined;
}

/** Where a declaration of a revision's snapshot is: its file relative to the repository root and its first line. */
function locationOf(element: Element): DiffChange['at'] {
    const node = element.$cstNode;
    if (!node) return null;
    const path = AstUtils.getDocument(element).uri.path;
    const file = path.startsWith(SNAPSHOT_FOLDER) ? path.slice(SNAPSHOT_FOLDER.length) : path;
    return { file, line: node.range.start.line + 1 };
}

/** Each made good of a model by name, with its figures and its process's. */
function goodsOf(products: ModelProducts | undefined): Map<string, { readonly process: string; readonly good?: GoodFigures; readonly figures?: ProcessFigures }> {
    const goods = new Map<string, { process: string; good?: GoodFigures; figures?: ProcessFigures }>();
    if (!products) return goods;
    for (const entry of [...products.installations.flatMap(installation => installation.processes), ...products.unplaced]) {
        for (const { good, figures } of entry.goods) goods.set(good.name, { process: entry.process.name, good: figures, figures: entry.figures });
    }
    return goods;
}

/** The goods whose specific embedded emissions changed, with causes; undefined when neither revision has a process. */
function productChanges(before: ModelProducts | undefined, after: ModelProducts | undefined): ProductChange[] | undefined {
    const hasProcesses = (products: ModelProducts | undefined) => !!products && (products.installations.some(installation => installation.processes.length > 0) || products.unplaced.length > 0);
    if (!hasProcesses(before) && !hasProcesses(after)) return undefined;
    const a = goodsOf(before);
    const b = goodsOf(after);
    const changes: ProductChange[] = [];
    for (const id of [...new Set([...a.keys(), ...b.keys()])].sort()) {
        const x = a.get(id);
        const y = b.get(id);
        const total = (good?: GoodFigures) => good && good.seeDirect.plus(good.seeIndirect);
        const see = figureChange(total(x?.good), total(y?.good));
        const seeDirect = figureChange(x?.good?.seeDirect, y?.good?.seeDirect);
        const seeIndirect = figureChange(x?.good?.seeIndirect, y?.good?.seeIndirect);
        const same = !!x && !!y && see.before === see.after && seeDirect.before === seeDirect.after && seeIndirect.before === seeIndirect.after;
        if (same) continue;
        // (a good's content: its functional units per tonne, 1 where the unit is the tonne)
        const content = (good: GoodFigures) => good.functional?.content ?? Rational.ONE;
        const causes = x?.figures && y?.figures && x.good && y.good ? attributeSee({ figures: x.figures, content: content(x.good) }, { figures: y.figures, content: content(y.good) }) : [];
        changes.push({ id, process: (y ?? x)!.process, action: !x ? 'added' : !y ? 'removed' : 'changed', see, seeDirect, seeIndirect, causes: causes.map(part => ({ cause: part.cause, delta: part.delta.toString() })) });
    }
    return changes;
}

function byKindThenName(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
