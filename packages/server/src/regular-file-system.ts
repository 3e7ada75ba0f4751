import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { NotRegularFileError, readRegularFile } from '@cnms/language/node';

/**
 * The file system the Node server reads through: Langium's, except that only
 * regular files are read (a `cnms.json` or a model file that is a FIFO would
 * block the server forever, a link to `/dev/zero` never end), and no more
 * than the size limit: a larger model file is cut just past the limit, which
 * the lexer then reports (docs/limits.md) without reading the rest.
 * A refused file fails its read like a missing one; its reader says so.
 */
export class RegularFileSystemProvider extends NodeFileSystemProvider {
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
        try {
            return readRegularFile(uri.fsPath, { beyondLimit: 'cut' });
        } catch (error) {
            if (error instanceof NotRegularFileError) console.error(`cnms: ${error.message}`);
            throw error;
        }
    }
}

function decode(bytes: Uint8Array): string {
    return new TextDecoder('utf-8').decode(bytes);
}
