#!/usr/bin/env node
// A model at the size of a real industrial group, for benchmarks (issue 9):
// one organisation file with the organisation, the management-system
// elements and the units, values and factors every plant shares, and plant
// files under plants/ with the sites, their emission sources (natural gas,
// purchased electricity, diesel, process CO2), meters, controls, removals and
// reductions. Deterministic: the same options give the same bytes (a fixed-
// seed PRNG, no clock, no Math.random).
//
// It also computes the figures the model must give, exactly: BigInt rationals
// from the very expressions it writes and the values of the built-in library,
// parsed from packages/language/src/builtins/*.cnms (factors, NCVs, units and
// the GWP set the organisation declares). No float ever touches a figure.
//
// Module:  generateGroupModel({ sources, files, seed }) →
//          { files: Map<relativePath, text>, expected: { emissions, removals, offsets, net, sources, … },
//            records: [{ id, file, line, character, number, rate, co2e, … }], bigFile }
// CLI:     node scripts/generate-group-model.mjs [--sources 10000] [--files 50] [--seed 20240917] [--out DIR] [--json]
//          writes the files under DIR and prints the expected figures.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUILTINS_DIR = join(ROOT, 'packages/language/src/builtins');

// ---------------------------------------------------------------------------
// Exact rationals on BigInt

const abs = n => (n < 0n ? -n : n);
function gcd(a, b) {
    a = abs(a);
    b = abs(b);
    while (b) [a, b] = [b, a % b];
    return a;
}

/** An exact rational `{ n, d }` (BigInt, d > 0, reduced). */
export function rat(n, d = 1n) {
    n = BigInt(n);
    d = BigInt(d);
    if (d === 0n) throw new Error('division by zero');
    if (d < 0n) {
        n = -n;
        d = -d;
    }
    const g = gcd(n, d) || 1n;
    return { n: n / g, d: d / g };
}
export const Q = {
    zero: rat(0n),
    one: rat(1n),
    add: (a, b) => rat(a.n * b.d + b.n * a.d, a.d * b.d),
    sub: (a, b) => rat(a.n * b.d - b.n * a.d, a.d * b.d),
    mul: (a, b) => rat(a.n * b.n, a.d * b.d),
    div: (a, b) => rat(a.n * b.d, a.d * b.n),
    eq: (a, b) => a.n === b.n && a.d === b.d,
    sum: values => values.reduce((s, v) => Q.add(s, v), rat(0n)),
    pow10: k => (k >= 0 ? rat(10n ** BigInt(k)) : rat(1n, 10n ** BigInt(-k))),

    /** A CNMS number literal: `1_200`, `0.5703`, `1.2e6`. */
    parse(text) {
        const m = /^([0-9][0-9_]*)(?:\.([0-9_]+))?(?:[eE]([+-]?[0-9]+))?$/.exec(text);
        if (!m) throw new Error(`not a number: ${text}`);
        const whole = m[1].replace(/_/g, '');
        const frac = (m[2] ?? '').replace(/_/g, '');
        const exp = m[3] ? Number.parseInt(m[3], 10) - frac.length : -frac.length;
        return Q.mul(rat(BigInt(whole + frac)), Q.pow10(exp));
    },

    /** The exact decimal, as the CLI's JSON writes it (`3246410.031701`, `-12.5`, `0`); throws for a value with no finite expansion. */
    toDecimal(a) {
        let d = a.d;
        let twos = 0;
        let fives = 0;
        while (d % 2n === 0n) { d /= 2n; twos++; }
        while (d % 5n === 0n) { d /= 5n; fives++; }
        if (d !== 1n) throw new Error('the figure has no finite decimal expansion');
        const places = Math.max(twos, fives);
        const scaled = (a.n * 10n ** BigInt(places)) / a.d;
        const negative = scaled < 0n;
        let digits = abs(scaled).toString().padStart(places + 1, '0');
        let text = places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
        if (places) text = text.replace(/0+$/, '').replace(/\.$/, '');
        return negative ? `-${text}` : text;
    },

    /** Rounded half-even to `decimals` places with thousands separators, as the editor's lens shows it: `+84,153.786`. */
    format(a, decimals = 3, signed = false) {
        const scale = 10n ** BigInt(decimals);
        const num = abs(a.n) * scale;
        let q = num / a.d;
        const r = num % a.d;
        if (2n * r > a.d || (2n * r === a.d && q % 2n === 1n)) q += 1n;
        const digits = q.toString().padStart(decimals + 1, '0');
        const whole = decimals ? digits.slice(0, -decimals) : digits;
        const fraction = decimals ? digits.slice(-decimals) : '';
        const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        const sign = q === 0n ? '' : a.n < 0n ? '-' : signed ? '+' : '';
        return `${sign}${grouped}${decimals ? `.${fraction}` : ''}`;
    },

    /** The nearest integer, halves up (for round figures such as a target's base). */
    round(a) {
        const q = a.n / a.d;
        return 2n * (a.n - q * a.d) >= a.d ? q + 1n : q;
    }
};

// ---------------------------------------------------------------------------
// Quantities: an exact value in base units and its dimension (a map from a
// base dimension, or `mass:<gas>` for a mass of a gas, to its exponent).

const MASS_PREFIXES = ['g', 'kg', 't', 'kt', 'Mt'];

function quantity(value, dims = new Map()) {
    return { value, dims };
}
function combine(a, b, sign) {
    const dims = new Map(a.dims);
    for (const [k, e] of b.dims) {
        const next = (dims.get(k) ?? 0) + sign * e;
        if (next === 0) dims.delete(k);
        else dims.set(k, next);
    }
    return dims;
}
const qMul = (a, b) => quantity(Q.mul(a.value, b.value), combine(a, b, 1));
const qDiv = (a, b) => quantity(Q.div(a.value, b.value), combine(a, b, -1));
const dimsKey = dims => [...dims].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, e]) => `${k}^${e}`).join(' ');
function qAdd(a, b, sign = 1) {
    if (dimsKey(a.dims) !== dimsKey(b.dims)) throw new Error(`cannot add ${dimsKey(a.dims)} and ${dimsKey(b.dims)}`);
    return quantity(sign > 0 ? Q.add(a.value, b.value) : Q.sub(a.value, b.value), a.dims);
}
function qPow(a, k) {
    let result = quantity(Q.one);
    for (let i = 0; i < Math.abs(k); i++) result = k > 0 ? qMul(result, a) : qDiv(result, a);
    return result;
}

