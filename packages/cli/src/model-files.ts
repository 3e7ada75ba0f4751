import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { declaresOrganization, MAX_FILE_BYTES, modelFolderOf, type Locale } from '@cnms/language';
import { FileTooLargeError, kindOf, NotRegularFileError, readRegularFile as readRegularBytes } from '@cnms/language/node';
import { CliError } from './cli-error.js';
import { fileError } from './file-errors.js';
import { shownPath } from './shown-path.js';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

const WORDS = {
    en: {
        kind: { fifo: 'a named pipe (FIFO)', socket: 'a socket', device: 'a device', folder: 'a folder', other: 'a special file' },
        notRegular: (path: string, kind: string) => `'${path}' is ${kind}, not a regular file`,
        linkTo: (path: string, kind: string) => `'${path}' is a link to ${kind}, not a regular file`,
        dangling: (path: string) => `'${path}' is a link to nothing (its target does not exist)`,
        outside: (path: string) => `'${path}' is a link to a file outside the model's folder`,
        skipped: (why: string) => `${why}: skipped`,
        readsOnlyRegular: (why: string) => `${why}; cnms reads only regular files`,
        notCnms: (path: string) => `'${path}' is not a .cnms file`,
        tooLarge: (path: string, size: string, limit: string) => `'${path}' is larger than ${limit} MiB (${size} MiB), the limit per file`,
        splitIt: (why: string) => `${why}: split it into several files`,
        noModel: (path: string, skipped: boolean) => `no model found in '${path}': ${skipped ? 'none of its .cnms files can be read (see the warnings above)' : 'it holds no .cnms file'}`,
        nul: 'it contains NUL bytes, as binary files do',
        notUtf8: 'it has bytes that are not UTF-8, as a file saved as GBK has'
    },
    'zh-CN': {
        kind: { fifo: '命名管道（FIFO）', socket: '套接字', device: '设备', folder: '文件夹', other: '特殊文件' },
        notRegular: (path: string, kind: string) => `“${path}”是${kind}，不是普通文件`,
        linkTo: (path: string, kind: string) => `“${path}”是指向${kind}的链接，不是普通文件`,
        dangling: (path: string) => `“${path}”是指向不存在目标的链接`,
        outside: (path: string) => `“${path}”是指向模型文件夹之外文件的链接`,
        skipped: (why: string) => `${why}：已跳过`,
        readsOnlyRegular: (why: string) => `${why}；cnms 只读取普通文件`,
        notCnms: (path: string) => `“${path}”不是 .cnms 文件`,
        tooLarge: (path: string, size: string, limit: string) => `“${path}”大于 ${limit} MiB（${size} MiB），超过单个文件的上限`,
        splitIt: (why: string) => `${why}：请拆分为多个文件`,
        noModel: (path: string, skipped: boolean) => `在“${path}”中未找到模型：${skipped ? '其中的 .cnms 文件都无法读取（见上方警告）' : '其中没有 .cnms 文件'}`,
        nul: '含有 NUL 字节，像二进制文件一样',
        notUtf8: '其中有不合法的 UTF-8 字节，如以 GBK 保存的文件'
    }
} as const;

/** The .cnms files of a run: those the user asked about, and all to load (with the rest of their models). */
export interface ModelFiles {
    readonly requested: readonly string[];
    readonly all: readonly string[];
}

export interface FindOptions {
    readonly locale: Locale;
    /** Called for each file skipped (a file may be met twice: print each message once), with a line that names it and says why. */
    readonly warn: (message: string) => void;
    /** Also every file of the models the requested files belong to (validate, balance…), not only those named (format). */
    readonly wholeModels: boolean;
    /** A folder that holds no .cnms file gives none instead of a usage error (diff: a model removed from the working tree). */
    readonly emptyFolders?: boolean;
}

/**
 * The `.cnms` files under the paths the user named (a .cnms file, or a folder
 * searched recursively; the working folder when none), and with `wholeModels`
 * every file of the model each belongs to, when its `organization` lies in a
 * folder above.
 *
 * Only regular files are read. A link is followed when its target is a regular
 * file inside the model's folder (the folder of the nearest `organization` at
 * or above the link, else the folder searched); a FIFO, a device, a socket, or
 * a link to one, to nothing or out of the model's folder is skipped with a
 * warning, and never opened. A file reached twice (through a link and
 * directly) is read once, under its own name. A folder that yields no file is
 * a usage error naming it.
 */
