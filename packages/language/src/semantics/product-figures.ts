import type { AstNode } from 'langium';
import type { CnmsFile, Expression, Good, Installation, Process, Source, SupplyLot } from '../generated/ast.js';
import { isGood, isInstallation, isProcess } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { cyclePath } from './cycle-path.js';
import { Dimension } from './dimension.js';
import { MEMBERS_KEY, type FigureStore } from './figure-memo.js';
import { ANY, checkedProperty, type Expectation } from './property-checks.js';
import { tonnes } from './quantity.js';
import { Rational } from './rational.js';
import { figuresFromInputs } from './source-figures.js';
import { isPeriodRange, periodRange } from './period.js';
import { CLINKER_CN, cnKey, functionalUnitOfCn, type FunctionalUnit } from './functional-unit.js';
import { shownName } from './shown-name.js';

/** A mass (t, kg …). */
export const MASS: Expectation = {
    fits: dimension => dimension.equals(Dimension.base('mass')),
    label: { en: 'a mass (such as t)', 'zh-CN': '质量（如 t）' }
};
/** Specific embedded emissions: a mass of CO2e per mass of good (tCO2e/t). */
export const CO2E_PER_MASS: Expectation = {
    fits: dimension => dimension.equals(Dimension.massOf('CO2e').dividedBy(Dimension.base('mass'))),
    label: { en: 'a mass of CO2e per mass of good (tCO2e/t)', 'zh-CN': '单位产品质量的 CO2 当量质量（tCO2e/t）' }
};
const ENERGY_QUANTITY: Expectation = {
    fits: dimension => dimension.equals(Dimension.base('energy')),
    label: { en: 'an amount of heat (such as GJ)', 'zh-CN': '热量（如 GJ）' }
};
const ENERGY_AMOUNT: Expectation = {
    fits: dimension => dimension.equals(Dimension.base('energy')),
    label: { en: 'an amount of energy (such as GJ)', 'zh-CN': '能量（如 GJ）' }
};
const MASS_OF_CARBON: Expectation = {
    fits: dimension => dimension.equals(Dimension.massOf('C')),
    label: { en: 'a mass of carbon (tC)', 'zh-CN': '碳质量（tC）' }
};
const SHARE: Expectation = {
    fits: dimension => dimension.isDimensionless(),
    label: { en: 'a share (%)', 'zh-CN': '比例（%）' }
};
/** Joules in a gigajoule: energy balances are given in GJ. */
const JOULES_PER_GJ = Rational.fromInteger(1_000_000_000);
/** Kilograms in a tonne: a nitrogen content of 46 % is 460 kg N per t. */
const KG_PER_TONNE = Rational.fromInteger(1_000);
/** Tonnes of carbon in a tonne of CO2: 12/44. */
const CARBON_PER_CO2 = Rational.fromInteger(12).dividedBy(Rational.fromInteger(44));

const MASS_OF_A_GAS: Expectation = {
    fits: dimension => dimension.gasOfMass() !== undefined,
    label: { en: 'a mass of a gas (such as tCO2)', 'zh-CN': '气体质量（如 tCO2）' }
};

/** A precursor a process used: its mass and the specific embedded emissions it brings (tCO2e per t). */
export interface PrecursorFigures {
    readonly good: Good;
    /** Tonnes used in the period (M_i). */
    readonly mass: Rational;
    readonly seeDirect: Rational;
    readonly seeIndirect: Rational;
    /** Its figures are default values (a bought good marked `default-value yes`). */
    readonly defaultValue: boolean;
}

/**
 * The figures of one production process (docs/cbam.md), in tonnes of CO2e and
 * tonnes of goods; direct and indirect apart.
 */
