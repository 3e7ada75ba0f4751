// Loaded with `node --import` by a test: makes the check of the rule that
// CNMS_TEST_FAILING_RULE names throw, as a defect in it would, so that a test
// can see what the CLI does with a rule that fails. The CLI runs from its
// bundle (packages/cli/esbuild.mjs), so this patches the bundle's own copy of
// the rule catalogue: it imports the files of the bundle that hold the
// polyfill and the catalogue (chunks.json says which), the same module
// instances the CLI imports after this, and changes the rule in RULES.
import { readFileSync } from 'node:fs';

const bundle = new URL('../../packages/cli/out/bundle/', import.meta.url);
const chunks = JSON.parse(readFileSync(new URL('chunks.json', bundle), 'utf8'));
const holding = module => Object.keys(chunks).find(file => chunks[file].includes(module));
await import(new URL(holding('object.groupby'), bundle).href);
const catalogue = await import(new URL(holding('@cnms/language/out/rules/catalogue.js'), bundle).href);
const id = process.env.CNMS_TEST_FAILING_RULE;
const rules = Object.values(catalogue).find(value => Array.isArray(value) && value.some(rule => rule?.id === id && typeof rule.check === 'function'));
if (!rules) throw new Error(`failing-rule.mjs: no rule catalogue with ${id} in the CLI's bundle`);
rules.find(rule => rule.id === id).check = () => {
    throw new Error('a test made this rule fail');
};
