import type { Locale } from '@cnms/language';
import { formatFigure, Rational, Dec } from '@cnms/language';
import { buildReport, reportProvenance } from '@cnms/report';
import type { Colors } from '../colors.js';
import { CliError } from '../cli-error.js';
import { collectDiagnostics, exitCodeOf } from '../diagnostics.js';
import { loadWorkspace } from '../load-workspace.js';
import { CLI_VERSION } from '../version.js';
import { selectModel } from '../select-model.js';
import { URI } from 'langium';

export interface PlanOptions {
    readonly format: string;
    readonly locale: Locale;
    readonly colors: Colors;
}

const WORDS = {
    en: {
        heading: 'Projected emissions under the planned reductions',
        year: 'Year',
        projected: 'Projected (tCO2e)',
        target: 'Target',
        allowed: 'path allows',
        gap: 'gap',
        missed: (y: number | null) => (y === null ? 'on track to its year' : `first missed in ${y}`),
        none: 'No reporting period: nothing to project.'
    },
    'zh-CN': {
        heading: '按计划减排措施预测的排放量',
        year: '年份',
        projected: '预测排放（tCO2e）',
        target: '目标',
        allowed: '路径允许',
        gap: '差距',
        missed: (y: number | null) => (y === null ? '可按期实现' : `${y} 年首次未达标`),
        none: '没有报告期，无法预测。'
    }
} as const;

/**
 * `cnms plan [PATH] [--format text|json]`: year by year from the reporting
 * period to the furthest target year, the projected emissions under the
 * reductions by their `from` year and status, the path each target allows,
 * the gap, and the first year each target is missed. The figures are the
 * report's (one builder), so the plan and the report never disagree.
 */
export async function plan(path: string | undefined, options: PlanOptions, write: (text: string) => void): Promise<number> {
    if (!['text', 'json'].includes(options.format)) throw new CliError(`unknown format '${options.format}' for plan: use text or json`);
    const workspace = await loadWorkspace([path ?? '.'], options.locale);
    const model = selectModel(workspace, path);
    const documents = workspace.Cnms.references.Models.documentsOf(model);
    const diagnostics = collectDiagnostics(workspace, documents);
    const report = buildReport(workspace.Cnms, model, { locale: options.locale, diagnostics, provenance: reportProvenance(`cnms ${CLI_VERSION}`, URI.parse(model).fsPath, false) });
    const planned = report.plan;
    if (options.format === 'json') {
        write(
            `${JSON.stringify(
                {
                    model: report.organization.id,
                    fromYear: planned.years[0] ?? null,
                    toYear: planned.years[planned.years.length - 1] ?? null,
                    years: planned.years.map((year, i) => ({ year, projected: planned.projected[i] })),
                    targets: planned.targets.map(target => ({
                        id: target.id,
                        kind: target.kind,
                        year: target.year,
                        unit: target.unit,
                        firstMissed: target.firstMissed,
                        years: planned.years.map((year, i) => ({ year, projected: target.projected[i], allowed: target.allowed[i], gap: target.gap[i] })).filter(row => row.allowed !== null)
                    }))
                },
                null,
                2
            )}\n`
        );
        return exitCodeOf(diagnostics);
    }
    const w = WORDS[options.locale];
    if (planned.years.length === 0) {
        write(`${w.none}\n`);
        return 1;
    }
    const f = (text: string | null, signed = false) => (text === null ? '—' : formatFigure(Rational.fromDecimal(new Dec(text)), options.locale, 3, signed));
    const lines = [options.colors.bold(`${w.heading} · ${report.organization.name}`), '', `${w.year.padEnd(8)}${w.projected.padStart(24)}`];
    planned.years.forEach((year, i) => lines.push(`${String(year).padEnd(8)}${f(planned.projected[i]).padStart(24)}`));
    for (const target of planned.targets) {
        lines.push('', options.colors.bold(`${w.target} ${target.id}${target.name !== target.id ? ` "${target.name}"` : ''} (${target.kind ?? '—'}, ${target.year ?? '—'}): ${w.missed(target.firstMissed)}`));
        lines.push(`  ${w.year.padEnd(8)}${`${w.projected.replace(/ \(.*\)/, '')} (${target.unit})`.padStart(26)}${w.allowed.padStart(20)}${w.gap.padStart(20)}`);
        planned.years.forEach((year, i) => {
            if (target.allowed[i] === null) return;
            const gap = f(target.gap[i], true);
            const painted = target.gap[i] !== null && !target.gap[i].startsWith('-') && target.gap[i] !== '0' ? options.colors.red(gap) : options.colors.green(gap);
            lines.push(`  ${String(year).padEnd(8)}${f(target.projected[i]).padStart(26)}${f(target.allowed[i]).padStart(20)}${' '.repeat(Math.max(1, 20 - gap.length))}${painted}`);
        });
    }
    write(`${lines.join('\n')}\n`);
    return exitCodeOf(diagnostics);
}
