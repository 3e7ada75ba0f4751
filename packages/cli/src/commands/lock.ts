import { join } from 'node:path';
import { AstUtils, URI } from 'langium';
import { attribute } from '@cnms/diff';
import {
    builtinValuesUsed,
    currentLock,
    figuresFromInputs,
    Dimension,
    displayUnit,
    formatMeasured,
    formatFigure,
    isFactor,
    isNameReference,
    isUnchanged,
    lockDifference,
    LOCK_FILE,
    lockText,
    parseFraction,
    readLock,
    Rational,
    shownName,
    tonnes,
    type CnmsServices,
    type LockFile,
    type Locale,
    type SourceFigures
} from '@cnms/language';
import type { Colors } from '../colors.js';
import { loadWorkspace } from '../load-workspace.js';
import { selectModel } from '../select-model.js';
import { shownPath } from '../shown-path.js';
import { writeFileSafely } from '../write-file-safely.js';

export interface LockOptions {
    readonly update: boolean;
    readonly locale: Locale;
    readonly colors: Colors;
}

const WORDS = {
    en: {
        wrote: (file: string, count: number, library: string) => `Wrote ${file}: ${count} built-in value${count === 1 ? '' : 's'}, library ${library}.`,
        upToDate: (file: string, count: number, library: string) => `${file} is up to date: ${count} built-in value${count === 1 ? '' : 's'}, library ${library}.`,
        unreadable: (file: string, reason: string) => `${file} cannot be read (${reason}).`,
        library: (before: string, now: string) => `Library ${before} → ${now}`,
        changed: 'changed',
        added: 'newly used',
        removed: 'no longer used',
        notComputed: 'not computed',
        otherUse: (names: string) => `also used by ${names}: their change is not computed here (see cnms diff after updating)`,
        total: (delta: string) => `Emissions change by ${delta} tCO2e (the sources above).`,
        accept: 'Run `cnms lock --update` to accept these changes.',
        acceptUnreadable: 'Run `cnms lock --update` to write it again.',
        updated: (file: string) => `Updated ${file}.`
    },
    'zh-CN': {
        wrote: (file: string, count: number, library: string) => `已写入 ${file}：${count} 个内置数值，库版本 ${library}。`,
        upToDate: (file: string, count: number, library: string) => `${file} 已是最新：${count} 个内置数值，库版本 ${library}。`,
        unreadable: (file: string, reason: string) => `无法读取 ${file}（${reason}）。`,
        library: (before: string, now: string) => `库版本 ${before} → ${now}`,
        changed: '已变化',
        added: '新使用',
        removed: '不再使用',
        notComputed: '无法计算',
        otherUse: (names: string) => `另被 ${names} 使用：其变化量此处不计算（更新后见 cnms diff）`,
        total: (delta: string) => `排放量变化 ${delta} tCO2e（以上排放源）。`,
        accept: '运行 `cnms lock --update` 接受这些变化。',
        acceptUnreadable: '运行 `cnms lock --update` 重新写入。',
        updated: (file: string) => `已更新 ${file}。`
    }
} as const;

/**
 * `cnms lock [PATH] [--update]` (docs/months.md, "Factor lock"): writes the
 * model's cnms.lock when it has none; with one, says whether the built-in
 * values the model uses changed since, and which sources' figures change and
 * by how much (the diff's attribution, with the locked values substituted);
 * `--update` writes the lock as the library stands. Exit 1 when the lock is
 * stale (or unreadable) and `--update` is not given.
 */
