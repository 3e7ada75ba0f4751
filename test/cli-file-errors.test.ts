// The one place that turns a file system error into what the user reads: a
// line that says what went wrong and what to do, in English and Chinese. Some
// of these errors cannot be caused on purpose in a test run as root (EACCES,
// EROFS), so the mapping is tested here on its own; cli-writes.test.ts runs the
// ones a test can cause.
import { describe, expect, test } from 'vitest';
import { fileErrorMessage } from '@cnms/cli/out/file-errors.js';

const errno = (code: string) => Object.assign(new Error(`${code}: something, open 'x'`), { code });

describe('fileErrorMessage', () => {
    const cases: Array<[string, 'read' | 'write' | 'create', string, string[]]> = [
        ['EISDIR', 'write', 'out', ["cannot write 'out': it is a folder", 'name a file']],
        ['EISDIR', 'read', 'model', ["cannot read 'model': it is a folder"]],
        ['ENOENT', 'write', 'missing/report.md', ["cannot write 'missing/report.md': the folder 'missing' does not exist", 'create it first']],
        ['ENOENT', 'read', 'no/such.cnms', ["cannot read 'no/such.cnms': no such file or folder"]],
        ['EACCES', 'write', 'org.cnms', ["cannot write 'org.cnms': permission denied", 'chmod']],
        ['EACCES', 'read', 'org.cnms', ["cannot read 'org.cnms': permission denied"]],
        ['EPERM', 'write', 'org.cnms', ["cannot write 'org.cnms': permission denied", 'chattr -i']],
        ['ENOSPC', 'write', 'report.md', ["cannot write 'report.md': no space left on the device", 'free some space']],
        ['EROFS', 'write', 'report.md', ["cannot write 'report.md': the file system is read-only", 'somewhere else']],
        ['ENOTDIR', 'create', 'no/such/dir/model', ["cannot create 'no/such/dir/model'", 'is a file, not a folder']],
        ['EEXIST', 'create', 'organization.cnms', ["cannot create 'organization.cnms': it already exists", 'not overwriting']]
    ];

    test.each(cases)('%s on %s of %s', (code, action, path, parts) => {
        const message = fileErrorMessage(errno(code), path, action, 'en');
        for (const part of parts) expect(message).toContain(part);
        expect(message).not.toContain('\n');
        expect(message).not.toContain('internal error');
        const chinese = fileErrorMessage(errno(code), path, action, 'zh-CN');
        expect(chinese).not.toBe(message);
        expect(chinese).toContain(path);
        expect(chinese).toMatch(/[\u4e00-\u9fff]/);
    });

    test("another error keeps the system's words, still on one line and naming the file", () => {
        const message = fileErrorMessage(Object.assign(new Error('EIO: i/o error,\nwrite'), { code: 'EIO' }), 'report.md', 'write', 'en');
        expect(message).toBe("cannot write 'report.md': EIO: i/o error, write");
    });

    test('a control character in the name is escaped', () => {
        expect(fileErrorMessage(errno('ENOSPC'), 'a\nb.md', 'write', 'en')).toContain("'a\\nb.md'");
    });
});