/**
 * An evaluator of CNMS expressions over an environment of names: numbers,
 * units (juxtaposed: `389.31 GJ/wan_Nm3`), `* /` left to right on one level
 * with juxtaposition, `^` with an integer exponent, `+ -`, parentheses, and
 * qualified library names (`ipcc2006.ncv_gas_diesel_oil`).
 */
export class Environment {
    constructor() {
        this.units = new Map();
        this.values = new Map();
        this.factors = new Map();
        this.gases = new Set();
        this.gwpSets = new Map();
    }

    lookup(name) {
        if (this.values.has(name)) return this.values.get(name);
        if (this.units.has(name)) return this.units.get(name);
        const factor = this.factors.get(name);
        if (factor) {
            if (factor.values.length !== 1) throw new Error(`factor ${name} has several values and is not a value`);
            return factor.values[0];
        }
        const prefix = MASS_PREFIXES.find(p => name.startsWith(p) && this.gases.has(name.slice(p.length)));
        if (prefix) {
            // longest prefix first would matter only for a gas named like a prefix; none is
            return quantity(this.units.get(prefix).value, new Map([[`mass:${name.slice(prefix.length)}`, 1]]));
        }
        throw new Error(`unknown name ${name}`);
    }

    evaluate(text) {
        const tokens = text.match(/[0-9][0-9_]*(?:\.[0-9_]+)?(?:[eE][+-]?[0-9]+)?|[\p{L}_%][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)?|[-+*/^()]/gu) ?? [];
        if (tokens.join('') !== text.replace(/\s+/g, '')) throw new Error(`cannot read expression ${text}`);
        let i = 0;
        const peek = () => tokens[i];
        const expression = () => {
            let value = term();
            while (peek() === '+' || peek() === '-') {
                const op = tokens[i++];
                value = qAdd(value, term(), op === '+' ? 1 : -1);
            }
            return value;
        };
        const startsPrimary = t => t !== undefined && (t === '(' || /^[0-9\p{L}_%]/u.test(t));
        const term = () => {
            let value = power();
            for (;;) {
                if (peek() === '*' || peek() === '/') {
                    const op = tokens[i++];
                    value = op === '*' ? qMul(value, power()) : qDiv(value, power());
                } else if (startsPrimary(peek())) {
                    value = qMul(value, power()); // a unit after a value
                } else {
                    return value;
                }
            }
        };
        const power = () => {
            const base = primary();
            if (peek() !== '^') return base;
            i++;
            let sign = 1;
            if (peek() === '-') { sign = -1; i++; }
            const exponent = tokens[i++];
            if (!/^[0-9]+$/.test(exponent)) throw new Error(`exponent ${exponent} in ${text}`);
            return qPow(base, sign * Number.parseInt(exponent, 10));
        };
        const primary = () => {
            const t = tokens[i++];
            if (t === '(') {
                const value = expression();
                if (tokens[i++] !== ')') throw new Error(`missing ) in ${text}`);
                return value;
            }
            if (t === '-') return qMul(quantity(rat(-1n)), primary());
            if (/^[0-9]/.test(t)) return quantity(Q.parse(t));
            return this.lookup(t);
        };
        const value = expression();
        if (i !== tokens.length) throw new Error(`unexpected ${tokens[i]} in ${text}`);
        return value;
    }

    /** A mass of one gas in tonnes: `{ gas, tonnes }`. */
    gasMass(q) {
        const entries = [...q.dims];
        if (entries.length !== 1 || !entries[0][0].startsWith('mass:') || entries[0][1] !== 1) {
            throw new Error(`not a mass of a gas: ${dimsKey(q.dims)}`);
        }
        return { gas: entries[0][0].slice(5), tonnes: Q.div(q.value, this.units.get('t').value) };
    }

    /** CO2e in tonnes of masses of gases under a GWP set. */
    co2e(masses, gwp) {
        const set = this.gwpSets.get(gwp);
        if (!set) throw new Error(`unknown GWP set ${gwp}`);
        return Q.sum(masses.map(({ gas, tonnes }) => {
            if (!set.has(gas)) throw new Error(`${gas} is not in ${gwp}`);
            return Q.mul(tonnes, set.get(gas));
        }));
    }
}

/** Strips comments, keeping strings (which may hold `//`). */
function stripComments(text) {
    return text.replace(/"(?:[^"\\]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, m => (m.startsWith('"') ? m : m.replace(/[^\n]/g, ' ')));
}

/**
 * The built-in library, read from its CNMS sources: dimensions and units,
 * gases, GWP sets, and every library's factors (each value with its gas) and
 * lets, under their qualified names. The files are written one statement to
 * a line, which is what this reader relies on (it fails loudly otherwise).
 */
