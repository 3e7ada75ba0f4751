import type { Locale } from '@cnms/language';
import type { ProcessJson, ProductJson, PurchasedJson } from './products-json.js';

/**
 * The carbon-neutrality report as data: built once from the evaluator and the
 * rule results (report-builder.ts), rendered by each format. Every figure is
 * an exact decimal string (tCO2e unless the field says otherwise), rounded
 * only by the renderers for display. This is also the `json` format, whose
 * schema is documented in docs/report-json.md.
 */
export interface ReportModel {
    readonly format_version: '1.5';
    readonly locale: Locale;
    readonly organization: ReportOrganization;
    readonly boundary: { readonly sites: readonly ReportSite[] };
    readonly inventory: ReportInventory;
    readonly uncertainty: ReportUncertainty;
    readonly offsets: { readonly register: readonly ReportOffset[]; readonly counted: string };
    readonly balance: ReportBalance;
    readonly claims: readonly ReportClaim[];
    readonly plan: ReportPlan;
    readonly coverage: readonly ReportClause[];
    readonly findings: readonly ReportFinding[];
    readonly provenance: ReportProvenance;
    /** The installations, their processes and goods with their specific embedded emissions (docs/cbam.md); present only when the model declares installations or processes. */
    readonly products?: ReportProducts;
}

/** An annex of the report: a section per installation (docs/cbam.md), with the figures of `cnms balance --format json`. */
export interface ReportProducts {
    readonly installations: ReadonlyArray<{
        readonly id: string;
        readonly name: string;
        readonly country: string | null;
        readonly city: string | null;
        readonly period: { readonly start: string; readonly end: string } | null;
        readonly processes: readonly ProcessJson[];
        readonly goods: readonly ProductJson[];
    }>;
    readonly purchased: readonly PurchasedJson[];
    /** Processes and goods whose figures could not be computed. */
    readonly uncomputed: number;
}

export interface ReportOrganization {
    readonly id: string;
    readonly name: string;
    readonly industry: string | null;
    readonly msScope: string | null;
    readonly consolidation: 'operational-control' | 'financial-control' | 'equity-share';
    readonly period: { readonly start: string; readonly end: string; readonly label: string } | null;
    readonly baseYear: number | null;
    readonly gwp: { readonly set: string | null; readonly title: string | null; readonly source: string | null; readonly justification: string | null };
    readonly scope2: 'location-based' | 'market-based';
}

export interface ReportSite {
    readonly id: string;
    readonly name: string;
    readonly location: string | null;
    /** Equity share in percent (`60`), or null when not given. */
    readonly sharePercent: string | null;
    /** Counted emissions of the site's sources. */
    readonly co2e: string;
    /** Share of the total emissions, in percent. */
    readonly percentOfTotal: string | null;
    readonly sources: number;
}

export interface ReportInventory {
    readonly emissions: string;
    readonly byCategory: ReadonlyArray<{ readonly category: string; readonly co2e: string }>;
    readonly byScope: { readonly scope1: string; readonly scope2Location: string; readonly scope2Market: string; readonly scope3: string };
    /** Tonnes of each gas, its GWP in the set, and its CO2e. */
    readonly byGas: ReadonlyArray<{ readonly gas: string; readonly tonnes: string; readonly gwp: string | null; readonly co2e: string | null }>;
    readonly bySite: ReadonlyArray<{ readonly site: string; readonly co2e: string }>;
    readonly sources: readonly ReportSource[];
    readonly biogenicCO2: string;
    readonly removals: ReadonlyArray<{ readonly id: string; readonly name: string; readonly site: string | null; readonly amount: string | null; readonly method: string | null }>;
    readonly removalsTotal: string;
    readonly instruments: ReadonlyArray<{ readonly id: string; readonly name: string; readonly kind: string | null; readonly quantityMWh: string | null; readonly covers: readonly string[]; readonly factor: string | null }>;
    /** The month × source completeness table; null when no source is given month by month (or the period is unknown). */
    readonly completeness: ReportCompleteness | null;
}

/** Which months of the period each source given month by month covers (docs/months.md). */
export interface ReportCompleteness {
    /** The months of the period, `2024-01` …, in order. */
    readonly months: readonly string[];
    readonly sources: ReadonlyArray<{
        readonly id: string;
        /** Per month of `months`: read from the data, filled by the source's `gap-fill`, or missing. */
        readonly months: ReadonlyArray<'given' | 'filled' | 'missing'>;
        /** The filled months' share of the source's monthly data, in percent; null without `gap-fill`. */
        readonly filledPercent: string | null;
        /** The rule of the source's `gap-fill` (`conservative`, `previous-year`, `neighbours`, `average`, `value`); null without `gap-fill`. */
        readonly fillMethod: string | null;
    }>;
}

