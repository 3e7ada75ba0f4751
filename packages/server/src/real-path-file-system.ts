import { realpathSync } from 'node:fs';
import { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import type { RealPathFileSystem } from '@cnms/language';

/** Langium's Node file system, telling where a path really leads: a dataset's file must lie inside the model's repository really. */
export class RealPathFileSystemProvider extends NodeFileSystemProvider implements RealPathFileSystem {
    realPathSync(uri: URI): URI {
        return URI.file(realpathSync(uri.fsPath));
    }
}