export interface ProcessFigures {
    readonly process: Process;
    /** Its sources with the CO2e each counts here (tCO2e, in full), direct (category 1) or indirect (category 2). */
    readonly sources: ReadonlyArray<{ readonly source: Source; readonly co2e: Rational; readonly direct: boolean }>;
    /** DirEm: the CO2e of its category-1 sources, in full (the site's share is not applied). */
    readonly directEmissions: Rational;
    /** Emissions of the electricity it used: its category-2 sources, location-based. */
    readonly indirectEmissions: Rational;
    readonly heatImported: Rational;
    readonly heatExported: Rational;
    readonly wasteGasImported: Rational;
    readonly wasteGasExported: Rational;
    /** AttrEm direct = DirEm + heat imported − heat exported + waste gas imported − waste gas exported, not below zero. */
    readonly attributedDirect: Rational;
    readonly attributedIndirect: Rational;
    /** AL: the tonnes of the goods it makes. */
    readonly activityLevel: Rational;
    /** The functional unit of its goods (2025/2547 Art. 4): their tonnes, the tonnes of clinker or the kilograms of nitrogen they contain. */
    readonly functionalUnit: FunctionalUnit;
    /** AL in functional units: Σ quantity × content (Annex II point F); its tonnes when the unit is the tonne. */
    readonly functionalActivityLevel: Rational;
    readonly precursors: readonly PrecursorFigures[];
    /** EE_InpMat, direct and indirect: Σ M_i × SEE_i. */
    readonly precursorDirect: Rational;
    readonly precursorIndirect: Rational;
    /**
     * The carbon balance it declares (`carbon-in`, `carbon-out`, `balance-tolerance`), in tonnes of
     * carbon, with the carbon its direct sources emit as CO2 (CO2 × 12/44); absent when it declares none.
     */
    readonly carbonBalance?: { readonly carbonIn: Rational; readonly carbonOut: Rational; readonly emitted: Rational; readonly tolerance: Rational };
    /**
     * The energy balance it declares (`energy-in`, `energy-out`, `energy-tolerance`), in GJ, with the
     * measurable heat it imports and exports and the electricity of its category-2 sources; absent
     * when it declares none or when an electricity source's energy is not known.
     */
    readonly energyBalance?: EnergyBalance;
    /** SEE = (AttrEm + EE_InpMat) / AL, direct and indirect, per functional unit (tCO2e/t, /t clinker or /kg N; Equation 59). */
    readonly seeDirect: Rational;
    readonly seeIndirect: Rational;
}

/**
 * A process's energy balance, in GJ: what it declares coming in (`energy-in`) and going out
 * (`energy-out`), and what it already declares as heat and electricity; the tolerance is a share of
 * all the energy in.
 */
export interface EnergyBalance {
    readonly energyIn: Rational;
    readonly heatIn: Rational;
    readonly electricity: Rational;
    readonly energyOut: Rational;
    readonly heatOut: Rational;
    readonly tolerance: Rational;
}

/** All the energy a process's balance counts in (GJ): declared, heat imported and electricity. */
export function energyInOf(balance: EnergyBalance): Rational {
    return balance.energyIn.plus(balance.heatIn).plus(balance.electricity);
}

/** All the energy it counts out (GJ): declared and heat exported. */
export function energyOutOf(balance: EnergyBalance): Rational {
    return balance.energyOut.plus(balance.heatOut);
}

/** A lot of a good bought from one installation (`bought-from`): its mass and the specific embedded emissions its operator gave. */
export interface LotFigures {
    readonly supplier: string;
    readonly country?: string;
    /** Tonnes bought. */
    readonly mass: Rational;
    readonly seeDirect: Rational;
    readonly seeIndirect: Rational;
    readonly defaultValue: boolean;
    /** The reporting period the lot was produced in (Art. 13 and 14(1)): `2024-01-01 .. 2024-12-31`. */
    readonly period?: string;
}

/** The figures of one good: made by a process (its process's), or bought with its own. */
export interface GoodFigures {
    readonly good: Good;
    /** The process that makes it; absent for a bought good. */
    readonly process?: Process;
    /** Tonnes made in the period (a good made by a process). */
    readonly quantity?: Rational;
    readonly seeDirect: Rational;
    readonly seeIndirect: Rational;
    readonly defaultValue: boolean;
    /** A good bought from several installations: its lots, whose mass-weighted average its figures are. */
    readonly lots?: readonly LotFigures[];
    /**
     * A good made whose functional unit is not its tonnes: the unit, the functional units a tonne of it
     * contains (t clinker or kg N per t), the equation that turns its process's SEE per functional unit
     * (given here) into its SEE per tonne (2025/2547 Annex III point B, Equations 64–66).
     */
    readonly functional?: FunctionalFigures;
}

/** A good's SEE per functional unit and per tonne: SEE per tonne = SEE per functional unit × content. */
export interface FunctionalFigures {
    readonly unit: Exclude<FunctionalUnit, 't'>;
    /** Functional units per tonne of the good: t clinker per t, or kg N per t. */
    readonly content: Rational;
    readonly equation: 64 | 65 | 66;
    readonly seeDirect: Rational;
    readonly seeIndirect: Rational;
}

/** A process of a model with its figures (absent when they cannot be computed) and those of its goods. */
export interface ProcessEntry {
    readonly process: Process;
    readonly figures?: ProcessFigures;
    readonly goods: ReadonlyArray<{ readonly good: Good; readonly figures?: GoodFigures }>;
}

/** An installation of a model and the processes that name it, in file order. */
export interface InstallationEntry {
    readonly installation: Installation;
    readonly processes: readonly ProcessEntry[];
}

/**
 * The products of one model: its installations with their processes and
 * goods, the goods bought, and how many processes or goods could not be
 * computed (every view says so).
 */
