// The extension as users install it: the root `pnpm run package` builds
// packages/vscode/cnms-vscode.vsix, a zip that holds the bundled extension and
// server and nothing else (no node_modules, no sources).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const VSIX = join(root, 'packages/vscode/cnms-vscode.vsix');

interface ZipEntry {
    readonly name: string;
    readonly method: number;
    readonly compressedSize: number;
    readonly localHeaderOffset: number;
}

/** The entries of a zip file, read from its central directory. */
function zipEntries(zip: Buffer): ZipEntry[] {
    const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    const CENTRAL_FILE_HEADER = 0x02014b50;
    let end = -1;
    for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 22 - 0xffff); offset--) {
        if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
            end = offset;
            break;
        }
    }
    if (end < 0) throw new Error('no end-of-central-directory record: not a zip file');
    const count = zip.readUInt16LE(end + 10);
    let offset = zip.readUInt32LE(end + 16);
    const entries: ZipEntry[] = [];
    for (let i = 0; i < count; i++) {
        if (zip.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) throw new Error(`bad central directory entry ${i}`);
        const method = zip.readUInt16LE(offset + 10);
        const compressedSize = zip.readUInt32LE(offset + 20);
        const nameLength = zip.readUInt16LE(offset + 28);
        const extraLength = zip.readUInt16LE(offset + 30);
        const commentLength = zip.readUInt16LE(offset + 32);
        const localHeaderOffset = zip.readUInt32LE(offset + 42);
        const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
        entries.push({ name, method, compressedSize, localHeaderOffset });
        offset += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}

/** The uncompressed content of one entry (stored or deflated). */
function zipContent(zip: Buffer, entry: ZipEntry): Buffer {
    const header = entry.localHeaderOffset;
    const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
    const data = zip.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) return data;
    if (entry.method === 8) return inflateRawSync(data);
    throw new Error(`compression method ${entry.method} of ${entry.name}`);
}

let zip: Buffer;
let names: string[];

beforeAll(() => {
    rmSync(VSIX, { force: true });
    const run = spawnSync('npx', ['-y', 'pnpm@12.4.2', 'run', 'package'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(existsSync(VSIX)).toBe(true);
    zip = readFileSync(VSIX);
    names = zipEntries(zip).map(entry => entry.name);
}, 320_000);

describe('cnms-vscode.vsix', () => {
    test('is a zip file', () => {
        expect(statSync(VSIX).size).toBeGreaterThan(10_000);
        expect(zip.readUInt32LE(0)).toBe(0x04034b50);
        expect(names).toContain('extension.vsixmanifest');
    });

    test('holds the manifest, the bundled extension and server, and the grammar', () => {
        for (const name of [
            'extension/package.json',
            'extension/out/extension.cjs',
            'extension/out/server/main-node.cjs',
            'extension/syntaxes/cnms.tmLanguage.json',
            'extension/language-configuration.json',
            'extension/snippets/cnms.json',
            'extension/package.nls.json',
            'extension/package.nls.zh-cn.json',
            'extension/images/cnms-file-light.svg',
            'extension/images/cnms-file-dark.svg'
        ]) {
            expect(names, name).toContain(name);
        }
        expect(names.some(name => /^extension\/license(\.txt)?$/i.test(name))).toBe(true);
        expect(names.some(name => /^extension\/readme\.md$/i.test(name))).toBe(true);
    });

    test('holds no node_modules, sources or build scripts', () => {
        expect(names.filter(name => name.includes('node_modules/'))).toEqual([]);
        expect(names.filter(name => name.startsWith('extension/src/'))).toEqual([]);
        expect(names.filter(name => name.endsWith('.ts') || name.endsWith('.map') || name.endsWith('.vsix'))).toEqual([]);
        expect(names).not.toContain('extension/esbuild.mjs');
        expect(names).not.toContain('extension/tsconfig.json');
    });

    test("its manifest is the extension's, and the server bundle is the one built", () => {
        const entries = zipEntries(zip);
        const packaged = JSON.parse(
            zipContent(
                zip,
                entries.find(entry => entry.name === 'extension/package.json')!
            ).toString('utf8')
        );
        expect(packaged.name).toBe('cnms-vscode');
        expect(packaged.main).toBe('./out/extension.cjs');
        const server = zipContent(
            zip,
            entries.find(entry => entry.name === 'extension/out/server/main-node.cjs')!
        );
        expect(server.equals(readFileSync(join(root, 'packages/server/out/main-node.cjs')))).toBe(true);
    });
});