export function loadBuiltins(dir = BUILTINS_DIR) {
    const env = new Environment();
    const files = ['units.cnms', 'gases.cnms', 'ipcc2006.cnms', 'china-grid.cnms'];
    const pendingUnits = [];
    for (const file of files) {
        const lines = stripComments(readFileSync(join(dir, file), 'utf8')).split('\n');
        let library;
        let block;
        for (const raw of lines) {
            const line = raw.trim();
            if (!line) continue;
            let m;
            if ((m = /^library (\w+)\b.*\{$/.exec(line))) {
                library = m[1];
            } else if ((m = /^gas (\w+)\b/.exec(line))) {
                env.gases.add(m[1]);
            } else if ((m = /^dimension (\w+)\b/.exec(line))) {
                // dimensions are implied by the base units
            } else if ((m = /^unit (\S+)(?: "(?:[^"\\]|\\.)*")? base (\w+)$/.exec(line))) {
                env.units.set(m[1], quantity(Q.one, new Map([[m[2], 1]])));
            } else if ((m = /^unit (\S+)(?: "(?:[^"\\]|\\.)*")? = (.+)$/.exec(line))) {
                pendingUnits.push([m[1], m[2]]);
                // units are declared in dependency order in units.cnms
                env.units.set(m[1], env.evaluate(m[2]));
            } else if ((m = /^gwp-set (\w+)\b.*\{$/.exec(line))) {
                block = { kind: 'gwp', name: m[1], values: new Map() };
                env.gwpSets.set(m[1], block.values);
            } else if (block?.kind === 'gwp' && (m = /^gwp (\w+) ([0-9][0-9_.eE+-]*)$/.exec(line))) {
                block.values.set(m[1], Q.parse(m[2]));
            } else if ((m = /^(factor|let) (\w+)(?: "(?:[^"\\]|\\.)*")?(?: = (.+?))?\s*(\{)?$/.exec(line))) {
                const name = library ? `${library}.${m[2]}` : m[2];
                const entry = { kind: m[1], name, values: m[3] ? [env.evaluate(m[3])] : [], region: undefined, year: undefined };
                if (m[1] === 'factor') env.factors.set(name, entry);
                else env.values.set(name, entry.values[0]);
                block = m[4] ? entry : undefined;
            } else if (block && block.kind === 'factor' && (m = /^value (.+)$/.exec(line))) {
                block.values.push(env.evaluate(m[1]));
            } else if (block && (m = /^region "(.*)"$/.exec(line))) {
                block.region = m[1];
            } else if (block && (m = /^year (\d+)$/.exec(line))) {
                block.year = Number.parseInt(m[1], 10);
            } else if (block && /^(source|uncertainty) /.test(line)) {
                // provenance, not a figure
            } else if (line === '}') {
                if (block) block = undefined;
                else library = undefined;
            } else {
                throw new Error(`${file}: cannot read "${line}"`);
            }
        }
    }
    for (const [name, entry] of env.factors) {
        if (entry.values.length === 0) throw new Error(`factor ${name} has no value`);
        for (const value of entry.values) {
            const perGas = [...value.dims].filter(([k]) => k.startsWith('mass:'));
            if (perGas.length !== 1 || perGas[0][1] !== 1) throw new Error(`factor ${name}: a value is not a mass of one gas per unit`);
        }
    }
    return env;
}

// ---------------------------------------------------------------------------
// A deterministic PRNG (mulberry32 on 32-bit integers): only integers leave it.

function prng(seed) {
    let a = seed >>> 0;
    const next = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return (t ^ (t >>> 14)) >>> 0;
    };
    return {
        next,
        /** An integer in [lo, hi] (BigInt-safe for the ranges used here). */
        int(lo, hi) {
            const span = BigInt(hi - lo + 1);
            const draw = (BigInt(next()) << 32n) | BigInt(next());
            return lo + Number(draw % span);
        },
        pick(list) {
            return list[this.int(0, list.length - 1)];
        },
        /** Picks by integer weights: [[weight, value], …]. */
        weighted(entries) {
            const total = entries.reduce((s, [w]) => s + w, 0);
            let x = this.int(0, total - 1);
            for (const [w, value] of entries) {
                if (x < w) return value;
                x -= w;
            }
            throw new Error('unreachable');
        }
    };
}

// ---------------------------------------------------------------------------
// The group: 50 plants across China's regional grids. `region` is the grid
// of the province, as the MEE groups them (CN-6.2-008).

const PLANTS = [
    ['tangshan', 'Tangshan', 'Tangshan, Hebei', 'North China'],
    ['handan', 'Handan', 'Handan, Hebei', 'North China'],
    ['shijiazhuang', 'Shijiazhuang', 'Shijiazhuang, Hebei', 'North China'],
    ['tianjin', 'Tianjin', 'Binhai New Area, Tianjin', 'North China'],
    ['beijing', 'Beijing', 'Fangshan District, Beijing', 'North China'],
    ['taiyuan', 'Taiyuan', 'Taiyuan, Shanxi', 'North China'],
    ['changzhi', 'Changzhi', 'Changzhi, Shanxi', 'North China'],
    ['jinan', 'Jinan', 'Jinan, Shandong', 'North China'],
    ['rizhao', 'Rizhao', 'Rizhao, Shandong', 'North China'],
    ['zibo', 'Zibo', 'Zibo, Shandong', 'North China'],
    ['qingdao', 'Qingdao', 'Qingdao, Shandong', 'North China'],
    ['baotou', 'Baotou', 'Baotou, Inner Mongolia', 'North China'],
    ['anshan', 'Anshan', 'Anshan, Liaoning', 'Northeast'],
    ['benxi', 'Benxi', 'Benxi, Liaoning', 'Northeast'],
    ['dalian', 'Dalian', 'Dalian, Liaoning', 'Northeast'],
    ['jilin', 'Jilin', 'Jilin City, Jilin', 'Northeast'],
    ['changchun', 'Changchun', 'Changchun, Jilin', 'Northeast'],
    ['harbin', 'Harbin', 'Harbin, Heilongjiang', 'Northeast'],
    ['chifeng', 'Chifeng', 'Chifeng, Inner Mongolia', 'Northeast'],
    ['shanghai', 'Shanghai', 'Baoshan District, Shanghai', 'East China'],
    ['nanjing', 'Nanjing', 'Nanjing, Jiangsu', 'East China'],
    ['suzhou', 'Suzhou', 'Suzhou, Jiangsu', 'East China'],
    ['changzhou', 'Changzhou', 'Changzhou, Jiangsu', 'East China'],
    ['ningbo', 'Ningbo', 'Ningbo, Zhejiang', 'East China'],
    ['hangzhou', 'Hangzhou', 'Hangzhou, Zhejiang', 'East China'],
    ['hefei', 'Hefei', 'Hefei, Anhui', 'East China'],
    ['maanshan', 'Ma\'anshan', 'Ma\'anshan, Anhui', 'East China'],
    ['fuzhou', 'Fuzhou', 'Fuzhou, Fujian', 'East China'],
    ['xiamen', 'Xiamen', 'Xiamen, Fujian', 'East China'],
    ['wuhan', 'Wuhan', 'Wuhan, Hubei', 'Central China'],
    ['xiangtan', 'Xiangtan', 'Xiangtan, Hunan', 'Central China'],
    ['zhengzhou', 'Zhengzhou', 'Zhengzhou, Henan', 'Central China'],
    ['anyang', 'Anyang', 'Anyang, Henan', 'Central China'],
    ['nanchang', 'Nanchang', 'Nanchang, Jiangxi', 'Central China'],
    ['chengdu', 'Chengdu', 'Chengdu, Sichuan', 'Central China'],
    ['panzhihua', 'Panzhihua', 'Panzhihua, Sichuan', 'Central China'],
    ['chongqing', 'Chongqing', 'Changshou District, Chongqing', 'Central China'],
    ['xian', 'Xi\'an', 'Xi\'an, Shaanxi', 'Northwest'],
    ['lanzhou', 'Lanzhou', 'Lanzhou, Gansu', 'Northwest'],
    ['jiayuguan', 'Jiayuguan', 'Jiayuguan, Gansu', 'Northwest'],
    ['xining', 'Xining', 'Xining, Qinghai', 'Northwest'],
    ['yinchuan', 'Yinchuan', 'Yinchuan, Ningxia', 'Northwest'],
    ['urumqi', 'Urumqi', 'Urumqi, Xinjiang', 'Northwest'],
    ['guangzhou', 'Guangzhou', 'Guangzhou, Guangdong', 'South'],
    ['zhanjiang', 'Zhanjiang', 'Zhanjiang, Guangdong', 'South'],
    ['liuzhou', 'Liuzhou', 'Liuzhou, Guangxi', 'South'],
    ['kunming', 'Kunming', 'Kunming, Yunnan', 'South'],
    ['guiyang', 'Guiyang', 'Guiyang, Guizhou', 'South'],
    ['haikou', 'Haikou', 'Haikou, Hainan', 'South'],
    ['lhasa', 'Lhasa', 'Lhasa, Tibet', 'Southwest']
];
const WORKS = [
    ['main', 'main works'], ['power', 'captive power plant'], ['coking', 'coking plant'], ['rolling', 'rolling mills'],
    ['lime', 'lime plant'], ['logistics', 'logistics yard'], ['oxygen', 'oxygen plant'], ['water', 'water works']
];
const GRID_YEAR = 2023;
const PERIOD = 2024;
const GWP = 'AR6';
/** Share of the sources in the large plant file that the benchmark edits: about 4,900 of 80,000 lines at 10,000 sources. */
const BIG_FILE_SHARE = rat(59n, 1000n);

/** What the organisation file declares for every plant; evaluated from these same texts. */
const SHARED_UNITS = [['wan_Nm3', 'ten thousand normal cubic metres 万标准立方米', '10^4 Nm3']];
const SHARED_LETS = [
    ['ncv_ng', 'Net calorific value of natural gas 天然气低位发热量', '389.31 GJ/wan_Nm3', 'GB/T 32151.5-2015, Appendix B, natural gas default', 2015, '2 %']
];
const SHARED_FACTORS = [
    ['ef_limestone', 'Limestone decomposition 石灰石分解', '0.4398 tCO2/t', 'Group laboratory, 2023 average CaCO3 and MgCO3 content of the limestone of all plants', 2023, '2 %']
];

const KINDS = {
    gas: { weight: 40, meter: 'natural gas flowmeter', meterTag: 'fm', accuracy: '1 %' },
    power: { weight: 20, meter: 'electricity meter', meterTag: 'em', accuracy: '0.5 %' },
    diesel: { weight: 20, meter: 'diesel dispenser meter', meterTag: 'dm', accuracy: '0.5 %' },
    direct: { weight: 20, meter: 'weighbridge', meterTag: 'wb', accuracy: '0.2 %' }
};
const GAS_UNITS = ['Reheating furnace', 'Annealing furnace', 'Ladle preheater', 'Boiler', 'Drying oven', 'Kiln burner', 'Hot-blast stove', 'Heat-treatment furnace'];
const POWER_UNITS = ['Substation', 'Motor control centre', 'Compressor house', 'Pump station', 'Rolling-mill drive', 'Electric arc furnace', 'Air separation unit', 'Office and canteen'];
const DIESEL_UNITS = ['Forklift fleet', 'Wheel loaders', 'Emergency generator', 'Site trucks', 'Locomotives', 'Mobile cranes'];
const DIRECT_UNITS = ['Lime kiln', 'Sinter flux', 'Desulphurisation', 'Electrode consumption', 'Flare', 'Calciner'];

/** A literal with `_` every three digits of its whole part, as people write them: `1_234_567.25`. */
function literal(whole, fraction = '') {
    const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '_');
    return fraction ? `${grouped}.${fraction}` : grouped;
}
const pad = (n, width) => String(n).padStart(width, '0');

