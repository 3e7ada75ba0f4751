import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Locale } from '@cnms/language';
import { CliError } from './cli-error.js';
import { escapeControlCharacters, shownPath } from './shown-path.js';

/** What the CLI was doing with a path when the file system refused. */
export type FileAction = 'read' | 'write' | 'create';

const WORDS = {
    en: {
        action: { read: 'read', write: 'write', create: 'create' },
        cannot: (action: string, path: string, why: string) => `cannot ${action} '${path}': ${why}`,
        EISDIR: (action: FileAction) => (action === 'read' ? 'it is a folder, not a file' : 'it is a folder; name a file (inside it, or elsewhere)'),
        ENOENT: (action: FileAction, folder: string) => (action === 'read' ? 'no such file or folder' : `the folder '${folder}' does not exist; create it first, or choose another place`),
        ENOTDIR: (blocking: string | undefined) => (blocking ? `'${blocking}' is a file, not a folder; check the path` : 'a part of its path is a file, not a folder; check the path'),
        denied: (action: FileAction) =>
            action === 'read' ? 'permission denied; check its permissions (chmod) or run as a user who may read it' : 'permission denied; make it writable (chmod u+w, or chattr -i if it is immutable), or choose another place',
        ENOSPC: 'no space left on the device; free some space and run again',
        EDQUOT: 'the disk quota is used up; free some space and run again',
        EROFS: 'the file system is read-only; write somewhere else',
        EEXIST: 'it already exists; not overwriting it'
    },
    'zh-CN': {
        action: { read: '读取', write: '写入', create: '创建' },
        cannot: (action: string, path: string, why: string) => `无法${action}“${path}”：${why}`,
        EISDIR: (action: FileAction) => (action === 'read' ? '它是文件夹，不是文件' : '它是文件夹；请指定一个文件（在该文件夹内或其他位置）'),
        ENOENT: (action: FileAction, folder: string) => (action === 'read' ? '文件或文件夹不存在' : `文件夹“${folder}”不存在；请先创建它，或换一个位置`),
        ENOTDIR: (blocking: string | undefined) => (blocking ? `“${blocking}”是文件，不是文件夹；请检查路径` : '路径中的某一部分是文件，不是文件夹；请检查路径'),
        denied: (action: FileAction) => (action === 'read' ? '权限不足；请检查其权限（chmod），或以有读取权限的用户运行' : '权限不足；请使其可写（chmod u+w；若设置了不可变属性，用 chattr -i），或换一个位置'),
        ENOSPC: '设备空间不足；请释放空间后重试',
        EDQUOT: '磁盘配额已用完；请释放空间后重试',
        EROFS: '文件系统为只读；请写到其他位置',
        EEXIST: '它已存在；不会覆盖'
    }
} as const;

/**
 * The one line the user reads when the file system refuses to read, write or
 * create `path`: what went wrong and what to do (EISDIR, ENOENT, ENOTDIR,
 * EACCES, EPERM, ENOSPC, EDQUOT, EROFS, EEXIST); any other error in the
 * system's own words, still on one line and naming the file.
 */
export function fileErrorMessage(error: unknown, path: string, action: FileAction, locale: Locale): string {
    const w = WORDS[locale];
    const shown = shownPath(path);
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    let why: string;
    switch (code) {
        case 'EISDIR':
            why = w.EISDIR(action);
            break;
        case 'ENOENT':
            // the folder is there, yet the system refuses (`-o /proc/version`): its own words, not a wrong hint
            why = action !== 'read' && isFolder(dirname(path)) ? systemWords(error) : w.ENOENT(action, shownPath(dirname(path)));
            break;
        case 'ENOTDIR': {
            const blocking = fileInTheWay(path);
            why = w.ENOTDIR(blocking === undefined ? undefined : shownPath(blocking));
            break;
        }
        case 'EACCES':
        case 'EPERM':
            why = w.denied(action);
            break;
        case 'ENOSPC':
            why = w.ENOSPC;
            break;
        case 'EDQUOT':
            why = w.EDQUOT;
            break;
        case 'EROFS':
            why = w.EROFS;
            break;
        case 'EEXIST':
            why = w.EEXIST;
            break;
        default:
            why = systemWords(error);
    }
    return w.cannot(w.action[action], shown, why);
}

/** The system's own message, on one line. */
function systemWords(error: unknown): string {
    return escapeControlCharacters((error instanceof Error ? error.message : String(error)).replace(/\s*[\r\n]+\s*/g, ' '));
}

function isFolder(path: string): boolean {
    try {
        return statSync(path).isDirectory();
    } catch {
        return false;
    }
}

/** fileErrorMessage as the CliError (exit 2) that main prints. */
export function fileError(error: unknown, path: string, action: FileAction, locale: Locale): CliError {
    return new CliError(fileErrorMessage(error, path, action, locale));
}

/** The nearest existing entry above `path`, when it is a file rather than a folder (so the path cannot go on). */
function fileInTheWay(path: string): string | undefined {
    for (let current = dirname(resolve(path)); dirname(current) !== current; current = dirname(current)) {
        try {
            return statSync(current).isDirectory() ? undefined : current;
        } catch {
            // missing: look further up
        }
    }
    return undefined;
}