export async function lock(path: string | undefined, options: LockOptions, write: (text: string) => void): Promise<number> {
    const w = WORDS[options.locale];
    const workspace = await loadWorkspace([path ?? '.'], options.locale);
    const services = workspace.Cnms;
    const model = selectModel(workspace, path);
    const file = join(URI.parse(model).fsPath, LOCK_FILE);
    const shown = shownPath(file);
    const now = currentLock(services, model);
    const count = Object.keys(now.values).length;
    const existing = readLock(services, model);
    if (!existing) {
        writeFileSafely(file, lockText(now), options.locale);
        write(`${w.wrote(shown, count, now.library)}\n`);
        return 0;
    }
    if ('error' in existing) {
        if (!options.update) {
            write(`${w.unreadable(shown, existing.error)}\n${w.acceptUnreadable}\n`);
            return 1;
        }
        writeFileSafely(file, lockText(now), options.locale);
        write(`${w.updated(shown)}\n`);
        return 0;
    }
    const difference = lockDifference(existing, now);
    if (isUnchanged(difference)) {
        write(`${w.upToDate(shown, count, now.library)}\n`);
        return 0;
    }
    const lines = [options.colors.bold(w.library(difference.libraryBefore, difference.libraryNow))];
    const changes = figureChanges(services, model, existing, difference.changed, options.locale);
    let total = Rational.ZERO;
    for (const id of difference.changed) {
        const change = changes.get(id)!;
        lines.push(`${options.colors.yellow('~')} ${id} ${w.changed}${change.values ? `: ${change.values}` : ''}`);
        for (const source of change.sources) {
            const name = shownName(source.figures.source);
            if (!source.before) {
                lines.push(`    ${name}: ${w.notComputed}`);
                continue;
            }
            const delta = tonnes(source.figures.co2e).minus(source.before);
            total = total.plus(delta);
            const causes = attribute(source.inputs, source.figures.inputs)
                .map(part => `${part.cause} ${formatFigure(part.delta, options.locale, 3, true)}`)
                .join(', ');
            lines.push(`    ${name}: ${formatFigure(source.before, options.locale)} → ${formatFigure(tonnes(source.figures.co2e), options.locale)} tCO2e (${formatFigure(delta, options.locale, 3, true)}${causes ? `; ${causes}` : ''})`);
        }
        if (change.otherUses.length > 0) lines.push(`    ${w.otherUse(change.otherUses.join(', '))}`);
    }
    for (const id of difference.unlocked) lines.push(`${options.colors.green('+')} ${id} ${w.added}`);
    for (const id of difference.unused) lines.push(`${options.colors.red('-')} ${id} ${w.removed}`);
    if (difference.changed.length > 0) lines.push('', w.total(formatFigure(total, options.locale, 3, true)));
    if (options.update) {
        writeFileSafely(file, lockText(now), options.locale);
        lines.push(w.updated(shown));
        write(`${lines.join('\n')}\n`);
        return 0;
    }
    lines.push(w.accept);
    write(`${lines.join('\n')}\n`);
    return 1;
}

interface ValueChange {
    /** The factor's values before and after, per gas (`CO2 0.5810 → 0.5703 tCO2/MWh`), for a factor. */
    readonly values?: string;
    /** The sources whose `factor` names it: their figures with the locked values (undefined when those cannot be computed). */
    readonly sources: ReadonlyArray<{ readonly figures: SourceFigures; readonly inputs: SourceFigures['inputs']; readonly before?: Rational }>;
    /** Other declarations that use it (in an activity, a `let`, a factor of the model), whose change is not computed here. */
    readonly otherUses: readonly string[];
}

/** For each changed built-in value, the sources whose figures change with it and by how much. */
function figureChanges(services: CnmsServices, model: string, locked: LockFile, changed: readonly string[], locale: Locale): Map<string, ValueChange> {
    const result = new Map<string, ValueChange>();
    const uses = new Map(builtinValuesUsed(services, model).map(use => [use.id, use]));
    const balance = services.semantics.Balance.of(model);
    for (const id of changed) {
        const declaration = uses.get(id)!.declaration;
        const old = new Map<string, Rational>();
        for (const [gas, text] of Object.entries(locked.values[id].values)) old.set(gas, parseFraction(text)!);
        let values: string | undefined;
        const sources: Array<ValueChange['sources'][number]> = [];
        const direct = new Set<object>();
        if (isFactor(declaration)) {
            const current = services.semantics.Evaluator.factorValues(declaration) ?? [];
            values = current
                .map(value => {
                    // both in the unit the value now is shown in
                    const unit = displayUnit(Dimension.massOf(value.gas).dividedBy(value.per), value.value);
                    const before = old.get(value.gas);
                    return `${value.gas} ${before ? formatMeasured(before.dividedBy(unit.size), locale) : '—'} → ${formatMeasured(value.value.dividedBy(unit.size), locale)} ${unit.name}`;
                })
                .join(' · ');
            for (const { source, figures } of balance.sources) {
                if (!figures || !isNameReference(source.factor) || source.factor.target.ref !== declaration) continue;
                direct.add(source);
                const inputs = { ...figures.inputs, factor: old };
                const before = figuresFromInputs(inputs);
                sources.push({ figures, inputs, ...(before ? { before: tonnes(before.co2e) } : {}) });
            }
        }
        const otherUses = new Set<string>();
        for (const element of services.references.Models.elementsOf(model)) {
            if (!('name' in element)) continue;
            const references = AstUtils.streamAst(element).filter(node => isNameReference(node) && node.target.ref === declaration);
            // a source counted above uses it as its factor; any other use (its activity) is not computed here
            const others = direct.has(element) ? references.filter(node => node !== (element as { factor?: unknown }).factor) : references;
            if (!others.isEmpty()) otherUses.add(String(element.name));
        }
        result.set(id, { ...(values ? { values } : {}), sources, otherUses: [...otherUses] });
    }
    return result;
}
