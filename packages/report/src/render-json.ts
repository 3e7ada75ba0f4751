import type {
    ReportBalance,
    ReportClaim,
    ReportClause,
    ReportCompleteness,
    ReportFinding,
    ReportInventory,
    ReportModel,
    ReportOffset,
    ReportOrganization,
    ReportPlan,
    ReportProducts,
    ReportProvenance,
    ReportSite,
    ReportSource,
    ReportUncertainty
} from './report-model.js';
import type { LotJson, ProcessJson, ProductJson, PurchasedJson } from './products-json.js';

/**
 * The order of the keys of one kind of object of the model. `keys` follows the
 * interface in report-model.ts (and docs/report-json.md); `fields` gives the
 * order inside a child (or inside each element of a child array); `record`
 * orders a map whose keys are data (gases, library names).
 */
interface KeyOrder {
    readonly keys?: readonly string[];
    readonly fields?: Readonly<Record<string, KeyOrder>>;
    readonly record?: 'gases' | 'alphabetical';
}

type Element<T> = NonNullable<T> extends ReadonlyArray<infer E> ? E : NonNullable<T>;

/**
 * Every key of T, in order; a compile error when one is missing, so that a
 * field added to the model is placed (and documented in docs/report-json.md)
 * on purpose. At run time a key not listed would still be written, after the
 * listed ones, alphabetically.
 */
function keysOf<T>() {
    return <const K extends readonly (keyof T & string)[]>(...keys: K & (Exclude<keyof T, K[number]> extends never ? unknown : never)): readonly string[] => keys;
}

type Source = ReportSource;
type Factor = NonNullable<Source['factor']>;

const SOURCE_ORDER: KeyOrder = {
    keys: keysOf<Source>()(
        'id',
        'name',
        'site',
        'category',
        'scope',
        'activity',
        'factor',
        'emissionsExpression',
        'gases',
        'co2e',
        'co2eLocation',
        'co2eMarket',
        'biogenicCO2',
        'dataQuality',
        'uncertaintyPercent',
        'significant',
        'computed'
    ),
    fields: {
        activity: { keys: keysOf<NonNullable<Source['activity']>>()('expression', 'value', 'unit') },
        factor: {
            keys: keysOf<Factor>()('expression', 'name', 'values', 'source', 'year', 'uncertaintyPercent'),
            fields: { values: { keys: keysOf<Element<Factor['values']>>()('gas', 'value', 'unit') } }
        },
        gases: { record: 'gases' }
    }
};

const ORGANIZATION_ORDER: KeyOrder = {
    keys: keysOf<ReportOrganization>()('id', 'name', 'industry', 'msScope', 'consolidation', 'period', 'baseYear', 'gwp', 'scope2'),
    fields: {
        period: { keys: keysOf<NonNullable<ReportOrganization['period']>>()('start', 'end', 'label') },
        gwp: { keys: keysOf<ReportOrganization['gwp']>()('set', 'title', 'source', 'justification') }
    }
};

const INVENTORY_ORDER: KeyOrder = {
    keys: keysOf<ReportInventory>()('emissions', 'byCategory', 'byScope', 'byGas', 'bySite', 'sources', 'biogenicCO2', 'removals', 'removalsTotal', 'instruments', 'completeness'),
    fields: {
        byCategory: { keys: keysOf<Element<ReportInventory['byCategory']>>()('category', 'co2e') },
        byScope: { keys: keysOf<ReportInventory['byScope']>()('scope1', 'scope2Location', 'scope2Market', 'scope3') },
        byGas: { keys: keysOf<Element<ReportInventory['byGas']>>()('gas', 'tonnes', 'gwp', 'co2e') },
        bySite: { keys: keysOf<Element<ReportInventory['bySite']>>()('site', 'co2e') },
        sources: SOURCE_ORDER,
        removals: { keys: keysOf<Element<ReportInventory['removals']>>()('id', 'name', 'site', 'amount', 'method') },
        instruments: { keys: keysOf<Element<ReportInventory['instruments']>>()('id', 'name', 'kind', 'quantityMWh', 'covers', 'factor') },
        completeness: {
            keys: keysOf<ReportCompleteness>()('months', 'sources'),
            fields: { sources: { keys: keysOf<Element<ReportCompleteness['sources']>>()('id', 'months', 'filledPercent', 'fillMethod') } }
        }
    }
};

const PLAN_ORDER: KeyOrder = {
    keys: keysOf<ReportPlan>()('years', 'projected', 'targets'),
    fields: {
        targets: { keys: keysOf<Element<ReportPlan['targets']>>()('id', 'name', 'kind', 'year', 'unit', 'projected', 'allowed', 'gap', 'firstMissed') }
    }
};

type Installation = Element<ReportProducts['installations']>;