export interface ModelProducts {
    readonly installations: readonly InstallationEntry[];
    /** Processes whose installation's name does not resolve (CN-NUM-002 says so): listed, never lost. */
    readonly unplaced: readonly ProcessEntry[];
    readonly bought: ReadonlyArray<{ readonly good: Good; readonly figures?: GoodFigures }>;
    readonly uncomputed: number;
}

/** The part of a model's products one file holds. */
interface FileProducts {
    readonly installations: readonly Installation[];
    readonly processes: readonly ProcessEntry[];
    readonly bought: ModelProducts['bought'];
}

/** The installation a process belongs to, if its name resolves. */
export function installationOf(process: Process): Installation | undefined {
    return process.installation?.ref;
}

/**
 * Product intensities (the specific embedded emissions of goods) following
 * Implementing Regulation (EU) 2025/2547, Annex III (docs/cbam.md): each
 * process's attributed emissions from its sources, heat and waste gases;
 * its activity level from its goods; its precursors' embedded emissions,
 * recursively. Each figure is kept in the figure memory like a source's.
 */
export class CnmsProductFigures {
    private readonly services: CnmsServices;
    private readonly processes: FigureStore<Process, ProcessFigures | null>;
    private readonly goods: FigureStore<Good, GoodFigures | null>;
    private readonly cycles: FigureStore<Process, boolean>;
    private readonly models: FigureStore<object, ModelProducts> = new WeakMap();
    private readonly files: FigureStore<CnmsFile, FileProducts> = new WeakMap();

    constructor(services: CnmsServices) {
        this.services = services;
        const memo = services.semantics.FigureMemo;
        this.processes = memo.store((figures, counterpart) => {
            if (!figures) return figures;
            const process = counterpart(figures.process);
            const precursors = figures.precursors.map(precursor => ({ ...precursor, good: counterpart(precursor.good)! }));
            const sources = figures.sources.map(entry => ({ ...entry, source: counterpart(entry.source)! }));
            return process && precursors.every(precursor => precursor.good) && sources.every(entry => entry.source) ? { ...figures, process, precursors, sources } : undefined;
        });
        this.goods = memo.store((figures, counterpart) => {
            if (!figures) return figures;
            const good = counterpart(figures.good);
            const process = figures.process && counterpart(figures.process);
            return good && (process || !figures.process) ? { ...figures, good, ...(process ? { process } : {}) } : undefined;
        });
        this.cycles = memo.store();
    }

    /**
     * The products of a model, gathered file by file like the balance (each
     * file's part kept with what it read), so an edit recomputes the part of
     * the edited file and the processes that read it.
     */
    ofModel(model: string): ModelProducts {
        const memo = this.services.semantics.FigureMemo;
        return memo.memo(this.models, this.services.references.Models.keyObject(model), () => {
            memo.read(MEMBERS_KEY);
            const parts = this.services.references.Models.documentsOf(model)
                .map(document => document.parseResult.value as CnmsFile)
                .map(file => memo.memo(this.files, file, () => this.fileProducts(file)));
            const installations = parts.flatMap(part => part.installations);
            const processes = parts.flatMap(part => part.processes);
            const bought = parts.flatMap(part => part.bought);
            const placed = new Set<ProcessEntry>();
            const entries = installations.map(installation => {
                const own = processes.filter(entry => entry.process.installation?.ref === installation);
                own.forEach(entry => placed.add(entry));
                return { installation, processes: own };
            });
            const uncomputed = processes.reduce((count, entry) => count + (entry.figures ? 0 : 1) + entry.goods.filter(good => !good.figures).length, 0) + bought.filter(good => !good.figures).length;
            return { installations: entries, unplaced: processes.filter(entry => !placed.has(entry)), bought, uncomputed };
        });
    }

    private fileProducts(file: CnmsFile): FileProducts {
        const elements = file.elements ?? [];
        return {
            installations: elements.filter(isInstallation),
            processes: elements.filter(isProcess).map(process => ({
                process,
                figures: this.ofProcess(process),
                goods: process.goods.map(good => ({ good, figures: this.ofGood(good) }))
            })),
            bought: elements.filter(isGood).map(good => ({ good, figures: this.ofGood(good) }))
        };
    }

    /** The process's figures, or undefined when they cannot be computed (the problem is kept with them). */
    ofProcess(process: Process): ProcessFigures | undefined {
        const memo = this.services.semantics.FigureMemo;
        return memo.memo(this.processes, process, () => this.services.semantics.Evaluator.guarded(process, () => this.computeProcess(process)) ?? null) ?? undefined;
    }

    /** The good's figures, or undefined when they cannot be computed. */
    ofGood(good: Good): GoodFigures | undefined {
        const memo = this.services.semantics.FigureMemo;
        return memo.memo(this.goods, good, () => this.services.semantics.Evaluator.guarded(good, () => this.computeGood(good)) ?? null) ?? undefined;
    }

