import { MAX_DATASET_BYTES } from '@cnms/language';
import { FileTooLargeError, NotRegularFileError, readRegularFile, RegularFileSystemProvider } from '@cnms/language/node';

/**
 * The server's file system: only regular files are read (a `cnms.json` or a
 * model file that is a FIFO would block the server forever, a link to
 * `/dev/zero` never end); a model file is cut just past MAX_FILE_BYTES, which
 * the lexer then reports (docs/limits.md) without reading the rest; a
 * dataset's CSV larger than MAX_DATASET_BYTES is refused, as the CLI does. A
 * refused file fails its read like a missing one, and is logged.
 */
export function serverFileSystem(): RegularFileSystemProvider {
    return new RegularFileSystemProvider((path, dataset) => {
        try {
            return dataset ? readRegularFile(path, { limit: MAX_DATASET_BYTES }) : readRegularFile(path, { beyondLimit: 'cut' });
        } catch (error) {
            if (error instanceof FileTooLargeError) throw new Error(`it is larger than ${MAX_DATASET_BYTES / 1024 / 1024} MiB, the limit for a dataset`);
            if (error instanceof NotRegularFileError) console.error(`cnms: ${error.message}`);
            throw error;
        }
    });
}