const PRODUCTS_ORDER: KeyOrder = {
    keys: keysOf<ReportProducts>()('installations', 'purchased', 'uncomputed'),
    fields: {
        installations: {
            keys: keysOf<Installation>()('id', 'name', 'country', 'city', 'period', 'processes', 'goods'),
            fields: {
                period: { keys: keysOf<NonNullable<Installation['period']>>()('start', 'end') },
                processes: {
                    keys: keysOf<ProcessJson>()(
                        'id',
                        'title',
                        'installation',
                        'computed',
                        'directEmissions',
                        'heatImported',
                        'heatExported',
                        'wasteGasImported',
                        'wasteGasExported',
                        'attributedDirect',
                        'attributedIndirect',
                        'activityLevel',
                        'functionalUnit',
                        'functionalActivityLevel',
                        'precursors',
                        'precursorDirect',
                        'precursorIndirect',
                        'seeDirect',
                        'seeIndirect'
                    ),
                    fields: { precursors: { keys: keysOf<Element<ProcessJson['precursors']>>()('good', 'mass', 'seeDirect', 'seeIndirect', 'defaultValue') } }
                },
                goods: { keys: keysOf<ProductJson>()('id', 'title', 'installation', 'process', 'cn', 'category', 'route', 'quantity', 'functionalUnit', 'content', 'unit', 'seeDirect', 'seeIndirect', 'see', 'computed') }
            }
        },
        purchased: {
            keys: keysOf<PurchasedJson>()('id', 'title', 'cn', 'category', 'supplier', 'country', 'defaultValue', 'seeDirect', 'seeIndirect', 'lots', 'computed'),
            fields: { lots: { keys: keysOf<LotJson>()('supplier', 'country', 'mass', 'seeDirect', 'seeIndirect', 'defaultValue', 'period') } }
        }
    }
};

/** The key order of the json format: the order of report-model.ts. */
export const REPORT_KEY_ORDER: KeyOrder = {
    keys: keysOf<ReportModel>()('format_version', 'locale', 'organization', 'boundary', 'inventory', 'uncertainty', 'offsets', 'balance', 'claims', 'plan', 'coverage', 'findings', 'provenance', 'products'),
    fields: {
        products: PRODUCTS_ORDER,
        organization: ORGANIZATION_ORDER,
        boundary: {
            keys: keysOf<ReportModel['boundary']>()('sites'),
            fields: { sites: { keys: keysOf<ReportSite>()('id', 'name', 'location', 'sharePercent', 'co2e', 'percentOfTotal', 'sources') } }
        },
        inventory: INVENTORY_ORDER,
        uncertainty: {
            keys: keysOf<ReportUncertainty>()('sources', 'notAssessed', 'total'),
            fields: {
                sources: { keys: keysOf<Element<ReportUncertainty['sources']>>()('id', 'percent', 'absolute') },
                total: { keys: keysOf<NonNullable<ReportUncertainty['total']>>()('percent', 'absolute', 'assessedEmissions') }
            }
        },
        offsets: {
            keys: keysOf<ReportModel['offsets']>()('register', 'counted'),
            fields: {
                register: {
                    keys: keysOf<ReportOffset>()('id', 'name', 'standard', 'project', 'registry', 'serial', 'kind', 'vintage', 'quantity', 'retired', 'retiredFor', 'appliesTo', 'counts', 'reason')
                }
            }
        },
        balance: { keys: keysOf<ReportBalance>()('emissions', 'removals', 'offsets', 'net', 'complete', 'uncomputed', 'neutral', 'reasons', 'errors', 'warnings') },
        claims: {
            keys: keysOf<ReportClaim>()('id', 'name', 'kind', 'period', 'gates'),
            fields: { gates: { keys: keysOf<Element<ReportClaim['gates']>>()('rule', 'title', 'passed', 'messages') } }
        },
        plan: PLAN_ORDER,
        coverage: { keys: keysOf<ReportClause>()('clause', 'title', 'status', 'errors', 'warnings', 'infos', 'evidence', 'rules') },
        findings: { keys: keysOf<ReportFinding>()('clause', 'rule', 'severity', 'message', 'file', 'line') },
        provenance: {
            keys: keysOf<ReportProvenance>()('engine', 'libraries', 'git', 'lockHash', 'generated'),
            fields: {
                libraries: { record: 'alphabetical' },
                git: { keys: keysOf<NonNullable<ReportProvenance['git']>>()('commit', 'clean') }
            }
        }
    }
};

/** The usual order of the Kyoto gases, then any other alphabetically. */
const GAS_ORDER = ['CO2', 'CH4', 'N2O', 'HFCs', 'PFCs', 'SF6', 'NF3'];

function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function compareGases(a: string, b: string): number {
    const ia = GAS_ORDER.indexOf(a);
    const ib = GAS_ORDER.indexOf(b);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? GAS_ORDER.length : ia) - (ib < 0 ? GAS_ORDER.length : ib) || compareText(a, b);
    return compareText(a, b);
}

/** A copy of `value` whose object keys are in the documented order (unknown keys last, alphabetically; undefined dropped). */
function ordered(value: unknown, order: KeyOrder | undefined): unknown {
    if (Array.isArray(value)) return value.map(element => ordered(element, order));
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    const present = Object.keys(record).filter(key => record[key] !== undefined);
    let keys: string[];
    if (order?.record) {
        keys = [...present].sort(order.record === 'gases' ? compareGases : compareText);
    } else {
        const known = (order?.keys ?? []).filter(key => present.includes(key));
        keys = [...known, ...present.filter(key => !known.includes(key)).sort(compareText)];
    }
    const result: Record<string, unknown> = {};
    for (const key of keys) result[key] = ordered(record[key], order?.record ? undefined : order?.fields?.[key]);
    return result;
}

/**
 * The json format: the report model itself, `format_version` first and every
 * key in the documented order (docs/report-json.md), 2-space indent, LF line
 * ends and a trailing newline. Figures stay exact decimal strings.
 */
export function renderJson(model: ReportModel): string {
    return `${JSON.stringify(ordered(model, REPORT_KEY_ORDER), null, 2)}\n`;
}