    /**
     * CN-CBAM-005: a process whose precursors lead back to its own goods,
     * reported at its name with the path; checked by following references, so
     * every process on the cycle is reported whichever is asked first.
     */
    onCycle(process: Process): boolean {
        return this.services.semantics.FigureMemo.memo(this.cycles, process, () => {
            const path = this.cyclePath(process);
            if (path) this.services.semantics.Evaluator.report('CN-CBAM-005', 'cycle', { name: process.name, path: path.join(' → ') }, process, 'name');
            return path !== undefined;
        });
    }

    private cyclePath(start: Process): string[] | undefined {
        const memo = this.services.semantics.FigureMemo;
        const next = (process: Process): Process[] => process.consumes.map(use => use.good?.ref?.$container).filter((container): container is Process => isProcess(container));
        const path = cyclePath(start, next, target => {
            memo.readNode(target);
            return true;
        });
        return path?.map(process => process.name);
    }

    private computeGood(good: Good): GoodFigures | undefined {
        const evaluator = this.services.semantics.Evaluator;
        const container = good.$container;
        if (isProcess(container)) {
            if (good.lots.length > 0) {
                evaluator.report('CN-CBAM-008', 'lotsOnMade', { name: good.name, process: container.name }, good, 'lots', 0);
                return undefined;
            }
            if (good.embeddedDirect || good.embeddedIndirect) {
                evaluator.report('CN-CBAM-005', 'embeddedOnMade', { name: good.name, process: container.name }, good, good.embeddedDirect ? 'embeddedDirect' : 'embeddedIndirect');
                return undefined;
            }
            const quantity = this.quantityOf(good);
            const functional = this.functionalOf(good);
            const figures = this.ofProcess(container);
            if (!quantity || !functional || !figures) return undefined;
            // Equations 64–66: the SEE per functional unit × the functional units in a tonne of the good
            return {
                good,
                process: container,
                quantity,
                seeDirect: figures.seeDirect.times(functional.content),
                seeIndirect: figures.seeIndirect.times(functional.content),
                defaultValue: figures.precursors.some(precursor => precursor.defaultValue),
                ...(functional.unit !== 't' ? { functional: { unit: functional.unit, content: functional.content, equation: functional.equation!, seeDirect: figures.seeDirect, seeIndirect: figures.seeIndirect } } : {})
            };
        }
        if (good.lots.length > 0) return this.boughtFromLots(good);
        // a good bought: its specific embedded emissions as its supplier (or the default values) give them
        if (!good.embeddedDirect) {
            evaluator.report('CN-CBAM-002', 'noEmbedded', { name: good.name }, good, 'name');
            return undefined;
        }
        const direct = checkedProperty(evaluator, good, 'embeddedDirect', CO2E_PER_MASS, 'non-negative');
        const indirect = good.embeddedIndirect ? checkedProperty(evaluator, good, 'embeddedIndirect', CO2E_PER_MASS, 'non-negative') : undefined;
        if (!direct || (good.embeddedIndirect && !indirect)) return undefined;
        return { good, seeDirect: direct.value, seeIndirect: indirect?.value ?? Rational.ZERO, defaultValue: good.defaultValue === 'yes' };
    }

    /**
     * A good bought from several installations: the mass-weighted average of its lots' specific
     * embedded emissions, Σ m_j × SEE_j / Σ m_j, direct and indirect apart (docs/cbam.md). Figures of
     * its own beside lots would be a second answer (CN-CBAM-008).
     */
    private boughtFromLots(good: Good): GoodFigures | undefined {
        const evaluator = this.services.semantics.Evaluator;
        if (good.embeddedDirect || good.embeddedIndirect) {
            evaluator.report('CN-CBAM-008', 'lotsAndOwn', { name: good.name }, good, good.embeddedDirect ? 'embeddedDirect' : 'embeddedIndirect');
            return undefined;
        }
        const lots: LotFigures[] = [];
        let failed = false;
        for (const lot of good.lots) {
            const figures = this.lotFigures(good, lot);
            if (figures) lots.push(figures);
            else failed = true;
        }
        if (failed) return undefined;
        const mass = lots.reduce((total, lot) => total.plus(lot.mass), Rational.ZERO);
        if (mass.isZero()) {
            evaluator.report('CN-CBAM-008', 'zeroMass', { name: good.name }, good, 'name');
            return undefined;
        }
        const average = (part: (lot: LotFigures) => Rational) => lots.reduce((total, lot) => total.plus(lot.mass.times(part(lot))), Rational.ZERO).dividedBy(mass);
        return {
            good,
            seeDirect: average(lot => lot.seeDirect),
            seeIndirect: average(lot => lot.seeIndirect),
            defaultValue: good.defaultValue === 'yes' || lots.some(lot => lot.defaultValue),
            lots
        };
    }

