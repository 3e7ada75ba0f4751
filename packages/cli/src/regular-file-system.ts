import type { Locale } from '@cnms/language';
import { realpathSync } from 'node:fs';
import { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { MAX_DATASET_BYTES, MAX_FILE_BYTES, type RealPathFileSystem } from '@cnms/language';
import { readRegularFile, RefusedFileError, skippedWarning } from './model-files.js';

/**
 * The file system the language reads through in the CLI (for a model's
 * cnms.json, a dataset's CSV): Langium's, except that a file is read only when
 * it is a regular file within the size limit (a CSV's is MAX_DATASET_BYTES). Anything else (a FIFO that would block forever,
 * a device, a file too large) is skipped with a warning, as a missing file is.
 */
export class RegularFileSystemProvider extends NodeFileSystemProvider implements RealPathFileSystem {
    constructor(
        private readonly locale: Locale,
        private readonly warn: (message: string) => void
    ) {
        super();
    }

    /** Where a path really leads (a dataset's file must lie inside the model's repository really). */
    realPathSync(uri: URI): URI {
        return URI.file(realpathSync(uri.fsPath));
    }

    override readFileSync(uri: URI): string {
        return this.readText(uri);
    }

    override async readFile(uri: URI): Promise<string> {
        return this.readText(uri);
    }

    override readBinarySync(uri: URI): Uint8Array {
        return this.readBytes(uri);
    }

    override async readBinary(uri: URI): Promise<Uint8Array> {
        return this.readBytes(uri);
    }

    private readText(uri: URI): string {
        return new TextDecoder('utf-8').decode(this.readBytes(uri));
    }

    private readBytes(uri: URI): Uint8Array {
        try {
            return readRegularFile(uri.fsPath, this.locale, /\.csv$/i.test(uri.fsPath) ? MAX_DATASET_BYTES : MAX_FILE_BYTES);
        } catch (error) {
            if (error instanceof RefusedFileError) this.warn(skippedWarning(error.why, this.locale));
            throw error;
        }
    }
}
