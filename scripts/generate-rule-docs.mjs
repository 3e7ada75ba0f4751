// Writes docs/rules/<id>.md for every rule of the catalogue and the index
// docs/rules/README.md, from the catalogue (packages/language, built) and the
// rule's test fixtures (test/fixtures/rules/<id>/fires and …/fixed), which the
// tests parse: the examples on each page are the models the tests check.
// `--check` fails when a committed page is stale.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { RULES } = await import(`${root}packages/language/out/index.js`);
const out = join(root, 'docs/rules');
const check = process.argv.includes('--check');
const SEVERITY = { error: 'error · 错误', warning: 'warning · 警告', info: 'info · 提示' };

function files(dir) {
    if (!existsSync(dir)) return [];
    return readdirSync(dir).sort().flatMap(name => {
        const full = join(dir, name);
        return statSync(full).isDirectory() ? files(full) : [full];
    });
}

function example(dir) {
    return files(dir).filter(f => f.endsWith('.cnms') || f.endsWith('cnms.json')).map(file => {
        const name = relative(dir, file);
        const language = file.endsWith('.json') ? 'json' : 'cnms';
        return `\`${name}\`\n\n\`\`\`${language}\n${readFileSync(file, 'utf8').trimEnd()}\n\`\`\``;
    }).join('\n\n');
}

function clauseLabel(rule) {
    return rule.clause === null ? 'Language and figures · 语言与数值' : rule.clause === 'ISO 14068-1' ? 'Claim gates (ISO 14068-1) · 声明门槛' : rule.clause === 'CBAM' ? 'Products and the EU CBAM (docs/cbam.md) · 产品与欧盟碳边境调节机制' : `Clause ${rule.clause} · 第 ${rule.clause} 条`;
}

function page(rule) {
    const fixtures = join(root, 'test/fixtures/rules', rule.id);
    const messages = Object.entries(rule.messages).map(([key, text]) => `| \`${key}\` | ${text.en.replace(/\|/g, '\\|')} | ${text['zh-CN'].replace(/\|/g, '\\|')} |`).join('\n');
    return `# ${rule.id} — ${rule.title.en}｜${rule.title['zh-CN']}

${clauseLabel(rule)} · ${SEVERITY[rule.severity]} · ${rule.defaultOn ? 'on by default · 默认启用' : 'off by default · 默认关闭'}

## What it checks · 检查内容

${rule.description.en}

${rule.description['zh-CN']}

## Why · 依据

${rule.rationale.en}

${rule.rationale['zh-CN']}

## A model that fires it · 触发示例

Lines marked \`expect: ${rule.id}\` are where the diagnostic appears. · 标有 \`expect: ${rule.id}\` 的行即诊断出现的位置。

${example(join(fixtures, 'fires'))}

## The model fixed · 修正后

${example(join(fixtures, 'fixed'))}

## Messages · 消息

| key | en | zh-CN |
|---|---|---|
${messages}
${rule.id.startsWith('CN-NUM-') ? '\nThe language rules are always on. · 语言规则始终启用。\n' : `
## Settings · 设置

In the model's \`cnms.json\` · 在模型的 \`cnms.json\` 中：

\`\`\`json
{ "rules": { "${rule.id}": "off" } }
\`\`\`

Values · 取值：\`"off"\`, \`"on"\`, \`"error"\`, \`"warning"\`, \`"info"\`.
`}`;
}

function index() {
    const groups = new Map();
    for (const rule of RULES) {
        const label = clauseLabel(rule);
        if (!groups.has(label)) groups.set(label, []);
        groups.get(label).push(rule);
    }
    const sections = [...groups].map(([label, rules]) => `## ${label}\n\n| rule | severity | title |\n|---|---|---|\n${rules.map(r => `| [${r.id}](${r.id}.md) | ${r.severity} | ${r.title.en}｜${r.title['zh-CN']} |`).join('\n')}`);
    return `# The rule catalogue · 规则目录

Every check of \`cnms validate\` and the editor, by clause of the industrial carbon-neutrality management standard. Each page says what the rule checks, why, and shows a model that fires it and the model fixed (both are test fixtures). Switch a clause rule off or change its severity in the model's \`cnms.json\`:

\`\`\`json
{ "rules": { "CN-8.2-001": "off", "CN-6.2-013": "error" } }
\`\`\`

${sections.join('\n\n')}
`;
}

const pages = new Map(RULES.map(rule => [join(out, `${rule.id}.md`), page(rule)]));
pages.set(join(out, 'README.md'), index());
let stale = 0;
if (!check) mkdirSync(out, { recursive: true });
for (const [file, text] of pages) {
    if (check) {
        if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
            console.error(`${relative(root, file)} is stale: run \`node scripts/generate-rule-docs.mjs\` and commit it`);
            stale++;
        }
    } else {
        writeFileSync(file, text);
    }
}
if (check) {
    if (stale > 0) process.exit(1);
    console.log(`rule docs are fresh (${pages.size} pages)`);
} else {
    console.log(`wrote ${pages.size} pages to docs/rules/`);
}
