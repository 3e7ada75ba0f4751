// The comparison with a revision (`cnms/diff` as JSON) as a page in the
// views' style: the totals, each changed figure linked to its line in the
// editor with its causes as the input changes that made them, rises and falls
// coloured by what they do to the net balance (and marked ▲ ▼, not by colour
// alone), the declarations changed, the findings gained and lost. Every text
// of the model is escaped; the only links are the renderer's own command links.
import type { DiffCause, DiffChange, FigureChange, ModelDiff } from '../../diff/src/diff-model.js';
import { formatSignedDecimal, isZeroDecimal } from './diff-request.js';
import { isTextId, text } from './messages.js';
import { escapeHtml } from './view-style.js';

/** The command a figure's link runs: opens a file of the model at a line. */
export const REVEAL_LINE_COMMAND = 'cnms.revealLine';

/** Where the files of the comparison are: the repository's top folder as a file URI (without a trailing slash); none, no links. */
export interface ComparisonLinks {
    readonly root: string | undefined;
}

const plain = (decimal: string | null) => (decimal === null ? '—' : formatSignedDecimal(decimal).replace(/^\+/, ''));

/**
 * A change of a figure, signed, coloured by its effect on the net: `up` is
 * worse when a rise adds to the net (emissions, net), better when it takes
 * from it (removals, offsets).
 */
function change(delta: string | null, riseIsWorse = true): string {
    if (delta === null) return '<span class="muted">—</span>';
    if (isZeroDecimal(delta)) return '0';
    const up = !delta.trim().startsWith('-');
    const tone = up === riseIsWorse ? 'worse' : 'better';
    return `<span class="${tone}">${up ? '▲' : '▼'} ${escapeHtml(formatSignedDecimal(delta))}</span>`;
}

function link(label: string, change: DiffChange, links: ComparisonLinks): string {
    if (!change.at || !links.root) return label;
    const args = encodeURIComponent(JSON.stringify([`${links.root}/${change.at.file.split('/').map(encodeURIComponent).join('/')}`, change.at.line]));
    const where = `${change.at.file}:${change.at.line}`;
    return `<a href="command:${REVEAL_LINE_COMMAND}?${args}" title="${escapeHtml(where)}">${label}</a>`;
}

/** `activity 320_000 MWh → 345_000 MWh (+7.8 %) → ▲ +15,902.500` */
function causeHtml(cause: DiffCause): string {
    const id = `diff.cause.${cause.cause}`;
    const name = escapeHtml(isTextId(id) ? text(id) : cause.cause);
    const input = cause.input;
    const percent = input?.percent ? ` (${escapeHtml(formatSignedDecimal(input.percent, 1))} %)` : '';
    const from = input ? ` <code>${escapeHtml(input.before)}</code> → <code>${escapeHtml(input.after)}</code>${percent} →` : '';
    return `<span class="cause">${name}${from} ${change(cause.delta)}</span>`;
}

function table(head: string[], rows: string[][], numeric: readonly number[]): string {
    const cell = (tag: 'th' | 'td', value: string, i: number) => `<${tag}${numeric.includes(i) ? ' class="right"' : ''}>${value}</${tag}>`;
    return [
        '<div class="table-wrap"><table>',
        `<thead><tr>${head.map((h, i) => cell('th', h, i)).join('')}</tr></thead>`,
        `<tbody>${rows.map(row => `<tr>${row.map((value, i) => cell('td', value, i)).join('')}</tr>`).join('')}</tbody>`,
        '</table></div>'
    ].join('');
}

const SIGN = { added: '+', removed: '−', changed: '~' } as const;

