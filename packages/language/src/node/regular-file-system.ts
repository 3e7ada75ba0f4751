import { realpathSync } from 'node:fs';
import { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import type { RealPathFileSystem } from '../workspace/model-repository.js';

/** Reads the bytes of a file for the language, or throws why not; `dataset` for a dataset's CSV (its own size limit). */
export type FileReader = (path: string, dataset: boolean) => Uint8Array;

/**
 * The file system the language reads through in the CLI and the Node server:
 * Langium's, with every read going through `read` (which reads only regular
 * files within their size limit: regular-file.ts, and says so where a file is
 * refused), and telling where a path really leads (a dataset's file must lie
 * inside the model's repository really).
 */
export class RegularFileSystemProvider extends NodeFileSystemProvider implements RealPathFileSystem {
    constructor(private readonly read: FileReader) {
        super();
    }

    realPathSync(uri: URI): URI {
        return URI.file(realpathSync(uri.fsPath));
    }

    override readFileSync(uri: URI): string {
        return new TextDecoder('utf-8').decode(this.bytes(uri));
    }

    override readFile(uri: URI): Promise<string> {
        return Promise.resolve().then(() => this.readFileSync(uri));
    }

    override readBinarySync(uri: URI): Uint8Array {
        return this.bytes(uri);
    }

    override readBinary(uri: URI): Promise<Uint8Array> {
        return Promise.resolve().then(() => this.bytes(uri));
    }

    private bytes(uri: URI): Uint8Array {
        return this.read(uri.fsPath, /\.csv$/i.test(uri.fsPath));
    }
}
