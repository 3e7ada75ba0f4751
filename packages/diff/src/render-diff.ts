import { Dec, escapeControlCharacters, formatFigure, Rational, type Locale } from '@cnms/language';
import type { DiffCause, DiffChange, FigureChange, ModelDiff } from './diff-model.js';
import { neutralityWords } from './compare.js';
import { diffWords } from './diff-words.js';

/** Colours for the text form: the CLI passes picocolors' functions, or identity when not on a terminal. */
export interface Paint {
    readonly green: (text: string) => string;
    readonly red: (text: string) => string;
    readonly yellow: (text: string) => string;
    readonly bold: (text: string) => string;
    readonly dim: (text: string) => string;
}

const SIGN = { added: '+', removed: '-', changed: '~' } as const;

function figure(text: string | null, locale: Locale, signed = false): string {
    return text === null ? '—' : formatFigure(Rational.fromDecimal(new Dec(text)), locale, 3, signed);
}

/** A cause as the input change that made it: `activity 320_000 MWh → 345_000 MWh (+7.8 %) → +15,902.500` (tCO2e follows). */
export function causeText(cause: DiffCause, locale: Locale): string {
    const input = cause.input;
    if (!input) return `${cause.cause} ${figure(cause.delta, locale, true)}`;
    const percent = input.percent === null ? '' : ` (${formatFigure(Rational.fromDecimal(new Dec(input.percent)), locale, 1, true)} %)`;
    return `${cause.cause} ${input.before} → ${input.after}${percent} → ${figure(cause.delta, locale, true)}`;
}

function changeLine(change: DiffChange, locale: Locale): string {
    const figures = change.delta !== null ? ` ${figure(change.before, locale)} → ${figure(change.after, locale)} tCO2e (${figure(change.delta, locale, true)})` : '';
    return `${SIGN[change.action]} ${change.kind} ${change.id}${figures}`;
}

function totalLine(label: string, change: FigureChange, locale: Locale): string {
    return `  ${label.padEnd(22)}${figure(change.before, locale).padStart(20)} → ${figure(change.after, locale).padStart(20)}  ${figure(change.delta, locale, true).padStart(18)}`;
}

/** Like a plan: the summary first, then every change with + − ~, the causes of each source's change, the totals, findings. */
export function renderDiffText(diff: ModelDiff, locale: Locale, paint: Paint): string {
    const w = diffWords(locale);
    const lines = [paint.bold(diff.summary), paint.dim(`${diff.model ?? '—'}: ${diff.before.revision} → ${diff.after.revision}`), ''];
    for (const change of diff.changes) {
        const line = changeLine(change, locale);
        lines.push(change.action === 'added' ? paint.green(line) : change.action === 'removed' ? paint.red(line) : paint.yellow(line));
        for (const cause of change.causes) lines.push(`      ${causeText(cause, locale)} tCO2e`);
    }
    if (diff.changes.length === 0) lines.push(paint.dim(w.noChange));
    lines.push('', paint.bold(w.totals));
    lines.push(totalLine(w.emissions, diff.totals.emissions, locale), totalLine(w.removals, diff.totals.removals, locale), totalLine(w.offsets, diff.totals.offsets, locale), totalLine(w.net, diff.totals.net, locale));
    for (const [category, change] of Object.entries(diff.totals.byCategory)) if (change.delta !== '0') lines.push(totalLine(w.category(category), change, locale));
    for (const [scope, change] of Object.entries(diff.totals.byScope)) if (change.delta !== '0' && change.delta !== null) lines.push(totalLine(w.scope(scope), change, locale));
    lines.push('', `${w.neutralityOf(diff.neutrality.period ?? '')}: ${neutralityWords(diff.neutrality.status, locale)}`);
    for (const target of diff.targets) lines.push(w.target(target.id, target.before, target.after));
    for (const finding of diff.findings.gained) lines.push(paint.red(`+ ${finding.severity} ${finding.rule} ${finding.element}: ${finding.message}`));
    for (const finding of diff.findings.lost) lines.push(paint.green(`- ${finding.severity} ${finding.rule} ${finding.element}: ${finding.message}`));
    if (diff.products && diff.products.length > 0) {
        lines.push('', paint.bold(w.products));
        for (const product of diff.products) {
            const line = `${SIGN[product.action]} ${w.good} ${product.id} (${product.process}) ${figure(product.see.before, locale)} → ${figure(product.see.after, locale)} tCO2e/t (${figure(product.see.delta, locale, true)})`;
            lines.push(product.action === 'added' ? paint.green(line) : product.action === 'removed' ? paint.red(line) : paint.yellow(line));
            for (const cause of product.causes) lines.push(`      ${cause.cause.padEnd(20)} ${figure(cause.delta, locale, true).padStart(12)} tCO2e/t`);
        }
    }
    for (const file of diff.unparsable.before) lines.push(paint.yellow(`! ${w.doesNotParse(escapeControlCharacters(file), diff.before.revision)}`));
    for (const file of diff.unparsable.after) lines.push(paint.yellow(`! ${w.doesNotParse(escapeControlCharacters(file), diff.after.revision)}`));
    return `${lines.join('\n')}\n`;
}