/** The page body for a comparison. */
export function comparisonBody(diff: ModelDiff, links: ComparisonLinks): string {
    const out: string[] = [];
    out.push(`<h1>${escapeHtml(text('diff.heading', { model: diff.model ?? '—' }))}</h1>`);
    const commit = diff.before.commit ? ` <code>${escapeHtml(diff.before.commit.slice(0, 10))}</code>` : '';
    out.push(`<p class="muted">${escapeHtml(diff.before.revision)}${commit} → ${escapeHtml(text('diff.savedFiles'))}</p>`);

    const net = diff.totals.net;
    const percent = net.percent !== null ? ` (${escapeHtml(formatSignedDecimal(net.percent, 1))} %)` : '';
    out.push(`<p>${escapeHtml(text('diff.netChange'))} ${change(net.delta)} tCO2e${percent}</p>`);
    const status = diff.neutrality.status;
    const tone = status === 'gained' || status === 'kept' ? 'good' : status === 'lost' ? 'bad' : 'quiet';
    const period = diff.neutrality.period ? `${escapeHtml(diff.neutrality.period)}${escapeHtml(text('diff.colon'))}` : '';
    out.push(`<p>${period}<span class="badge ${tone}">${escapeHtml(text(`diff.neutrality.${status}` as const))}</span></p>`);

    out.push(`<h3>${escapeHtml(text('diff.totals'))}</h3>`);
    const total = (label: string, figure: FigureChange, riseIsWorse = true, strong = false) => {
        const b = (html: string) => (strong ? `<strong>${html}</strong>` : html);
        return [b(escapeHtml(label)), b(plain(figure.before)), b(plain(figure.after)), change(figure.delta, riseIsWorse)];
    };
    out.push(
        table(
            ['', text('diff.before'), text('diff.after'), text('diff.change')].map(escapeHtml),
            [total(text('diff.emissions'), diff.totals.emissions), total(text('diff.removals'), diff.totals.removals, false), total(text('diff.offsets'), diff.totals.offsets, false), total(text('diff.net'), diff.totals.net, true, true)],
            [1, 2, 3]
        )
    );

    const figured = diff.changes.filter(c => c.delta !== null);
    if (figured.length > 0) {
        out.push(`<h3>${escapeHtml(text('diff.figures', { count: figured.length }))}</h3>`);
        // each figure a row; its causes on a row of their own below it, the table's full width (a narrow column has room for them)
        const rows = figured.flatMap(c => {
            const riseIsWorse = c.kind === 'source';
            const figure = [`${SIGN[c.action]} ${escapeHtml(c.kind)} ${link(`<code>${escapeHtml(c.id)}</code>`, c, links)}`, plain(c.before), plain(c.after), change(c.delta, riseIsWorse)];
            const cells = `<tr>${figure.map((value, i) => `<td${i > 0 ? ' class="right"' : ''}>${value}</td>`).join('')}</tr>`;
            return c.causes.length === 0 ? [cells] : [cells, `<tr class="causes"><td colspan="4">${escapeHtml(text('diff.causes'))}${escapeHtml(text('diff.colon'))}${c.causes.map(causeHtml).join('')}</td></tr>`];
        });
        const head = ['', text('diff.before'), text('diff.after'), text('diff.change')].map((h, i) => `<th${i > 0 ? ' class="right"' : ''}>${escapeHtml(h)}</th>`).join('');
        out.push(`<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`);
    }
    const other = diff.changes.filter(c => c.delta === null);
    if (other.length > 0) {
        out.push(`<h3>${escapeHtml(text('diff.other', { count: other.length }))}</h3>`);
        out.push(`<ul>${other.map(c => `<li>${SIGN[c.action]} ${escapeHtml(c.kind)} ${link(`<code>${escapeHtml(c.id)}</code>`, c, links)}</li>`).join('')}</ul>`);
    }
    if (diff.targets.length > 0) {
        out.push(`<h3>${escapeHtml(text('diff.targets'))}</h3>`);
        const year = (value: number | null | 'absent') => escapeHtml(value === 'absent' ? '—' : value === null ? text('diff.never') : String(value));
        out.push(`<ul>${diff.targets.map(t => `<li><code>${escapeHtml(t.id)}</code>${escapeHtml(text('diff.colon'))}${year(t.before)} → ${year(t.after)}</li>`).join('')}</ul>`);
    }
    const { gained, lost } = diff.findings;
    if (gained.length + lost.length > 0) {
        out.push(`<h3>${escapeHtml(text('diff.findings'))}</h3><ul>`);
        for (const f of gained) out.push(`<li><span class="sev-${f.severity}">+ ${escapeHtml(f.rule)}</span> ${escapeHtml(f.element)}${escapeHtml(text('diff.colon'))}${escapeHtml(f.message)}</li>`);
        for (const f of lost) out.push(`<li><span class="better">− ${escapeHtml(f.rule)}</span> ${escapeHtml(f.element)}${escapeHtml(text('diff.colon'))}${escapeHtml(f.message)}</li>`);
        out.push('</ul>');
    }
    for (const file of diff.unparsable.before) out.push(`<p class="sev-warning">${escapeHtml(text('diff.unparsable', { file, revision: diff.before.revision }))}</p>`);
    for (const file of diff.unparsable.after) out.push(`<p class="sev-warning">${escapeHtml(text('diff.unparsable', { file, revision: text('diff.savedFiles') }))}</p>`);
    return out.join('\n');
}
