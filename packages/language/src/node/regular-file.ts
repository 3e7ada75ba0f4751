import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Dirent, type Stats } from 'node:fs';
import { MAX_FILE_BYTES } from '../syntax/limits.js';

/** What a path that is not a regular file is. */
export type FileKind = 'fifo' | 'socket' | 'device' | 'folder' | 'other';

export function kindOf(entry: Stats | Dirent): FileKind {
    if (entry.isFIFO()) return 'fifo';
    if (entry.isSocket()) return 'socket';
    if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'device';
    if (entry.isDirectory()) return 'folder';
    return 'other';
}

/** A path that is not a regular file (a FIFO would block a read forever, a device never end it): never read. */
export class NotRegularFileError extends Error {
    constructor(
        readonly path: string,
        readonly kind: FileKind
    ) {
        super(`'${path}' is not a regular file (${kind}): not read`);
    }
}

/** A regular file larger than the limit. */
export class FileTooLargeError extends Error {
    constructor(
        readonly path: string,
        readonly size: number,
        readonly limit: number
    ) {
        super(`'${path}' is larger than the limit of ${limit} bytes: not read`);
    }
}

/**
 * The bytes of a regular file, for the CLI and the language server alike
 * (Node only). Its type and size are checked with stat before it is opened,
 * so a FIFO is never opened; it is opened without blocking and checked again,
 * in case the path changed in between; and no more than `limit` + 1 bytes are
 * read, whatever stat said. Past the limit it throws FileTooLargeError, or,
 * with `beyondLimit: 'cut'`, returns the first `limit` + 1 bytes (enough for
 * the language server to say that the document is past the limit). Errors of
 * the file system (ENOENT, EACCES …) are thrown as they are.
 */
export function readRegularFile(path: string, options: { readonly limit?: number; readonly beyondLimit?: 'throw' | 'cut' } = {}): Buffer {
    const limit = options.limit ?? MAX_FILE_BYTES;
    const stats = statSync(path);
    if (!stats.isFile()) throw new NotRegularFileError(path, kindOf(stats));
    if (stats.size > limit && options.beyondLimit !== 'cut') throw new FileTooLargeError(path, stats.size, limit);
    const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
        const opened = fstatSync(fd);
        if (!opened.isFile()) throw new NotRegularFileError(path, kindOf(opened));
        const chunks: Buffer[] = [];
        let total = 0;
        for (;;) {
            const chunk = Buffer.allocUnsafe(Math.min(limit + 1 - total, Math.max(opened.size - total, 0) + 65_536));
            const read = readSync(fd, chunk, 0, chunk.length, null);
            if (read === 0) break;
            chunks.push(chunk.subarray(0, read));
            total += read;
            if (total > limit) {
                if (options.beyondLimit === 'cut') break;
                throw new FileTooLargeError(path, total, limit);
            }
        }
        return Buffer.concat(chunks, total);
    } finally {
        closeSync(fd);
    }
}