/** Names wrapped `perLine` to a line after `head`, indented. */
function wrapList(head, names, perLine = 6, indent = '    ') {
    const lines = [];
    for (let i = 0; i < names.length; i += perLine) {
        const chunk = names.slice(i, i + perLine).join(', ');
        const last = i + perLine >= names.length;
        lines.push(i === 0 ? `${indent}${head} ${chunk}${last ? '' : ','}` : `${indent}    ${chunk}${last ? '' : ','}`);
    }
    return lines;
}

/**
 * The model. `sources` emission sources over `files` .cnms files (one
 * organisation file and `files − 1` plant files), `sites` sites (default: as
 * many as files), from `seed`.
 */
export function generateGroupModel({ sources = 10_000, files = 50, seed = 20240917, sites, builtins = BUILTINS_DIR } = {}) {
    if (!Number.isInteger(sources) || sources < 1) throw new Error('sources: a positive integer');
    if (!Number.isInteger(files) || files < 2) throw new Error('files: at least 2 (the organisation file and one plant file)');
    const plantFiles = files - 1;
    const siteCount = sites ?? files;
    if (siteCount < plantFiles) throw new Error('sites: at least one per plant file');
    const env = loadBuiltins(builtins);
    const random = prng(seed);

    // the organisation's own units, values and factors, evaluated from the texts written below
    for (const [name, , expr] of SHARED_UNITS) env.units.set(name, env.evaluate(expr));
    for (const [name, , expr] of SHARED_LETS) env.values.set(name, env.evaluate(expr));
    for (const [name, , expr] of SHARED_FACTORS) env.factors.set(name, { name, values: [env.evaluate(expr)] });
    const gridFactor = new Map();
    for (const [name, entry] of env.factors) {
        if (name.startsWith('china_grid.') && entry.year === GRID_YEAR && entry.region && entry.region !== 'national') gridFactor.set(entry.region, name);
    }

    /** CO2e in tonnes of `activity` × `factor` or of `emissions`, and the masses by gas. */
    const figures = ({ activity, factor, emissions }) => {
        const masses = emissions !== undefined
            ? [env.gasMass(env.evaluate(emissions))]
            : env.factors.get(factor).values.map(value => env.gasMass(qMul(env.evaluate(activity), value)));
        return { masses, co2e: env.co2e(masses, GWP) };
    };

    // ---- sites over plant files, sources over plant files and sites
    const plants = Array.from({ length: plantFiles }, (_, f) => {
        const [slug, city, location, region] = PLANTS[f % PLANTS.length];
        const round = Math.floor(f / PLANTS.length);
        const id = `p${pad(f + 1, 2)}_${slug}${round ? `_${round + 1}` : ''}`;
        return { index: f, id, city: round ? `${city} ${round + 1}` : city, location, region, path: `plants/${id}.cnms`, sites: [], sourceCount: 0 };
    });
    for (let k = 0; k < siteCount; k++) {
        const plant = plants[Math.floor((k * plantFiles) / siteCount)];
        const [tag, what] = WORKS[plant.sites.length % WORKS.length];
        const n = Math.floor(plant.sites.length / WORKS.length);
        plant.sites.push({ id: `${plant.id}_${tag}${n ? n + 1 : ''}`, title: `${plant.city} ${what}${n ? ` ${n + 1}` : ''}`, sources: [] });
    }
    const bigCount = plantFiles === 1 ? sources
        : Math.min(sources - (plantFiles - 1), Math.max(Number(Q.round(Q.mul(rat(BigInt(sources)), BIG_FILE_SHARE))), Math.ceil(sources / plantFiles)));
    plants[0].sourceCount = bigCount;
    for (let f = 1; f < plantFiles; f++) {
        const rest = sources - bigCount;
        plants[f].sourceCount = Math.floor((rest * f) / (plantFiles - 1)) - Math.floor((rest * (f - 1)) / (plantFiles - 1));
    }

    const records = [];
    const out = new Map();
    const removals = [];
    const reductions = [];
    const kindEntries = Object.entries(KINDS).map(([kind, k]) => [k.weight, kind]);

    for (const plant of plants) {
        const grid = gridFactor.get(plant.region);
        if (!grid) throw new Error(`no ${GRID_YEAR} grid factor for ${plant.region}`);
        const lines = [];
        const emit = text => lines.push(text);
        emit(`// ${plant.city} plant of the group: ${plant.sites.map(s => s.title).join(', ')}.`);
        emit(`// Grid: ${plant.region} (${grid}). Activity data for ${PERIOD} from the plant's energy management system.`);
        emit('');
        for (const site of plant.sites) {
            emit(`site ${site.id} "${site.title}" {`);
            emit(`    location "${plant.location}"`);
            emit('}');
        }
        emit('');
        // the plant's sources, split over its sites
        const perSite = plant.sites.map((_, s) => Math.floor((plant.sourceCount * (s + 1)) / plant.sites.length) - Math.floor((plant.sourceCount * s) / plant.sites.length));
        for (const [s, site] of plant.sites.entries()) {
            const bySite = { gas: [], power: [], diesel: [], direct: [] };
            for (let i = 0; i < perSite[s]; i++) bySite[random.weighted(kindEntries)].push(i);
            const meterUse = new Map(); // meter → activity texts read from it (CN-6.2-014: never the same twice)
            const meters = [];
            for (const kind of Object.keys(KINDS)) {
                const count = bySite[kind].length;
                if (count === 0) continue;
                const unitNames = { gas: GAS_UNITS, power: POWER_UNITS, diesel: DIESEL_UNITS, direct: DIRECT_UNITS }[kind];
                const ids = [];
                emit(`// ---- ${site.title}: ${{ gas: 'natural gas combustion', power: 'purchased electricity', diesel: 'diesel', direct: 'process emissions' }[kind]} (${count}) ----`);
                for (let j = 0; j < count; j++) {
                    const id = `${site.id}_${kind}_${pad(j + 1, 4)}`;
                    ids.push(id);
                    const meterNo = Math.floor(j / 20) + 1;
                    const meter = `${site.id}_${KINDS[kind].meterTag}${pad(meterNo, 2)}`;
                    if (!meterUse.has(meter)) {
                        meterUse.set(meter, new Set());
                        meters.push([meter, kind, meterNo]);
                    }
                    const unit = `${unitNames[j % unitNames.length]} ${Math.floor(j / unitNames.length) + 1}`;
                    let source;
                    do {
                        source = drawSource(kind, random, grid);
                    } while (meterUse.get(meter).has(source.key));
                    meterUse.get(meter).add(source.key);
                    const start = lines.length;
                    emit(`source ${id} "${unit}, ${source.what}" at ${site.id} {`);
                    emit(`    category ${source.category}`);
                    const valueLine = lines.length;
                    emit(`    ${source.keyword} ${source.text}`);
                    if (source.factor) emit(`    factor ${source.factor}`);
                    emit(`    monitored-by ${meter}`);
                    emit(`    data-quality ${source.quality}`);
                    emit(`    uncertainty ${source.uncertainty}`);
                    emit('}');
                    const { co2e, masses } = figures(source.keyword === 'emissions' ? { emissions: source.text } : { activity: source.text, factor: source.factor });
                    const number = Q.parse(source.number);
                    records.push({
                        id, kind, file: plant.path, site: site.id, line: valueLine, startLine: start,
                        character: `    ${source.keyword} `.length, number: source.number,
                        /** tCO2e per unit of the written number: the figure is linear in it */
                        rate: Q.div(co2e, number), co2e, masses
                    });
                }
                emit('');
                site.controls ??= [];
                site.controls.push([kind, ids]);
            }
            // meters of the site
            emit(`// ---- ${site.title}: meters (7.1) ----`);
            for (const [meter, kind, no] of meters) {
                emit(`meter ${meter} "${site.title}, ${KINDS[kind].meter} ${pad(no, 2)}" {`);
                emit(`    accuracy ${KINDS[kind].accuracy}`);
                emit(`    calibrated ${PERIOD}-${pad(1 + random.int(0, 2), 2)}-${pad(1 + random.int(0, 27), 2)}`);
                emit('    interval 12 months');
                emit('}');
            }
            emit('');
            // operational control of every source (8.1)
            emit(`// ---- ${site.title}: operational control (8.1) ----`);
            for (const [kind, ids] of site.controls) {
                emit(`control ${site.id}_${kind}_control "${site.title}, ${kind} operating criteria" {`);
                for (const line of wrapList('applies-to', ids, 8)) emit(line);
                emit(`    criteria "${{ gas: 'Specific gas use within 3 % of the monthly plan; burner tuning each quarter', power: 'Power factor at least 0.95; demand within the contracted maximum', diesel: 'Idling under 10 % of engine hours; monthly fuel reconciliation', direct: 'Raw-material analysis each batch; mass balance each month' }[kind]}"`);
                emit('    owner energy_manager');
                emit('}');
            }
            emit('');
            // a greenbelt at one site in three, a reduction project at every first site of a plant
            if (random.int(0, 2) === 0) {
                const amount = literal(random.int(40, 2_400));
                const id = `${site.id}_greenbelt`;
                emit(`removal ${id} "${site.title} greenbelt" at ${site.id} {`);
                emit(`    amount ${amount} tCO2`);
                emit('    method "Forestry carbon-sink methodology, plot survey of the period"');
                emit('}');
                emit('');
                removals.push(env.gasMass(env.evaluate(`${amount} tCO2`)));
            }
            if (s === 0 && bySite.gas.length > 0) {
                const id = `${site.id}_burners`;
                const on = site.controls.find(([kind]) => kind === 'gas')[1].slice(0, 3);
                emit(`reduction ${id} "${site.title}: regenerative burners" {`);
                emit(`    on ${on.join(', ')}`);
                emit('    cuts 8 %');
                emit('    from 2026');
                emit('    status planned');
                emit('    owner energy_manager');
                emit('}');
                emit('');
                reductions.push(id);
            }
            site.sourceCount = perSite[s];
        }
        while (lines.at(-1) === '') lines.pop();
        out.set(plant.path, `${lines.join('\n')}\n`);
    }

    // ---- the figures
    const emissions = Q.sum(records.map(r => r.co2e));
    const removalTotal = env.co2e(removals, GWP);
    const offsetQuantity = literal(Q.round(Q.mul(emissions, rat(2n, 100n))) || 1n);
    const offsets = Q.parse(offsetQuantity);
    const net = Q.sub(Q.sub(emissions, removalTotal), offsets);
    const base = Q.round(Q.mul(emissions, rat(115n, 100n))); // the 2020 base year, 15 % above the period

    // ---- the organisation file
    const allSites = plants.flatMap(p => p.sites.map(s => s.id));
    const o = [];
    const put = text => o.push(text);
    put('// Huaxia Industrial Group — carbon-neutrality management system (benchmark model).');
    put(`// Generated by scripts/generate-group-model.mjs (seed ${seed}): ${sources} sources at ${siteCount} sites in ${files} files.`);
    put('// The plants are under plants/, one file each; this file holds the organisation, what every plant shares and the management system.');
    put('');
    put('organization huaxia_group "Huaxia Industrial Group Co., Ltd." {');
    put('    industry "C3110"');
    put('    consolidation operational-control');
    put(`    period ${PERIOD}`);
    put('    base-year 2020');
    put(`    gwp ${GWP}`);
    put('    scope2 location-based');
    put(`    ms-scope "All production and support activities of the group's ${plants.length} plants and ${siteCount} sites in mainland China"`);
    put('    materiality 1 %');
    put('    recalculation-threshold 5 %');
    put('}');
    put('');
    put('// ---------------------------------------------------------------------------');
    put('// Units, values and factors every plant uses');
    put('');
    for (const [name, title, expr] of SHARED_UNITS) put(`unit ${name} "${title}" = ${expr}`);
    for (const [name, title, expr, source, year, uncertainty] of SHARED_LETS) {
        put(`let ${name} "${title}" = ${expr} {`, );
        put(`    source "${source}"`);
        put(`    year ${year}`);
        put(`    uncertainty ${uncertainty}`);
        put('}');
    }
    for (const [name, title, expr, source, year, uncertainty] of SHARED_FACTORS) {
        put(`factor ${name} "${title}" = ${expr} {`);
        put(`    source "${source}"`);
        put(`    year ${year}`);
        put(`    uncertainty ${uncertainty}`);
        put('}');
    }
    put('');
    put('// ---------------------------------------------------------------------------');
    put('// 4 Context');
    put('');
    put('issue energy_prices "Energy prices and the national carbon market" {\n    kind external\n    effect "Allowance prices and gas prices raise the cost of every tonne emitted"\n}');
    put('issue cbam "EU carbon border adjustment mechanism" {\n    kind external\n    effect "Exports to the EU must declare embedded emissions from 2026"\n}');
    put('issue plant_diversity "Fifty plants, fifty energy teams" {\n    kind internal\n    effect "Accounting practice differs between plants; one model keeps it consistent"\n}');
    put('party regulators "Provincial ecology and environment departments" {\n    needs "Verified annual emission reports of every plant in the ETS"\n    obligation yes\n}');
    put('party customers "Automotive and appliance customers" {\n    needs "Product carbon footprints and low-carbon steel"\n    obligation no\n}');
    put('');
    put('// 5 Leadership');
    put('');
    put('role general_manager "General manager" {\n    responsibilities "Leads the carbon-neutrality management system of the group"\n    authority "Approves the policy, the targets and the resources"\n    top-management\n}');
    put('role energy_manager "Group energy and carbon manager" {\n    responsibilities "Runs the system, the inventory of every plant and the reporting to top management"\n    authority "Sets the accounting rules of the plants and coordinates their energy teams"\n    ms-representative\n}');
    put('role carbon_accountant "Carbon accountant" {\n    responsibilities "Collects activity data, keeps factors and checks data quality"\n    authority "May ask any plant for metering and laboratory data"\n}');
    put('policy cn_policy "Carbon-neutrality policy" {\n    text "The group saves energy first, cuts process emissions, complies with its obligations, improves continually and becomes carbon neutral by 2060."');
    put('    neutral-by 2060\n    commits compliance, improvement, neutrality\n    approved-by general_manager\n    approved 2024-01-16\n    communicated yes\n}');
    put('');
    put('// 6.1 Risks, opportunities and obligations');
    put('');
    put('risk allowance_cost "Allowance shortfall in the national ETS" {\n    kind risk\n    likelihood medium\n    impact high\n    action "Quarterly allowance forecast per plant; efficiency projects first"\n    owner energy_manager\n}');
    put('risk green_steel "Demand for low-carbon products" {\n    kind opportunity\n    likelihood medium\n    impact medium\n    action "Certified product footprints for the main product lines"\n    owner general_manager\n}');
    put('obligation ets_reporting "ETS emission reporting and allowance surrender" {');
    put('    requirement "Annual verified emission report of every plant and timely surrender of allowances"');
    put('    source "Interim Regulations on the Administration of Carbon Emissions Trading (State Council Decree No. 775)"');
    for (const line of wrapList('applies-to', allSites, 5)) put(line);
    put('}');
    put('');
    put('// 6.3, 6.5 Reductions, targets and the plan (the reductions are in the plant files)');
    put('');
    put(`target interim_2028 "Scope 1 and 2 down 20 % from 2020 by 2028" {\n    kind absolute-reduction\n    categories 1, 2\n    base-year 2020\n    base ${literal(base)} tCO2e\n    reduce 20 %\n    year 2028\n}`);
    put(`target neutral_2060 "Carbon neutral by 2060" {\n    kind carbon-neutral\n    categories 1, 2\n    base-year 2020\n    base ${literal(base)} tCO2e\n    year 2060\n}`);
    put('plan cn_plan "Carbon-neutrality management plan 2024–2060" {');
    put('    targets interim_2028, neutral_2060');
    if (reductions.length) for (const line of wrapList('reductions', reductions, 4)) put(line);
    put('    offset-strategy "Registered CCER credits for residual emissions only, at most 5 % of a year\'s emissions"');
    put('    updated 2024-11-28');
    put('}');
    put('');
    put('// 6.4 Offsets');
    put('');
    put(`offset ccer_forest_2024 "CCER afforestation, Chengde" {\n    standard CCER\n    project "Chengde afforestation carbon-sink project"\n    registry "National voluntary GHG emission reduction registry"`);
    put(`    serial "CCER-1301-2023-000001-${pad(offsetQuantity.replace(/_/g, ''), 6)}"\n    kind removal\n    vintage 2023\n    quantity ${offsetQuantity} tCO2e\n    retired 2025-03-20\n    retired-for "Huaxia Industrial Group Co., Ltd."\n    applies-to ${PERIOD}\n}`);
    put('offset ccer_wind_reserve "CCER offshore wind (held for 2025)" {\n    standard CCER\n    project "Tangshan offshore wind project"\n    registry "National voluntary GHG emission reduction registry"');
    put('    serial "CCER-1302-2024-000001-030000"\n    kind reduction\n    vintage 2024\n    quantity 30_000 tCO2e\n}');
    put('');
    put('// 7 Support');
    put('');
    put('training accounting_2024 "GHG accounting for plant energy teams" {\n    for energy_manager, carbon_accountant\n    topic "Inventory rules of the group, data quality, the CNMS model"\n    date 2024-03-12\n}');
    put('training leadership_2024 "The standard for top management" {\n    for general_manager\n    topic "Carbon-neutrality standard and the management review"\n    date 2024-04-09\n}');
    put('document manual "Management system manual" {\n    path "docs/manual.md"\n    owner energy_manager\n    version "2.1"\n}');
    put('document ccer_forest_2024 "Retirement certificate of the Chengde CCER credits" {\n    path "docs/offsets/ccer-forest-2024.md"\n    owner carbon_accountant\n    version "1"\n}');
    put('document ccer_wind_reserve "Registry record of the offshore wind CCER credits" {\n    path "docs/offsets/ccer-wind-reserve.md"\n    owner carbon_accountant\n    version "1"\n}');
    put('');
    put('// 8 Operation (each plant file holds its controls)');
    put('');
    put('procurement low_carbon_purchasing "Low-carbon purchasing" {\n    criteria "Verified footprints and efficiency classes are criteria of every energy-relevant purchase"\n}');
    put('design low_carbon_design "Low-carbon design" {\n    criteria "New furnaces have regenerative burners and waste-heat recovery"\n}');
    put('');
    put('// 9 Performance evaluation, 10 Improvement');
    put('');
    put('compliance-check cc_2024 "Compliance evaluation 2024" {\n    date 2024-12-16\n    obligations ets_reporting\n    result "All plant reports filed and verified"\n}');
    put('audit ia_2024 "Internal audit 2024" {\n    date 2024-10-22\n    auditor "Group internal audit team"\n    scope "All plants and all clauses"\n}');
    put('review mr_2024 "Management review 2024" {\n    date 2024-12-27\n    chaired-by general_manager\n    decisions "Fund the burner programme; extend sub-metering to all plants"\n}');
    put('evaluation eval_2024 "Carbon-neutrality evaluation 2024" {\n    date 2025-01-20\n    result "Inventory complete for all plants; on the path to the 2028 target"\n}');
    put('improvement submetering "Sub-metering of every furnace" {\n    description "Flowmeters on every furnace line, read by the energy management system"\n    owner energy_manager\n}');
    const orgText = `${o.join('\n')}\n`;

    const result = new Map();
    result.set('organization.cnms', orgText);
    for (const plant of plants) result.set(plant.path, out.get(plant.path));
    result.set('docs/offsets/ccer-forest-2024.md', '# CCER afforestation, Chengde: retirement certificate\n\nRetired 2025-03-20 for Huaxia Industrial Group Co., Ltd., period 2024.\n');
    result.set('docs/offsets/ccer-wind-reserve.md', '# CCER offshore wind: registry record\n\nHeld, not retired; for the 2025 period.\n');
    result.set('docs/manual.md', '# Management system manual\n\nThe carbon-neutrality management system of Huaxia Industrial Group (benchmark model).\n');

    const lineCount = [...result].filter(([p]) => p.endsWith('.cnms')).reduce((sum, [, text]) => sum + text.split('\n').length - 1, 0);
    return {
        files: result,
        expected: {
            emissions: Q.toDecimal(emissions),
            removals: Q.toDecimal(removalTotal),
            offsets: Q.toDecimal(offsets),
            net: Q.toDecimal(net),
            sources: records.length,
            sites: siteCount,
            cnmsFiles: files,
            lines: lineCount,
            gwp: GWP,
            period: PERIOD
        },
        /** Exact figures, for callers that recompute after an edit. */
        exact: { emissions, removals: removalTotal, offsets, net },
        bigFile: plants[0].path,
        records
    };
}