    /** One lot's mass (t) and specific embedded emissions; a lot without either is reported (CN-CBAM-008). */
    private lotFigures(good: Good, lot: SupplyLot): LotFigures | undefined {
        const evaluator = this.services.semantics.Evaluator;
        const supplier = shownName({ name: lot.supplier });
        if (!lot.quantity) evaluator.report('CN-CBAM-008', 'lotNoQuantity', { name: good.name, supplier }, lot, 'supplier');
        if (!lot.embeddedDirect) evaluator.report('CN-CBAM-008', 'lotNoEmbedded', { name: good.name, supplier }, lot, 'supplier');
        if (!lot.quantity || !lot.embeddedDirect) return undefined;
        const mass = checkedProperty(evaluator, lot, 'quantity', MASS, 'non-negative');
        const direct = checkedProperty(evaluator, lot, 'embeddedDirect', CO2E_PER_MASS, 'non-negative');
        const indirect = lot.embeddedIndirect ? checkedProperty(evaluator, lot, 'embeddedIndirect', CO2E_PER_MASS, 'non-negative') : undefined;
        if (!mass || !direct || (lot.embeddedIndirect && !indirect)) return undefined;
        // the reporting period it was produced in (Art. 13, 14(1)): shown, not a weight of the average
        const range = lot.period ? periodRange(lot.period) : undefined;
        if (range && !isPeriodRange(range)) evaluator.report('CN-CBAM-008', 'lotPeriod', { name: good.name, supplier }, lot, 'period');
        const period = range && isPeriodRange(range) ? `${range.start} .. ${range.end}` : undefined;
        return {
            supplier,
            ...(lot.country !== undefined ? { country: lot.country } : {}),
            mass: tonnes(mass),
            seeDirect: direct.value,
            seeIndirect: indirect?.value ?? Rational.ZERO,
            defaultValue: lot.defaultValue === 'yes',
            ...(period ? { period } : {})
        };
    }

    /**
     * The functional unit of a good a process makes and the functional units a tonne of it contains
     * (2025/2547 Art. 4(2)–(5); Annex III point B, Equations 64–66): 1 for the tonne; its
     * `clinker-content` (t clinker per t) for cements, cement clinker being all clinker; its
     * `nitrogen-content` × 1,000 (kg N per t) for the fertilisers of Art. 4(4)(a), and for those of
     * Art. 4(4)(b) that give one (their supplementary unit taken as the kilogram of nitrogen).
     * CN-CBAM-009 when the content the unit needs is missing, or is given where it is not used.
     */
    private functionalOf(good: Good): { unit: FunctionalUnit; content: Rational; equation?: 64 | 65 | 66 } | undefined {
        const evaluator = this.services.semantics.Evaluator;
        const unit = functionalUnitOfCn(good.cn);
        const cn = good.cn ?? '';
        if (unit === 't clinker') {
            if (good.nitrogenContent) evaluator.report('CN-CBAM-009', 'nitrogenNotUnit', { name: good.name }, good, 'nitrogenContent');
            if (!good.clinkerContent) {
                if (cnKey(cn) === CLINKER_CN) return { unit, content: Rational.ONE, equation: 64 };
                evaluator.report('CN-CBAM-009', 'noClinkerContent', { name: good.name, cn }, good, 'name');
                return undefined;
            }
            const content = checkedProperty(evaluator, good, 'clinkerContent', SHARE, 'share');
            return content ? { unit, content: content.value, equation: 64 } : undefined;
        }
        if (good.clinkerContent) evaluator.report('CN-CBAM-009', 'clinkerNotUnit', { name: good.name }, good, 'clinkerContent');
        if (unit === 'kg N' || (unit === 'supplementary' && good.nitrogenContent)) {
            if (!good.nitrogenContent) {
                evaluator.report('CN-CBAM-009', 'noNitrogenContent', { name: good.name, cn }, good, 'name');
                return undefined;
            }
            const content = checkedProperty(evaluator, good, 'nitrogenContent', SHARE, 'share');
            return content ? { unit: 'kg N', content: content.value.times(KG_PER_TONNE), equation: unit === 'kg N' ? 65 : 66 } : undefined;
        }
        if (good.nitrogenContent) evaluator.report('CN-CBAM-009', 'nitrogenNotUnit', { name: good.name }, good, 'nitrogenContent');
        if (unit === 'supplementary') evaluator.report('CN-CBAM-009', 'supplementaryUnit', { name: good.name, cn }, good, 'name');
        return { unit: 't', content: Rational.ONE };
    }

    /** A made good's quantity in tonnes (CN-CBAM-001 when it has none). */
    private quantityOf(good: Good): Rational | undefined {
        if (!good.quantity) {
            this.services.semantics.Evaluator.report('CN-CBAM-001', 'noQuantity', { name: good.name }, good, 'name');
            return undefined;
        }
        const quantity = checkedProperty(this.services.semantics.Evaluator, good, 'quantity', MASS, 'non-negative');
        return quantity ? tonnes(quantity) : undefined;
    }

