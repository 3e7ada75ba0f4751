// Loaded with `node --import` by a test: makes the check of the rule that
// CNMS_TEST_FAILING_RULE names throw, as a defect in it would, so that a test
// can see what the CLI does with a rule that fails. (The CLI imports the same
// module instance of @cnms/language, after this.)
import '@cnms/language/polyfills';
import { ruleById } from '@cnms/language';

const rule = ruleById(process.env.CNMS_TEST_FAILING_RULE);
rule.check = () => {
    throw new Error('a test made this rule fail');
};
