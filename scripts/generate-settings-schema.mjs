// Writes packages/vscode/schemas/cnms.schema.json, the JSON schema of a
// model's cnms.json (rule settings), from the rule catalogue (packages/language,
// built): VS Code completes and checks cnms.json with it (the extension's
// `jsonValidation`). The language rules (CN-NUM) are always on and not
// settable, as rule-settings.ts says. `--check` fails when the committed schema is stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { RULES } = await import(`${root}packages/language/out/index.js`);
const file = join(root, 'packages/vscode/schemas/cnms.schema.json');
const check = process.argv.includes('--check');

const SETTINGS = ['off', 'on', 'error', 'warning', 'info'];
const settingDescriptions = [
    'Switch the rule off. 关闭此规则。',
    'Run the rule with its own severity (for a rule that is off by default). 以默认严重程度运行此规则。',
    'Report its findings as errors. 以错误报告。',
    'Report its findings as warnings. 以警告报告。',
    'Report its findings as notes. 以提示报告。'
];
const properties = Object.fromEntries(
    RULES.filter(rule => !rule.id.startsWith('CN-NUM-')).map(rule => [
        rule.id,
        {
            description: `${rule.title.en} · ${rule.title['zh-CN']} (${rule.severity}, ${rule.defaultOn ? 'on' : 'off'} by default)`,
            enum: SETTINGS,
            enumDescriptions: settingDescriptions
        }
    ])
);
const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://cnms.dev/schemas/cnms.schema.json',
    title: 'CNMS rule settings (cnms.json)',
    description: "The settings of a CNMS model, beside its organisation file: which of the standard's rules run and with which severity. 模型的规则设置。",
    type: 'object',
    additionalProperties: false,
    properties: {
        $schema: { type: 'string' },
        rules: {
            description: 'Rule id → off | on | error | warning | info. The language rules (CN-NUM-…) are always on. 规则编号 → 设置；CN-NUM 规则始终启用。',
            type: 'object',
            additionalProperties: false,
            properties
        }
    }
};
const text = `${JSON.stringify(schema, null, 2)}\n`;
if (check) {
    let committed = '';
    try {
        committed = readFileSync(file, 'utf8');
    } catch {
        // missing
    }
    if (committed !== text) {
        console.error('packages/vscode/schemas/cnms.schema.json is stale: run `node scripts/generate-settings-schema.mjs` and commit it');
        process.exit(1);
    }
    console.log('the cnms.json schema is fresh');
} else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote packages/vscode/schemas/cnms.schema.json (${Object.keys(properties).length} rules)`);
}
