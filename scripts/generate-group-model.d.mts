// Types of generate-group-model.mjs, for the TypeScript tests that import it.

/** An exact rational: BigInt numerator and positive denominator, reduced. */
export interface Rat {
    readonly n: bigint;
    readonly d: bigint;
}

export declare function rat(n: bigint | number | string, d?: bigint | number | string): Rat;

export declare const Q: {
    readonly zero: Rat;
    readonly one: Rat;
    add(a: Rat, b: Rat): Rat;
    sub(a: Rat, b: Rat): Rat;
    mul(a: Rat, b: Rat): Rat;
    div(a: Rat, b: Rat): Rat;
    eq(a: Rat, b: Rat): boolean;
    sum(values: readonly Rat[]): Rat;
    pow10(k: number): Rat;
    /** A CNMS number literal: `1_200`, `0.5703`, `1.2e6`. */
    parse(text: string): Rat;
    /** The exact decimal, as the CLI's JSON writes it. */
    toDecimal(a: Rat): string;
    /** Rounded half-even with thousands separators, as the editor shows it. */
    format(a: Rat, decimals?: number, signed?: boolean): string;
    round(a: Rat): bigint;
};

export interface SourceRecord {
    readonly id: string;
    readonly kind: 'gas' | 'power' | 'diesel' | 'direct';
    /** The plant file, relative to the model folder. */
    readonly file: string;
    readonly site: string;
    /** 0-based line and character of the activity (or emissions) number. */
    readonly line: number;
    readonly startLine: number;
    readonly character: number;
    /** The number as written: `4_336_348`, `415.74`. */
    readonly number: string;
    /** tCO2e per unit of the written number. */
    readonly rate: Rat;
    /** tCO2e of the source. */
    readonly co2e: Rat;
    readonly masses: ReadonlyArray<{ readonly gas: string; readonly tonnes: Rat }>;
}

export interface GroupModel {
    /** Relative path → text: organization.cnms, plants/*.cnms and the documents under docs/. */
    readonly files: Map<string, string>;
    readonly expected: {
        /** Exact decimal strings in tCO2e, as `cnms balance --format json` writes them. */
        readonly emissions: string;
        readonly removals: string;
        readonly offsets: string;
        readonly net: string;
        readonly sources: number;
        readonly sites: number;
        readonly cnmsFiles: number;
        readonly lines: number;
        readonly gwp: string;
        readonly period: number;
    };
    readonly exact: { readonly emissions: Rat; readonly removals: Rat; readonly offsets: Rat; readonly net: Rat };
    /** The large plant file (the one the latency benchmark edits). */
    readonly bigFile: string;
    readonly records: readonly SourceRecord[];
}

export declare function generateGroupModel(options?: { sources?: number; files?: number; seed?: number; sites?: number; builtins?: string }): GroupModel;
export declare function writeModel(files: Map<string, string>, dir: string): void;
export declare const BUILTINS_DIR: string;