export function findModelFiles(paths: readonly string[], options: FindOptions): ModelFiles {
    const search = new ModelFileSearch(options);
    for (const path of paths.length > 0 ? paths : ['.']) search.addNamed(path);
    if (options.wholeModels) {
        const roots = new Set(search.requested().map(file => search.modelFolderAbove(dirname(file))));
        for (const root of roots) if (root) search.addFolder(root, root, false);
    }
    return { requested: search.requested(), all: search.all() };
}

/** A file's text, without its UTF-8 byte-order mark (`bom` says whether it had one). */
export interface ModelText {
    readonly text: string;
    readonly bom: boolean;
}

/** Why a file is not UTF-8 text, for the user. */
export interface NotText {
    readonly reason: string;
}

/** A file the CLI will not read (not a regular file, or too large): `why` names it and says why; the message adds what to do. */
export class RefusedFileError extends CliError {
    constructor(
        message: string,
        readonly why: string
    ) {
        super(message);
    }
}

/** The UTF-8 text of a model file, or why it is not UTF-8 text (readRegularFile's limits apply). */
export function readModelFile(path: string, locale: Locale): ModelText | NotText {
    const bytes = readRegularFile(path, locale);
    if (bytes.includes(0)) return { reason: WORDS[locale].nul };
    try {
        const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
        return text.startsWith('\uFEFF') ? { text: text.slice(1), bom: true } : { text, bom: false };
    } catch {
        return { reason: WORDS[locale].notUtf8 };
    }
}

/**
 * The bytes of a regular file of at most `limit` bytes (MAX_FILE_BYTES; a dataset's CSV may be larger). Its type and size are
 * checked with stat before it is opened, so a FIFO is never opened (and, in
 * case the path changed in between, opened without blocking and checked again).
 */
export function readRegularFile(path: string, locale: Locale, limit = MAX_FILE_BYTES): Buffer {
    try {
        return readRegularBytes(path, { limit });
    } catch (error) {
        if (error instanceof NotRegularFileError) {
            const why = WORDS[locale].notRegular(shownPath(path), WORDS[locale].kind[error.kind]);
            throw new RefusedFileError(WORDS[locale].readsOnlyRegular(why), why);
        }
        if (error instanceof FileTooLargeError) throw tooLarge(path, error.size, locale, limit);
        throw fileError(error, path, 'read', locale);
    }
}

/** Why a path is not a regular file ("'x.cnms' is a named pipe (FIFO), not a regular file"), or undefined when it is one. */
export function irregularity(path: string, stats: Stats, locale: Locale): string | undefined {
    return stats.isFile() ? undefined : WORDS[locale].notRegular(shownPath(path), WORDS[locale].kind[kindOf(stats)]);
}

/** The warning for a file that is skipped: "…: skipped". */
export function skippedWarning(why: string, locale: Locale): string {
    return WORDS[locale].skipped(why);
}

function tooLarge(path: string, size: number, locale: Locale, limit: number): RefusedFileError {
    const why = WORDS[locale].tooLarge(shownPath(path), (size / 1024 / 1024).toFixed(1), String(limit / 1024 / 1024));
    return new RefusedFileError(WORDS[locale].splitIt(why), why);
}

function isInside(path: string, folder: string): boolean {
    return path === folder || path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
}

/** One run of findModelFiles: the files found, by their real path, and what is known of the folders. */
class ModelFileSearch {
    private readonly byRealPath = new Map<string, { path: string; link: boolean; requested: boolean }>();
    private readonly modelFolders = new Map<string, boolean>();
    private readonly w: (typeof WORDS)[Locale];

    constructor(private readonly options: FindOptions) {
        this.w = WORDS[options.locale];
    }

    requested(): string[] {
        return [...this.byRealPath.values()]
            .filter(file => file.requested)
            .map(file => file.path)
            .sort();
    }

    all(): string[] {
        return [...this.byRealPath.values()].map(file => file.path).sort();
    }

