import { join } from 'node:path';
import { expect, test } from 'vitest';
import { REPO, runCli } from './helpers/cli.js';

// The whole `cnms validate --lang zh-CN` output on one rule fixture: a change
// to any Chinese message or to the layout shows up in review.
test('cnms validate --lang zh-CN on a fixture', () => {
    const dir = join(REPO, 'test/fixtures/rules/CN-5.2-003/fires');
    const result = runCli(['validate', dir, '--lang', 'zh-CN', '--no-color'], { cwd: dir });
    expect(result.stdout).toMatchSnapshot();
});