export interface ReportSource {
    readonly id: string;
    readonly name: string;
    readonly site: string | null;
    readonly category: string | null;
    readonly scope: 1 | 2 | 3 | null;
    /** The activity as written and its value in a display unit (`486637.5`, `GJ`). */
    readonly activity: { readonly expression: string; readonly value: string | null; readonly unit: string | null } | null;
    readonly factor: {
        readonly expression: string;
        readonly name: string | null;
        readonly values: ReadonlyArray<{ readonly gas: string; readonly value: string; readonly unit: string }>;
        readonly source: string | null;
        readonly year: number | null;
        readonly uncertaintyPercent: string | null;
    } | null;
    /** `emissions` as written, for sources given directly. */
    readonly emissionsExpression: string | null;
    /** Tonnes of each gas that count. */
    readonly gases: Readonly<Record<string, string>>;
    readonly co2e: string | null;
    readonly co2eLocation: string | null;
    readonly co2eMarket: string | null;
    readonly biogenicCO2: string | null;
    readonly dataQuality: string | null;
    readonly uncertaintyPercent: string | null;
    readonly significant: string | null;
    readonly computed: boolean;
}

export interface ReportUncertainty {
    /** Per source: its uncertainty (percent, 95 % interval half-width as given) and the absolute uncertainty in tCO2e. */
    readonly sources: ReadonlyArray<{ readonly id: string; readonly percent: string; readonly absolute: string }>;
    readonly notAssessed: readonly string[];
    /** IPCC 2006 Vol. 1 Ch. 3 Approach 1 over the assessed sources; null when none is assessed. */
    readonly total: { readonly percent: string; readonly absolute: string; readonly assessedEmissions: string } | null;
}

export interface ReportOffset {
    readonly id: string;
    readonly name: string;
    readonly standard: string | null;
    readonly project: string | null;
    readonly registry: string | null;
    readonly serial: string | null;
    readonly kind: string | null;
    readonly vintage: number | null;
    readonly quantity: string | null;
    readonly retired: string | null;
    readonly retiredFor: string | null;
    readonly appliesTo: string | null;
    readonly counts: boolean;
    /** `counted`, `not-retired`, `other-period`, or `not-computed`. */
    readonly reason: string;
}

export interface ReportBalance {
    readonly emissions: string;
    readonly removals: string;
    readonly offsets: string;
    readonly net: string;
    /** False when a source, removal or offset could not be computed: every total leaves it out. */
    readonly complete: boolean;
    /** How many sources, removals and offsets could not be computed. */
    readonly uncomputed: number;
    readonly neutral: boolean;
    /** Why not neutral (localised sentences); empty when neutral. */
    readonly reasons: readonly string[];
    readonly errors: number;
    readonly warnings: number;
}

export interface ReportClaim {
    readonly id: string;
    readonly name: string;
    readonly kind: string | null;
    readonly period: string | null;
    /** The claim gates and claim rules, and whether the claim passes each. */
    readonly gates: ReadonlyArray<{ readonly rule: string; readonly title: string; readonly passed: boolean; readonly messages: readonly string[] }>;
}

export interface ReportPlan {
    readonly years: readonly number[];
    /** Projected emissions of all sources, year by year. */
    readonly projected: readonly string[];
    readonly targets: ReadonlyArray<{
        readonly id: string;
        readonly name: string;
        readonly kind: string | null;
        readonly year: number | null;
        readonly unit: string;
        /** Per year of `years`: the projection for what the target covers, the path it allows, and the gap (projected − allowed); null outside the target's span. */
        readonly projected: ReadonlyArray<string | null>;
        readonly allowed: ReadonlyArray<string | null>;
        readonly gap: ReadonlyArray<string | null>;
        readonly firstMissed: number | null;
    }>;
}

export interface ReportClause {
    readonly clause: string;
    readonly title: string;
    readonly status: 'satisfied' | 'findings' | 'not-applicable';
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    readonly evidence: readonly string[];
    readonly rules: readonly string[];
}

export interface ReportFinding {
    readonly clause: string | null;
    readonly rule: string;
    readonly severity: 'error' | 'warning' | 'info';
    readonly message: string;
    readonly file: string;
    readonly line: number;
}

export interface ReportProvenance {
    readonly engine: string;
    readonly libraries: Readonly<Record<string, string>>;
    readonly git: { readonly commit: string; readonly clean: boolean } | null;
    readonly lockHash: string | null;
    /** Only with --timestamp: two runs on one commit give byte-identical reports. */
    readonly generated: string | null;
}