    /** A path the user named: a .cnms file (which must be a regular file, or a link to one), or a folder that must hold one. */
    addNamed(named: string): void {
        const path = resolve(named);
        let stats: Stats;
        try {
            stats = statSync(path);
        } catch (error) {
            throw fileError(error, named, 'read', this.options.locale);
        }
        if (stats.isDirectory()) {
            const { found, skipped } = this.addFolder(path, path, true);
            if (found === 0 && !(this.options.emptyFolders && skipped === 0)) throw new CliError(this.w.noModel(shownPath(named), skipped > 0));
            return;
        }
        const irregular = irregularity(path, stats, this.options.locale);
        if (irregular) throw new CliError(this.w.readsOnlyRegular(irregular));
        if (extname(path) !== '.cnms') throw new CliError(this.w.notCnms(shownPath(named)));
        this.add(path, lstatSync(path).isSymbolicLink(), true);
    }

    /** The .cnms files below `folder`; links must stay in the model's folder (or in `searched` when in no model). */
    addFolder(folder: string, searched: string, requested: boolean): { found: number; skipped: number } {
        let found = 0;
        let skipped = 0;
        const walk = (dir: string) => {
            let entries: Dirent[];
            try {
                entries = readdirSync(dir, { withFileTypes: true });
            } catch (error) {
                throw fileError(error, dir, 'read', this.options.locale);
            }
            for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
                const full = join(dir, entry.name);
                const type: Dirent | Stats = isTyped(entry) ? entry : lstatSync(full);
                if (type.isDirectory()) {
                    if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full);
                    continue;
                }
                if (!entry.name.endsWith('.cnms')) continue;
                const why = type.isFile() ? undefined : type.isSymbolicLink() ? this.linkProblem(full, searched) : this.w.notRegular(shownPath(full), this.w.kind[kindOf(type)]);
                if (why) {
                    skipped++;
                    this.options.warn(this.w.skipped(why));
                } else {
                    found++;
                    this.add(full, type.isSymbolicLink(), requested);
                }
            }
        };
        walk(folder);
        return { found, skipped };
    }

    /**
     * The nearest folder at or above `dir` with a .cnms file that declares an
     * organization (model-discovery.ts). Only regular files within the size
     * limit are looked into; anything else is passed over here (the search
     * reports it where it counts).
     */
    modelFolderAbove(dir: string): string | undefined {
        return modelFolderOf(dir, { parentOf: dirname, isModelFolder: folder => this.isModelFolder(folder) });
    }

    private isModelFolder(dir: string): boolean {
        const known = this.modelFolders.get(dir);
        if (known !== undefined) return known;
        let names: string[] = [];
        try {
            names = readdirSync(dir)
                .filter(name => name.endsWith('.cnms'))
                .sort();
        } catch {
            names = [];
        }
        const declares = names.some(name => {
            try {
                const file = join(dir, name);
                const stats = statSync(file);
                if (!stats.isFile() || stats.size > MAX_FILE_BYTES) return false;
                const content = readModelFile(file, this.options.locale);
                return 'text' in content && declaresOrganization(content.text);
            } catch {
                return false;
            }
        });
        this.modelFolders.set(dir, declares);
        return declares;
    }

    /** Why a link found in a folder is not followed, or undefined when it leads to a regular file inside the model's folder. */
    private linkProblem(link: string, searched: string): string | undefined {
        let target: string;
        let stats: Stats;
        try {
            target = realpathSync(link);
            stats = statSync(target);
        } catch {
            return this.w.dangling(shownPath(link));
        }
        if (!stats.isFile()) return this.w.linkTo(shownPath(link), this.w.kind[kindOf(stats)]);
        const folder = this.modelFolderAbove(dirname(link)) ?? searched;
        let boundary = folder;
        try {
            boundary = realpathSync(folder);
        } catch {
            // the folder was just listed; keep its name
        }
        return isInside(target, boundary) ? undefined : this.w.outside(shownPath(link));
    }

    /** Records a file once per real path, under its own name rather than a link's, requested if asked about by any name. */
    private add(path: string, link: boolean, requested: boolean): void {
        let real = path;
        try {
            real = realpathSync(path);
        } catch {
            // read later, where the error is reported
        }
        const known = this.byRealPath.get(real);
        if (!known) {
            this.byRealPath.set(real, { path, link, requested });
            return;
        }
        if (known.link && !link) {
            known.path = path;
            known.link = false;
        }
        known.requested ||= requested;
    }
}

/** Whether readdir could tell the entry's type (some file systems cannot, and a stat must). */
function isTyped(entry: Dirent): boolean {
    return entry.isFile() || entry.isDirectory() || entry.isSymbolicLink() || entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice();
}
