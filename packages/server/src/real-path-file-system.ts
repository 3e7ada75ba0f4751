import { realpathSync, statSync } from 'node:fs';
import { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { MAX_DATASET_BYTES, type RealPathFileSystem } from '@cnms/language';

/**
 * Langium's Node file system, telling where a path really leads (a dataset's
 * file must lie inside the model's repository really), and refusing a CSV
 * larger than MAX_DATASET_BYTES (as the CLI does) rather than running out of
 * memory on it.
 */
export class RealPathFileSystemProvider extends NodeFileSystemProvider implements RealPathFileSystem {
    realPathSync(uri: URI): URI {
        return URI.file(realpathSync(uri.fsPath));
    }

    override readBinarySync(uri: URI): Uint8Array {
        if (/\.csv$/i.test(uri.fsPath) && statSync(uri.fsPath).size > MAX_DATASET_BYTES) {
            throw new Error(`it is larger than ${MAX_DATASET_BYTES / 1024 / 1024} MiB, the limit for a dataset`);
        }
        return super.readBinarySync(uri);
    }
}
