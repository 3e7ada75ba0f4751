import type { CbamCommunication } from './cbam-communication.js';
import { addTable, newWorkbook, workbookBytes, XLSX_FIXED_DATE, type SheetColumn, type SheetRow } from './render-xlsx.js';

/** The text of a mandatory cell the model does not fill: never an empty cell. */
export const CBAM_MISSING = 'MISSING: not given in the model';
/** The text of a figure that could not be computed. */
export const CBAM_NOT_COMPUTED = 'NOT COMPUTED: see cnms validate';

/**
 * The sheets of the communication, named as in the Commission's
 * communication template for installations (docs/cbam.md says what of its
 * layout is followed): installation data, emission sources, processes,
 * purchased precursors and the summary communication.
 */
export const CBAM_SHEETS = ['A_InstData', 'B_EmInst', 'D_Processes', 'E_PurchPrec', 'Summary_Communication'] as const;

const text = (header: string): SheetColumn => ({ header, kind: 'text' });
const figure = (header: string): SheetColumn => ({ header, kind: 'figure' });
const or = (value: string | null, flag = CBAM_MISSING): string => value ?? flag;
const computed = (value: string | null): string => value ?? CBAM_NOT_COMPUTED;

/**
 * The communication as an Excel workbook: one header row a sheet and one row
 * an item; every figure a numeric cell (3 decimals shown) with its exact
 * decimal in a hidden column beside it, as in the xlsx report. The headers
 * are English, the template's language. Deterministic (fixed dates).
 */
export async function renderCbamXlsx(communication: CbamCommunication): Promise<Buffer> {
    const workbook = await newWorkbook(`CBAM communication — ${communication.installation.name}`, XLSX_FIXED_DATE);
    const locale = 'en';
    const installation = communication.installation;

    const data: Array<[string, string]> = [
        ['Installation (in the model)', installation.id],
        ['Name of the installation', installation.name],
        ['Name of the operator', or(installation.operator)],
        ['Country', or(installation.country)],
        ['City', or(installation.city)],
        ['UN/LOCODE', or(installation.unlocode)],
        ['Site', installation.site ?? ''],
        ['Location of the site', installation.location ?? ''],
        ['Start of the reporting period', or(installation.period?.start ?? null)],
        ['End of the reporting period', or(installation.period?.end ?? null)],
        ['Aggregated goods categories', or(installation.categories.join('; ') || null)]
    ];
    addTable(
        workbook,
        'A_InstData',
        [text('Field'), text('Value')],
        data.map(([field, value]) => ({ cells: [field, value] })),
        locale
    );

    addTable(
        workbook,
        'B_EmInst',
        [text('Source'), text('Name'), text('Production process'), text('Category'), text('Direct or indirect'), figure('Emissions (tCO2e)')],
        communication.sources.map(source => ({ cells: [source.id, source.title ?? '', source.process, source.category ?? '', source.kind, source.co2e] })),
        locale,
        { autoFilter: true }
    );

    const processRows: SheetRow[] = communication.processes.map(process => ({
        cells: [
            process.id,
            process.title ?? '',
            computed(process.directEmissions),
            computed(process.heatImported),
            computed(process.heatExported),
            computed(process.wasteGasImported),
            computed(process.wasteGasExported),
            computed(process.attributedDirect),
            computed(process.attributedIndirect),
            computed(process.activityLevel),
            process.functionalUnit ?? CBAM_NOT_COMPUTED,
            computed(process.functionalActivityLevel),
            computed(process.precursorDirect),
            computed(process.precursorIndirect),
            computed(process.seeDirect),
            computed(process.seeIndirect)
        ]
    }));
    addTable(
        workbook,
        'D_Processes',
        [
            text('Production process'),
            text('Name'),
            figure('Direct emissions of the sources (tCO2e)'),
            figure('Heat imported (tCO2e)'),
            figure('Heat exported (tCO2e)'),
            figure('Waste gas imported (tCO2e)'),
            figure('Waste gas exported (tCO2e)'),
            figure('Attributed direct emissions (tCO2e)'),
            figure('Attributed indirect emissions (tCO2e)'),
            figure('Activity level (t)'),
            text('Functional unit'),
            figure('Activity level (functional units)'),
            figure('Precursors, direct (tCO2e)'),
            figure('Precursors, indirect (tCO2e)'),
            figure('SEE direct (tCO2e per functional unit)'),
            figure('SEE indirect (tCO2e per functional unit)')
        ],
        processRows,
        locale,
        { xSplit: 1 }
    );

    addTable(
        workbook,
        'E_PurchPrec',
        [
            text('Purchased precursor'),
            text('Name'),
            text('CN code'),
            text('Aggregated goods category'),
            text('Supplier'),
            text('Country of production'),
            text('Default values'),
            text('Used in production process'),
            figure('Mass used (t)'),
            figure('SEE direct (tCO2e/t)'),
            figure('SEE indirect (tCO2e/t)'),
            text('Installations of origin (mass-weighted average)')
        ],
        communication.purchasedPrecursors.map(precursor => ({
            cells: [
                precursor.id,
                precursor.title ?? '',
                or(precursor.cn),
                or(precursor.category),
                precursor.supplier ?? '',
                or(precursor.country),
                precursor.defaultValue ? 'yes' : 'no',
                precursor.usedBy,
                precursor.mass,
                precursor.seeDirect,
                precursor.seeIndirect,
                // each lot exact, as given: `Jiangsu Wire Co.: 600 t × (2 + 0) tCO2e/t`, its reporting period after its supplier where given
                precursor.lots.map(lot => `${lot.supplier}${lot.period ? ` (${lot.period})` : ''}: ${lot.mass} t × (${lot.seeDirect} + ${lot.seeIndirect}) tCO2e/t`).join('; ')
            ]
        })),
        locale
    );

    addTable(
        workbook,
        'Summary_Communication',
        [
            text('Installation'),
            text('City'),
            text('Country'),
            text('UN/LOCODE'),
            text('Start of the reporting period'),
            text('End of the reporting period'),
            text('Production process'),
            text('Aggregated goods category'),
            text('Product'),
            text('CN code'),
            figure('Quantity produced (t)'),
            text('Functional unit'),
            text('Functional units per t (t clinker or kg N per t)'),
            figure('SEE direct (tCO2e/t)'),
            figure('SEE indirect (tCO2e/t)'),
            figure('SEE total (tCO2e/t)')
        ],
        communication.products.map(product => ({
            cells: [
                installation.name,
                or(installation.city),
                or(installation.country),
                or(installation.unlocode),
                or(installation.period?.start ?? null),
                or(installation.period?.end ?? null),
                product.process,
                or(product.category),
                product.title ?? product.id,
                or(product.cn),
                computed(product.quantity),
                product.functionalUnit ?? CBAM_NOT_COMPUTED,
                product.content ?? '',
                computed(product.seeDirect),
                computed(product.seeIndirect),
                computed(product.see)
            ]
        })),
        locale,
        { autoFilter: true }
    );

    return workbookBytes(workbook, XLSX_FIXED_DATE);
}
