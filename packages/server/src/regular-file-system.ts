import { realpathSync } from 'node:fs';
import { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { MAX_DATASET_BYTES, type RealPathFileSystem } from '@cnms/language';
import { FileTooLargeError, NotRegularFileError, readRegularFile } from '@cnms/language/node';

/**
 * The file system the Node server reads through: Langium's, except that only
 * regular files are read (a `cnms.json` or a model file that is a FIFO would
 * block the server forever, a link to `/dev/zero` never end), and no more
 * than their size limit: a model file is cut just past MAX_FILE_BYTES, which
 * the lexer then reports (docs/limits.md) without reading the rest; a
 * dataset's CSV larger than MAX_DATASET_BYTES is refused, as the CLI does. A
 * refused file fails its read like a missing one; its reader says so. It
 * also tells where a path really leads (a dataset's file must lie inside the
 * model's repository really).
 */
export class RegularFileSystemProvider extends NodeFileSystemProvider implements RealPathFileSystem {
    realPathSync(uri: URI): URI {
        return URI.file(realpathSync(uri.fsPath));
    }

    override readFileSync(uri: URI): string {
        return decode(this.readBytes(uri));
    }

    override readFile(uri: URI): Promise<string> {
        return Promise.resolve().then(() => decode(this.readBytes(uri)));
    }

    override readBinarySync(uri: URI): Uint8Array {
        return this.readBytes(uri);
    }

    override readBinary(uri: URI): Promise<Uint8Array> {
        return Promise.resolve().then(() => this.readBytes(uri));
    }

    private readBytes(uri: URI): Buffer {
        const dataset = /\.csv$/i.test(uri.fsPath);
        try {
            return dataset ? readRegularFile(uri.fsPath, { limit: MAX_DATASET_BYTES }) : readRegularFile(uri.fsPath, { beyondLimit: 'cut' });
        } catch (error) {
            if (error instanceof FileTooLargeError) throw new Error(`it is larger than ${MAX_DATASET_BYTES / 1024 / 1024} MiB, the limit for a dataset`);
            if (error instanceof NotRegularFileError) console.error(`cnms: ${error.message}`);
            throw error;
        }
    }
}

function decode(bytes: Uint8Array): string {
    return new TextDecoder('utf-8').decode(bytes);
}