    private computeProcess(process: Process): ProcessFigures | undefined {
        const evaluator = this.services.semantics.Evaluator;
        const semantics = this.services.semantics;
        if (this.onCycle(process)) return undefined;
        let failed = false;

        // direct and indirect emissions of its sources, in full: CBAM counts the installation's emissions, not a share of them
        let directEmissions = Rational.ZERO;
        let indirectEmissions = Rational.ZERO;
        const sources: Array<{ source: Source; co2e: Rational; direct: boolean }> = [];
        let emittedCarbon = Rational.ZERO;
        // the energy of its electricity (GJ), for its energy balance; the index of a category-2 source whose energy is not known
        let electricity = Rational.ZERO;
        let electricityUnknown: number | undefined;
        process.sources.forEach((reference, index) => {
            const source = reference.ref;
            if (!source) {
                failed = true;
                return;
            }
            const figures = semantics.SourceFigures.of(source);
            if (!figures) {
                failed = true;
                return;
            }
            if (figures.scope === 3) {
                evaluator.report('CN-CBAM-005', 'indirectCategory', { name: source.name, category: figures.category }, process, 'sources', index);
                failed = true;
                return;
            }
            const full = figuresFromInputs({ ...figures.inputs, share: Rational.ONE, scope2: 'location-based', instruments: [] });
            if (!full) {
                failed = true;
                return;
            }
            const co2e = tonnes(full.co2e);
            if (figures.scope === 1) emittedCarbon = emittedCarbon.plus(tonnes(full.location.get('CO2') ?? Rational.ZERO).times(CARBON_PER_CO2));
            if (figures.scope === 2) {
                const energy = this.electricityEnergy(source, figures.inputs.activity);
                if (energy) electricity = electricity.plus(energy);
                else electricityUnknown ??= index;
            }
            sources.push({ source, co2e, direct: figures.scope === 1 });
            if (figures.scope === 1) directEmissions = directEmissions.plus(co2e);
            else indirectEmissions = indirectEmissions.plus(co2e);
        });

        const heatImported = this.heat(process, 'heatIn', 'heatInFactor');
        const heatExported = this.heat(process, 'heatOut', 'heatOutFactor');
        const wasteGasImported = this.wasteGas(process, 'wasteGasIn');
        const wasteGasExported = this.wasteGas(process, 'wasteGasOut');
        if (!heatImported || !heatExported || !wasteGasImported || !wasteGasExported) failed = true;
        const carbonBalance = this.carbonBalance(process, emittedCarbon);
        if (carbonBalance === 'invalid') failed = true;
        const energyBalance = this.energyBalance(process, electricityUnknown === undefined ? electricity : electricityUnknown);
        if (energyBalance === 'invalid') failed = true;

        // AL: the goods it makes
        if (process.goods.length === 0) {
            evaluator.report('CN-CBAM-001', 'noGoods', { name: process.name }, process, 'name');
            failed = true;
        }
        // ... and in functional units (2025/2547 Art. 4; Annex II point F): one unit for all its goods
        let activityLevel = Rational.ZERO;
        let functionalActivityLevel = Rational.ZERO;
        const units = new Set<FunctionalUnit>();
        for (const good of process.goods) {
            const quantity = this.quantityOf(good);
            const functional = this.functionalOf(good);
            if (functional) units.add(functional.unit);
            if (quantity && functional) {
                activityLevel = activityLevel.plus(quantity);
                functionalActivityLevel = functionalActivityLevel.plus(quantity.times(functional.content));
            } else failed = true;
        }
        const functionalUnit: FunctionalUnit = units.values().next().value ?? 't';
        if (units.size > 1) {
            evaluator.report('CN-CBAM-009', 'mixedUnits', { name: process.name, units: [...units].join(', ') }, process, 'name');
            failed = true;
        }
        if (!failed && activityLevel.isZero()) {
            evaluator.report('CN-CBAM-001', 'zeroActivity', { name: process.name }, process, 'name');
            failed = true;
        }
        if (!failed && functionalActivityLevel.isZero()) {
            evaluator.report('CN-CBAM-009', 'zeroContent', { name: process.name, unit: functionalUnit }, process, 'name');
            failed = true;
        }

        // the precursors' embedded emissions
        const precursors: PrecursorFigures[] = [];
        process.consumes.forEach((use, index) => {
            const good = use.good?.ref;
            const mass = checkedProperty(evaluator, use, 'amount', MASS, 'non-negative');
            if (!good || !mass) {
                failed = true;
                return;
            }
            if (good.$container === process) {
                evaluator.report('CN-CBAM-005', 'ownGood', { name: good.name, process: process.name }, process, 'consumes', index);
                failed = true;
                return;
            }
            const figures = this.ofGood(good);
            if (!figures) {
                evaluator.report('CN-CBAM-002', 'precursorUncomputed', { name: good.name, process: process.name }, process, 'consumes', index);
                failed = true;
                return;
            }
            precursors.push({ good, mass: tonnes(mass), seeDirect: figures.seeDirect, seeIndirect: figures.seeIndirect, defaultValue: figures.defaultValue });
        });
        if (failed) return undefined;

        const sum = (part: (precursor: PrecursorFigures) => Rational) => precursors.reduce((total, precursor) => total.plus(precursor.mass.times(part(precursor))), Rational.ZERO);
        const precursorDirect = sum(precursor => precursor.seeDirect);
        const precursorIndirect = sum(precursor => precursor.seeIndirect);
        const computed = directEmissions.plus(heatImported!).minus(heatExported!).plus(wasteGasImported!).minus(wasteGasExported!);
        const attributedDirect = computed.isNegative() ? Rational.ZERO : computed;
        const attributedIndirect = indirectEmissions;
        return {
            process,
            sources,
            directEmissions,
            indirectEmissions,
            heatImported: heatImported!,
            heatExported: heatExported!,
            wasteGasImported: wasteGasImported!,
            wasteGasExported: wasteGasExported!,
            attributedDirect,
            attributedIndirect,
            activityLevel,
            functionalUnit,
            functionalActivityLevel,
            precursors,
            precursorDirect,
            precursorIndirect,
            ...(carbonBalance && carbonBalance !== 'invalid' ? { carbonBalance } : {}),
            ...(energyBalance && energyBalance !== 'invalid' ? { energyBalance } : {}),
            seeDirect: attributedDirect.plus(precursorDirect).dividedBy(functionalActivityLevel),
            seeIndirect: attributedIndirect.plus(precursorIndirect).dividedBy(functionalActivityLevel)
        };
    }

