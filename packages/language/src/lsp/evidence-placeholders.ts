/**
 * Quick fixes must not invent facts. A property that records evidence (a
 * date something happened, a quantity, a serial, a value and where it comes
 * from) is inserted by a quick fix with a placeholder that names what to
 * write and fails validation until it is written (`retired YYYY-MM-DD`,
 * `quantity QUANTITY tCO2e`, `serial SERIAL`), never with a plausible
 * example that would count as data.
 */

/** The properties whose values are evidence rather than a choice of the model's author. */
const EVIDENCE_PROPERTIES = new Set([
    'activity',
    'emissions',
    'factor',
    'amount',
    'share',
    'uncertainty',
    'accuracy',
    'source',
    'year',
    'standard',
    'project',
    'registry',
    'serial',
    'vintage',
    'quantity',
    'retired',
    'retired-for',
    'verified-by',
    'disclosure',
    'previous',
    'base',
    'date',
    'approved',
    'calibrated',
    'due',
    'verified',
    'updated'
]);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const YEAR = /^\d{4}$/;

/**
 * The snippet of a property (`retired ${1:2025-03-31}`) or of a declaration
 * (its lines), with every example value of an evidence property replaced by
 * a placeholder (those lines last in the block); `changed` says whether there
 * was any. Quick fixes insert a placeholder as the last statement of its
 * block too: a syntax error there costs no other statement.
 */
export function evidencePlaceholders(snippet: string): { snippet: string; changed: boolean } {
    const lines = snippet.split('\n');
    const placeholders = new Set<number>();
    const replaced = lines.map((line, index) => {
        const keyword = /^\s*([a-z][a-z0-9-]*)\s/.exec(line)?.[1];
        // a declaration's own line (`factor ${1:name} … {`) names it; only the properties in its block are evidence
        if (!keyword || !EVIDENCE_PROPERTIES.has(keyword) || /\{\s*(\$0)?$/.test(line)) return line;
        const name = keyword.toUpperCase().replace(/-/g, '_');
        const replaced = line
            // a string to write is left unquoted, so that it does not pass for one
            .replace(/"\$\{(\d+):[^}]*\}"/g, (_whole, stop: string) => `\${${stop}:${name}}`)
            .replace(/\$\{(\d+):([^}]*)\}/g, (whole, stop: string, example: string) => {
                if (example === name) return whole;
                if (DATE.test(example)) return `\${${stop}:YYYY-MM-DD}`;
                if (YEAR.test(example)) return `\${${stop}:YYYY}`;
                if (/^[0-9]/.test(example)) return `\${${stop}:${name}}`;
                return whole;
            })
            .replace(/\$\{(\d+)\|[^}]*\|\}/g, (_whole, stop: string) => `\${${stop}:${name}}`);
        if (replaced !== line) placeholders.add(index);
        return replaced;
    });
    // An unfilled placeholder is a syntax error, after which the parser reads no more of the block:
    // in a declaration's skeleton they come last, after everything that is complete.
    const order = [...replaced.keys()];
    const closing = replaced.length > 1 && /^\s*\}/.test(replaced[replaced.length - 1]) ? replaced.length - 1 : replaced.length;
    const reordered = [...order.filter(i => i < closing && !placeholders.has(i)), ...order.filter(i => placeholders.has(i)), ...order.filter(i => i >= closing)].map(i => replaced[i]);
    return { snippet: reordered.join('\n'), changed: placeholders.size > 0 };
}