/** One source of `kind`: the text it writes, its number and its properties; `key` is its activity (one meter never reads the same twice). */
function drawSource(kind, random, grid) {
    const uncertain = list => random.pick(list);
    switch (kind) {
        case 'gas': {
            if (random.int(0, 3) === 0) {
                const number = literal(random.int(5, 500), pad(random.int(0, 99), 2));
                return { what: 'natural gas', category: '1.1', keyword: 'activity', number, text: `${number} wan_Nm3 * ncv_ng`, key: `${number} wan_Nm3`, factor: 'ipcc2006.natural_gas', quality: 'measured', uncertainty: uncertain(['1.5 %', '2 %']) };
            }
            const number = literal(random.int(50_000, 5_000_000));
            return { what: 'natural gas', category: '1.1', keyword: 'activity', number, text: `${number} Nm3 * ncv_ng`, key: `${number} Nm3`, factor: 'ipcc2006.natural_gas', quality: 'measured', uncertainty: uncertain(['1 %', '1.5 %', '2 %']) };
        }
        case 'power': {
            const number = literal(random.int(100, 20_000), pad(random.int(0, 999), 3));
            return { what: 'purchased electricity', category: '2', keyword: 'activity', number, text: `${number} MWh`, key: number, factor: grid, quality: 'measured', uncertainty: uncertain(['0.5 %', '1 %']) };
        }
        case 'diesel': {
            const number = literal(random.int(5, 2_000), pad(random.int(0, 99), 2));
            const mobile = random.int(0, 1) === 0;
            return { what: 'diesel', category: mobile ? '1.2' : '1.1', keyword: 'activity', number, text: `${number} t * ipcc2006.ncv_gas_diesel_oil`, key: number, factor: 'ipcc2006.gas_diesel_oil', quality: random.pick(['measured', 'calculated']), uncertainty: uncertain(['2 %', '3 %']) };
        }
        case 'direct': {
            if (random.int(0, 2) === 0) {
                const number = literal(random.int(1_000, 60_000));
                return { what: 'limestone decomposition', category: '1.3', keyword: 'emissions', number, text: `${number} t * ef_limestone`, key: number, quality: 'calculated', uncertainty: uncertain(['3 %', '5 %']) };
            }
            const number = literal(random.int(10, 8_000), String(random.int(0, 9)));
            return { what: 'process CO2', category: '1.3', keyword: 'emissions', number, text: `${number} tCO2`, key: number, quality: random.pick(['calculated', 'estimated']), uncertainty: uncertain(['5 %', '10 %']) };
        }
        default:
            throw new Error(kind);
    }
}

