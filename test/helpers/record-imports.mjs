// Loaded with `node --import` by a test: records every module the process
// resolves, one URL a line, in the file CNMS_TEST_IMPORT_LOG names, so that a
// test can see which code a command loaded.
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url, { data: { log: process.env.CNMS_TEST_IMPORT_LOG } });