    /**
     * The carbon balance a process declares: carbon in and out (tC), and the share of the carbon in
     * that may go unaccounted for (`balance-tolerance`, default 0 %). A balance given in part is not
     * checked, and CN-CBAM-006 says so; none at all is allowed.
     */
    private carbonBalance(process: Process, emitted: Rational): ProcessFigures['carbonBalance'] | 'invalid' | undefined {
        const declared = this.declaredBalance(process, 'CN-CBAM-006', ['carbonIn', 'carbonOut', 'balanceTolerance'], MASS_OF_CARBON);
        if (!declared || declared === 'invalid') return declared;
        return { carbonIn: tonnes(declared.in), carbonOut: tonnes(declared.out), emitted, tolerance: declared.tolerance };
    }

    /**
     * What a process declares of a balance: what comes in and goes out and the share that may go
     * unaccounted for (default 0 %). Nothing declared is allowed; in without out, or out without in,
     * is reported (`partial`, of `rule`) and not checked; a value that is not what it must be makes the
     * process's figures fail, as any other of its values.
     */
    private declaredBalance(
        process: Process,
        rule: 'CN-CBAM-006' | 'CN-CBAM-007',
        [inProperty, outProperty, toleranceProperty]: readonly ['carbonIn' | 'energyIn', 'carbonOut' | 'energyOut', 'balanceTolerance' | 'energyTolerance'],
        expectation: Expectation
    ): { in: Rational; out: Rational; tolerance: Rational } | 'invalid' | undefined {
        if (!process[inProperty] && !process[outProperty] && !process[toleranceProperty]) return undefined;
        const evaluator = this.services.semantics.Evaluator;
        if (!process[inProperty] || !process[outProperty]) {
            evaluator.report(rule, 'partial', { name: process.name }, process, process[inProperty] ? inProperty : process[outProperty] ? outProperty : toleranceProperty);
            return undefined;
        }
        const amountIn = checkedProperty(evaluator, process, inProperty, expectation, 'non-negative');
        const amountOut = checkedProperty(evaluator, process, outProperty, expectation, 'non-negative');
        const tolerance = process[toleranceProperty] ? checkedProperty(evaluator, process, toleranceProperty, SHARE, 'share') : undefined;
        if (!amountIn || !amountOut || (process[toleranceProperty] && !tolerance)) return 'invalid';
        return { in: amountIn.value, out: amountOut.value, tolerance: tolerance?.value ?? Rational.ZERO };
    }