/** Writes the model under `dir`. */
export function writeModel(files, dir) {
    for (const [path, text] of files) {
        const full = join(dir, path);
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, text);
    }
}

// ---------------------------------------------------------------------------
// CLI

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const args = process.argv.slice(2);
    const option = (name, fallback) => {
        const i = args.indexOf(name);
        if (i < 0) return fallback;
        const value = args[i + 1];
        if (value === undefined) throw new Error(`${name} needs a value`);
        return value;
    };
    const integer = (name, fallback) => {
        const value = option(name, undefined);
        if (value === undefined) return fallback;
        if (!/^[0-9]+$/.test(value)) throw new Error(`${name}: an integer`);
        return Number.parseInt(value, 10);
    };
    try {
        const model = generateGroupModel({ sources: integer('--sources', 10_000), files: integer('--files', 50), seed: integer('--seed', 20240917), sites: integer('--sites', undefined) });
        const dir = option('--out', undefined);
        if (dir) writeModel(model.files, dir);
        const big = model.files.get(model.bigFile);
        if (args.includes('--json')) {
            console.log(JSON.stringify({ ...model.expected, bigFile: model.bigFile, bigFileLines: big.split('\n').length - 1, out: dir ?? null }, null, 2));
        } else {
            const e = model.expected;
            if (dir) console.log(`wrote ${model.files.size} files to ${dir}`);
            console.log(`model: ${e.sources} sources at ${e.sites} sites in ${e.cnmsFiles} .cnms files, ${e.lines} lines; large file ${model.bigFile} (${big.split('\n').length - 1} lines)`);
            console.log(`expected emissions ${e.emissions} tCO2e (GWP ${e.gwp}, period ${e.period})`);
            console.log(`expected removals ${e.removals} tCO2e, offsets ${e.offsets} tCO2e, net ${e.net} tCO2e`);
        }
    } catch (error) {
        console.error(`generate-group-model: ${error.message}`);
        process.exit(2);
    }
}
