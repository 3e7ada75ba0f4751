import { MAX_DATASET_BYTES, MAX_FILE_BYTES, type Locale } from '@cnms/language';
import { RegularFileSystemProvider } from '@cnms/language/node';
import { readRegularFile, RefusedFileError, skippedWarning } from './model-files.js';

/**
 * The file system the language reads through in the CLI (for a model's
 * cnms.json, a dataset's CSV): a file is read only when it is a regular file
 * within its size limit (a CSV's is MAX_DATASET_BYTES). Anything else (a FIFO
 * that would block forever, a device, a file too large) is skipped with a
 * warning, as a missing file is.
 */
export function cliFileSystem(locale: Locale, warn: (message: string) => void): RegularFileSystemProvider {
    return new RegularFileSystemProvider((path, dataset) => {
        try {
            return readRegularFile(path, locale, dataset ? MAX_DATASET_BYTES : MAX_FILE_BYTES);
        } catch (error) {
            if (error instanceof RefusedFileError) warn(skippedWarning(error.why, locale));
            throw error;
        }
    });
}
