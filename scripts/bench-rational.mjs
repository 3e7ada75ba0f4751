// Micro-benchmark of the exact figure type (not a test): a realistic mix of what
// a large model does with Rational — parse literals, activity × factor × GWP,
// a site share, a sum of 10,000 figures, and every figure shown as a string.
// Runs on the built module, so build first (`pnpm build`).
// Usage: node scripts/bench-rational.mjs [--rounds 15] [--figures 10000] [path/to/rational.js]
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg('--rounds', 15);
const figures = arg('--figures', 10000);
const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !(i > 0 && all[i - 1].startsWith('--')));
const modulePath = resolve(positional[0] ?? `${root}/packages/language/out/semantics/rational.js`);
const { Rational } = await import(pathToFileURL(modulePath).href);

// the literals of a generated model: activities with digit separators, factors,
// calorific values, GWPs, a few exponents
const activities = Array.from({ length: figures }, (_, i) => `${1000 + i}_${String(i % 1000).padStart(3, '0')}`);
const factors = ['56.1', '0.05603', '94.6', '0.5703', '2.66', '73.3', '1.2e-3', '3.1E2', '0.000123'];
const gwps = ['1', '27.9', '273', '25', '298', '1.2e1'];
const ncv = '389.31';

function round() {
    let checksum = 0;
    const perTenThousand = Rational.parse('10000');
    const ncvValue = Rational.parse(ncv).dividedBy(perTenThousand);
    const share = Rational.parse('1').dividedBy(Rational.parse('3'));
    const tonnes = Rational.parse('1000');
    let total = Rational.ZERO;
    let shared = Rational.ZERO;
    const shown = [];
    for (let i = 0; i < figures; i++) {
        const activity = Rational.parse(activities[i]).times(ncvValue);
        const factor = Rational.parse(factors[i % factors.length]);
        const gwp = Rational.parse(gwps[i % gwps.length]);
        const co2e = activity.times(factor).times(gwp).dividedBy(tonnes);
        total = total.plus(co2e);
        if (i % 10 === 0) shared = shared.plus(co2e.times(share));
        if (co2e.compare(total) > 0) checksum++;
        shown.push(co2e.toString());
    }
    shown.push(total.toString(), shared.toString(), total.minus(shared).toString());
    for (const text of shown) checksum += text.length;
    return checksum;
}

// warm up, then time
let expected;
for (let i = 0; i < 3; i++) expected = round();
const samples = [];
for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    const checksum = round();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (checksum !== expected) throw new Error('the rounds disagree');
}
samples.sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)];
console.log(`${modulePath.replace(root, '')}: ${figures} figures, median ${median.toFixed(1)} ms per round (min ${samples[0].toFixed(1)}, max ${samples[samples.length - 1].toFixed(1)}), checksum ${expected}`);