    /**
     * The energy balance a process declares (GJ): `energy-in` and `energy-out` (both, or neither, as
     * the carbon balance), `energy-tolerance` (default 0 %), with the heat it imports and exports and
     * the electricity of its category-2 sources counted on their side. A balance given in part, or one
     * whose electricity is not known as an energy, is not checked and CN-CBAM-007 says so.
     */
    private energyBalance(process: Process, electricity: Rational | number): EnergyBalance | 'invalid' | undefined {
        const declared = this.declaredBalance(process, 'CN-CBAM-007', ['energyIn', 'energyOut', 'energyTolerance'], ENERGY_AMOUNT);
        if (!declared || declared === 'invalid') return declared;
        const evaluator = this.services.semantics.Evaluator;
        const heatIn = this.heatAmount(process, 'heatIn');
        const heatOut = this.heatAmount(process, 'heatOut');
        if (!heatIn || !heatOut) return 'invalid';
        if (typeof electricity === 'number') {
            const source = process.sources[electricity];
            evaluator.report('CN-CBAM-007', 'electricityUnknown', { name: process.name, source: source?.$refText ?? '' }, process, 'sources', electricity);
            return undefined;
        }
        return {
            energyIn: declared.in.dividedBy(JOULES_PER_GJ),
            heatIn,
            electricity,
            energyOut: declared.out.dividedBy(JOULES_PER_GJ),
            heatOut,
            tolerance: declared.tolerance
        };
    }

    /** The measurable heat a process imports or exports (GJ); zero when not given. */
    private heatAmount(process: Process, property: 'heatIn' | 'heatOut'): Rational | undefined {
        if (!process[property]) return Rational.ZERO;
        const amount = checkedProperty(this.services.semantics.Evaluator, process, property, ENERGY_QUANTITY, 'non-negative');
        return amount?.value.dividedBy(JOULES_PER_GJ);
    }

    /**
     * The energy (GJ) of an electricity source: its activity when that is an energy (MWh, kWh, GJ);
     * undefined when its emissions are given directly or its activity is not an energy.
     */
    private electricityEnergy(source: Source, activity: Rational): Rational | undefined {
        if (!source.activity) return undefined;
        const quantity = checkedProperty(this.services.semantics.Evaluator, source, 'activity', ANY, 'non-negative');
        if (!quantity || !ENERGY_QUANTITY.fits(quantity.dimension)) return undefined;
        // the activity its figures use (base units, J), which a `gap-fill` may have completed
        return activity.dividedBy(JOULES_PER_GJ);
    }

    /** The emissions of heat imported or exported (tCO2e): the heat × its factor, gas by gas, with the model's GWP set; zero when not given. */
    private heat(process: Process, amountProperty: 'heatIn' | 'heatOut', factorProperty: 'heatInFactor' | 'heatOutFactor'): Rational | undefined {
        const expression: Expression | undefined = process[amountProperty];
        if (!expression) return Rational.ZERO;
        const evaluator = this.services.semantics.Evaluator;
        const amount = checkedProperty(evaluator, process, amountProperty, ENERGY_QUANTITY, 'non-negative');
        const factor = evaluator.factorExpressionValues(process[factorProperty], process, factorProperty);
        if (!amount || !factor) return undefined;
        const gwp = this.gwpOf(process);
        let total = Rational.ZERO;
        for (const value of factor) {
            if (!value.per.equals(amount.dimension)) {
                evaluator.report(
                    'CN-NUM-003',
                    'product',
                    { actual: amount.dimension.times(Dimension.massOf(value.gas)).dividedBy(value.per), activity: amount.dimension, factor: Dimension.massOf(value.gas).dividedBy(value.per) },
                    process,
                    factorProperty
                );
                return undefined;
            }
            const weight = gwp.values.get(value.gas);
            if (!weight) {
                evaluator.report('CN-6.2-004', 'gasNotInSet', { gas: value.gas, set: gwp.set, name: process.name }, process, factorProperty);
                return undefined;
            }
            total = total.plus(tonnes(amount.value.times(value.value).times(weight)));
        }
        return total;
    }

    /** A waste-gas correction (tCO2e): a mass of a gas with the model's GWP set; zero when not given. */
    private wasteGas(process: Process, property: 'wasteGasIn' | 'wasteGasOut'): Rational | undefined {
        if (!process[property]) return Rational.ZERO;
        const evaluator = this.services.semantics.Evaluator;
        const mass = checkedProperty(evaluator, process, property, MASS_OF_A_GAS, 'non-negative');
        if (!mass) return undefined;
        const gas = mass.dimension.gasOfMass()!;
        const gwp = this.gwpOf(process);
        const weight = gwp.values.get(gas);
        if (!weight) {
            evaluator.report('CN-6.2-004', 'gasNotInSet', { gas, set: gwp.set, name: process.name }, process, property);
            return undefined;
        }
        return tonnes(mass.value.times(weight));
    }

    private gwpOf(node: AstNode): { values: ReadonlyMap<string, Rational>; set: string } {
        const settings = this.services.semantics.OrganizationSettings.of(this.services.references.Models.modelOfNode(node));
        return { values: settings.gwpValues, set: settings.gwpSet?.name ?? '—' };
    }
}
