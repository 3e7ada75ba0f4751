import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, fchownSync, fsyncSync, linkSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Locale } from '@cnms/language';
import { fileError } from './file-errors.js';

export interface WriteOptions {
    /** false: the file must not exist yet (cnms init); the default replaces it. */
    readonly overwrite?: boolean;
}

/**
 * The one way the CLI writes a user's file (format, init, report -o): the
 * content goes to a temporary file in the same folder, is flushed to disk
 * (fsync), then renamed over the file in one step, so that a reader sees the
 * old file or the new one, never half of it, and a failure (a full disk, a
 * read-only or immutable file) leaves the original as it was. The file keeps
 * its mode (and, where the system allows, its owner); a link is written
 * through, and stays a link. A file the user may not write is refused, as an
 * in-place write would be. A device or a pipe (`-o /dev/stdout`) has nothing
 * to replace and is written to directly.
 *
 * On failure the temporary file is removed and a CliError (exit 2) says why
 * and what to do.
 */
export function writeFileSafely(path: string, content: string | Uint8Array, locale: Locale, options: WriteOptions = {}): void {
    const overwrite = options.overwrite ?? true;
    const existing = statIfExists(path, locale);
    // `-o out/` names a folder even when there is none: never a file called `out`
    if (existing?.isDirectory() || (!existing && (path.endsWith('/') || path.endsWith(sep)))) throw fileError(Object.assign(new Error('is a folder'), { code: 'EISDIR' }), path, 'write', locale);
    if (existing && !overwrite) throw fileError(Object.assign(new Error('exists'), { code: 'EEXIST' }), path, 'create', locale);
    if (existing && !existing.isFile()) {
        try {
            writeFileSync(path, content);
        } catch (error) {
            throw fileError(error, path, 'write', locale);
        }
        return;
    }
    let target = resolve(path);
    try {
        if (existing) {
            target = realpathSync(target);
            accessSync(target, constants.W_OK);
        }
    } catch (error) {
        throw fileError(error, path, 'write', locale);
    }
    const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    let fd: number | undefined;
    let created = false;
    try {
        fd = openSync(temporary, 'wx', existing ? existing.mode & 0o7777 : 0o666);
        created = true;
        writeFileSync(fd, content);
        if (existing) {
            fchmodSync(fd, existing.mode & 0o7777);
            keepOwner(fd, existing);
        }
        fsyncSync(fd);
        closeSync(fd);
        fd = undefined;
        if (overwrite) renameSync(temporary, target);
        else createFromTemporary(temporary, target);
        created = false;
    } catch (error) {
        if (fd !== undefined) closeQuietly(fd);
        if (created) removeQuietly(temporary);
        // no temporary file could be made: the folder refuses new files, whatever the file's own permissions
        const code = (error as NodeJS.ErrnoException).code;
        const folderRefuses = !created && (code === 'EACCES' || code === 'EPERM');
        throw fileError(error, folderRefuses ? dirname(target) : path, overwrite ? 'write' : 'create', locale);
    }
    syncFolder(dirname(target));
}

function statIfExists(path: string, locale: Locale): Stats | undefined {
    try {
        return statSync(path);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw fileError(error, path, 'write', locale);
    }
}

/** Puts the temporary file in place only if nothing is there yet: a hard link fails on an existing name, where rename would replace it. */
function createFromTemporary(temporary: string, target: string): void {
    try {
        linkSync(temporary, target);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // file systems without hard links (FAT, some network shares): check, then rename
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
        try {
            statSync(target);
        } catch {
            renameSync(temporary, target);
            return;
        }
        throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    }
    removeQuietly(temporary);
}

/** The replaced file's owner, when the system lets us give it (as root, or unchanged); otherwise ours. */
function keepOwner(fd: number, existing: Stats): void {
    try {
        fchownSync(fd, existing.uid, existing.gid);
    } catch {
        // not permitted: the new file stays ours, as a copy would
    }
}

function closeQuietly(fd: number): void {
    try {
        closeSync(fd);
    } catch {
        // already closed
    }
}

function removeQuietly(path: string): void {
    try {
        unlinkSync(path);
    } catch {
        // already gone
    }
}

/** Flushes the rename itself to disk; some systems cannot open a folder for this, which is no failure. */
function syncFolder(folder: string): void {
    let fd: number | undefined;
    try {
        fd = openSync(folder, 'r');
        fsyncSync(fd);
    } catch {
        // best effort
    } finally {
        if (fd !== undefined) closeQuietly(fd);
    }
}