/** Markdown outside code spans; names inside code spans are identifiers and need no escaping. */
const escape = (text: string) => text.replace(/[|\\`*_<>[\]]/g, ch => `\\${ch}`).replace(/\r?\n/g, ' ');

/** Ready to post as a pull-request comment: the summary, then collapsible details. */
export function renderDiffMarkdown(diff: ModelDiff, locale: Locale): string {
    const w = diffWords(locale);
    const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
    const out = [`### CNMS: ${escape(diff.model ?? '—')} — ${escape(diff.before.revision)} → ${escape(diff.after.revision)}`, '', `**${escape(diff.summary)}**`, ''];
    out.push(`| | ${w.before} | ${w.after} | ${w.change} |`, '|---|---:|---:|---:|');
    for (const [label, change] of [
        [capital(w.emissions), diff.totals.emissions],
        [capital(w.removals), diff.totals.removals],
        [capital(w.offsets), diff.totals.offsets],
        [`**${capital(w.net)}**`, diff.totals.net]
    ] as const) {
        out.push(`| ${label} | ${figure(change.before, locale)} | ${figure(change.after, locale)} | ${figure(change.delta, locale, true)} |`);
    }
    out.push('', `${capital(w.neutralityOf(escape(diff.neutrality.period ?? '')))}: **${neutralityWords(diff.neutrality.status, locale)}**`, '');
    const figured = diff.changes.filter(c => c.delta !== null);
    if (figured.length > 0) {
        out.push(`<details><summary>${w.figuresChanged(figured.length)}</summary>`, '', `| | | ${w.before} | ${w.after} | ${w.change} | ${w.causes} |`, '|---|---|---:|---:|---:|---|');
        for (const c of figured) {
            const causes = c.causes.map(k => escape(causeText(k, locale))).join('<br>');
            out.push(`| ${SIGN[c.action]} | ${c.kind} \`${c.id}\` | ${figure(c.before, locale)} | ${figure(c.after, locale)} | ${figure(c.delta, locale, true)} | ${causes} |`);
        }
        out.push('', '</details>', '');
    }
    const other = diff.changes.filter(c => c.delta === null);
    if (other.length > 0) {
        out.push(`<details><summary>${w.otherChanged(other.length)}</summary>`, '');
        for (const c of other) out.push(`- ${SIGN[c.action]} ${c.kind} \`${c.id}\``);
        out.push('', '</details>', '');
    }
    if (diff.products && diff.products.length > 0) {
        out.push(`<details><summary>${w.goodsChanged(diff.products.length)}</summary>`, '', `| | ${w.good} | ${w.before} | ${w.after} | ${w.change} | ${w.causes} |`, '|---|---|---:|---:|---:|---|');
        for (const p of diff.products) {
            const causes = p.causes.map(k => `${k.cause} ${figure(k.delta, locale, true)}`).join('<br>');
            out.push(`| ${SIGN[p.action]} | \`${p.id}\` (${escape(p.process)}) | ${figure(p.see.before, locale)} | ${figure(p.see.after, locale)} | ${figure(p.see.delta, locale, true)} | ${causes} |`);
        }
        out.push('', '</details>', '');
    }
    if (diff.findings.gained.length + diff.findings.lost.length > 0) {
        out.push(`<details><summary>${w.findings(diff.findings.gained.length, diff.findings.lost.length)}</summary>`, '');
        for (const f of diff.findings.gained) out.push(`- ➕ ${f.severity} **${f.rule}** ${escape(f.element)}: ${escape(f.message)}`);
        for (const f of diff.findings.lost) out.push(`- ✔ ${f.severity} **${f.rule}** ${escape(f.element)}: ${escape(f.message)}`);
        out.push('', '</details>', '');
    }
    return `${out.join('\n')}\n`;
}
