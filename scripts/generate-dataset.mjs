// A model that reads its activity from CSV datasets, at the size of a group:
// ROWS meter readings of 2024 in FILES files (one dataset per plant), summed
// into SOURCES sources (one meter each, all its readings of the year). The
// readings are decimals of three places from a seeded generator, and the
// expected total is summed here exactly (BigInt millionths of a MWh), so that a
// benchmark can check the figure as well as the time.
//
// Usage: node scripts/generate-dataset.mjs DIR [--rows 1000000] [--sources 500] [--files 10] [--seed N]
//        (prints the folder, the row count and the expected net in tCO2e)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from './seeded-random.mjs';

/** The text of a plant's CSV: `meter,month,energy,energy_unit`, kWh for one meter in four, MWh for the others. */
function csvOf(plant, meters, rows, random, millionths) {
    const lines = ['meter,month,energy,energy_unit'];
    for (let row = 0; row < rows; row++) {
        const meter = meters[row % meters.length];
        const month = String(1 + (Math.floor(row / meters.length) % 12)).padStart(2, '0');
        const day = String(1 + (Math.floor(row / meters.length / 12) % 28)).padStart(2, '0');
        // 0.001 … 999.999, written with three places
        const value = 1 + Math.floor(random() * 999_999);
        const text = `${Math.floor(value / 1000)}.${String(value % 1000).padStart(3, '0')}`;
        const kwh = meter.endsWith('1');
        lines.push(`${meter},2024-${month}-${day},${text},${kwh ? 'kWh' : 'MWh'}`);
        // millionths of a MWh: a reading is `value` thousandths of a kWh or of a MWh
        millionths.set(meter, (millionths.get(meter) ?? 0n) + (kwh ? BigInt(value) : BigInt(value) * 1000n));
    }
    return `${lines.join('\n')}\n`;
}

/**
 * Writes the model into `dir` and returns what to expect: the CSV files, and
 * the net in tCO2e as an exact decimal string (factor 0.5 tCO2/MWh).
 */
export function generateDatasetModel(dir, { rows = 1_000_000, sources = 500, files = 10, seed = 20241130 } = {}) {
    const random = seededRandom(seed);
    mkdirSync(join(dir, 'data'), { recursive: true });
    const model = [
        'organization group "Group Co." {', '    consolidation operational-control', '    period 2024', '    gwp AR6', '    ms-scope "All plants"', '}',
        'site plant "Plant" { location "Hangzhou, Zhejiang" }'
    ];
    const millionths = new Map();
    const csvFiles = [];
    for (let f = 0; f < files; f++) {
        const plant = `plant_${String(f + 1).padStart(2, '0')}`;
        const first = Math.floor((f * sources) / files);
        const last = Math.floor(((f + 1) * sources) / files);
        const meters = [];
        for (let m = first; m < last; m++) meters.push(`M-${String(m + 1).padStart(5, '0')}`);
        const count = Math.floor(((f + 1) * rows) / files) - Math.floor((f * rows) / files);
        const path = `data/${plant}-2024.csv`;
        writeFileSync(join(dir, path), csvOf(plant, meters, count, random, millionths));
        csvFiles.push(path);
        model.push(`dataset ${plant} "${path}" {`, '    column meter text', '    column month date', '    column energy unit-from energy_unit', '}');
        for (const meter of meters) {
            model.push(`source s_${meter.slice(2)} at plant {`, '    category 2', `    activity sum(${plant}.energy where meter = "${meter}", month in 2024)`,
                '    factor 0.5 tCO2/MWh', '    data-quality measured', '    uncertainty 2 %', '}');
        }
    }
    writeFileSync(join(dir, 'model.cnms'), `${model.join('\n')}\n`);
    let total = 0n;
    for (const value of millionths.values()) total += value;
    // millionths of a MWh × 0.5 tCO2/MWh = tCO2 in ten-millionths
    return { dir, csvFiles, rows, sources, net: decimal(total * 5n, 7) };
}

/** A non-negative BigInt of `places` decimal places as a plain decimal string, without trailing zeros. */
export function decimal(scaled, places) {
    const digits = scaled.toString().padStart(places + 1, '0');
    const whole = digits.slice(0, digits.length - places);
    const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
    return fraction ? `${whole}.${fraction}` : whole;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
    const argv = process.argv.slice(2);
    const arg = (name, fallback) => {
        const i = argv.indexOf(name);
        return i >= 0 ? Number.parseInt(argv[i + 1], 10) : fallback;
    };
    const dir = argv[0];
    if (!dir || dir.startsWith('--')) {
        console.error('usage: node scripts/generate-dataset.mjs DIR [--rows 1000000] [--sources 500] [--files 10] [--seed N]');
        process.exit(2);
    }
    const result = generateDatasetModel(dir, { rows: arg('--rows', 1_000_000), sources: arg('--sources', 500), files: arg('--files', 10), seed: arg('--seed', 20241130) });
    console.log(`${result.dir}: ${result.rows} rows in ${result.csvFiles.length} files, ${result.sources} sources; expected net ${result.net} tCO2e`);
}
