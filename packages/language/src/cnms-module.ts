import type { DefaultSharedCoreModuleContext, LangiumCoreServices, LangiumSharedCoreServices, Module, PartialLangiumCoreServices, PartialLangiumSharedCoreServices } from 'langium';
import { createCompletionParser, createDefaultCoreModule, createDefaultSharedCoreModule, inject } from 'langium';
import { CnmsGeneratedModule, CnmsGeneratedSharedModule } from './generated/module.js';
import { CnmsI18n } from './i18n/cnms-i18n.js';
import { CnmsAstNodeDescriptionProvider } from './references/cnms-ast-descriptions.js';
import { CnmsModels } from './references/cnms-models.js';
import { CnmsScopeComputation } from './references/cnms-scope-computation.js';
import { CnmsScopeProvider } from './references/cnms-scope-provider.js';
import { CnmsReferenceDescriptionProvider } from './references/cnms-reference-descriptions.js';
import { CnmsLanguageRules } from './rules/language.js';
import { CnmsModelRules } from './rules/model-rules.js';
import { CnmsRuleSettings } from './rules/rule-settings.js';
import { registerRules } from './rules/register-rules.js';
import { CnmsRuleReporter } from './rules/rule-reporter.js';
import { CnmsBalance } from './semantics/balance.js';
import { CnmsBoundaryShares } from './semantics/boundary-shares.js';
import { CnmsGapFill } from './semantics/gap-fill.js';
import { CnmsDatasets } from './semantics/datasets.js';
import { CnmsEvaluator } from './semantics/evaluator.js';
import { CnmsFigureMemo } from './semantics/figure-memo.js';
import { CnmsInstrumentAllocation } from './semantics/instrument-allocation.js';
import { CnmsOrganizationSettings } from './semantics/organization-settings.js';
import { CnmsProductFigures } from './semantics/product-figures.js';
import { CnmsProjection } from './semantics/projection.js';
import { CnmsSourceFigures } from './semantics/source-figures.js';
import { cnmsLexer } from './syntax/cnms-lexer.js';
import { cnmsParser } from './syntax/cnms-parser.js';
import { withOneTokenErrorPaths } from './syntax/error-paths.js';
import { CnmsDocumentValidator } from './validation/cnms-document-validator.js';
import { CnmsModelValidation } from './validation/cnms-model-validation.js';
import { CnmsDocumentBuilder } from './workspace/cnms-document-builder.js';
import { CnmsDocumentFactory } from './workspace/cnms-document-factory.js';
import { CnmsIndexManager } from './workspace/cnms-index-manager.js';
import { CnmsLinker } from './workspace/cnms-linker.js';
import { CnmsWorkspaceManager } from './workspace/cnms-workspace-manager.js';

/** The services CNMS adds to Langium's, one group per layer of ../shared/design/architecture.md. */
export type CnmsAddedServices = {
    I18n: CnmsI18n;
    references: {
        Models: CnmsModels;
    };
    semantics: {
        Datasets: CnmsDatasets;
        GapFill: CnmsGapFill;
        Evaluator: CnmsEvaluator;
        FigureMemo: CnmsFigureMemo;
        OrganizationSettings: CnmsOrganizationSettings;
        BoundaryShares: CnmsBoundaryShares;
        InstrumentAllocation: CnmsInstrumentAllocation;
        SourceFigures: CnmsSourceFigures;
        Balance: CnmsBalance;
        ProductFigures: CnmsProductFigures;
        Projection: CnmsProjection;
    };
    rules: {
        Reporter: CnmsRuleReporter;
        Language: CnmsLanguageRules;
        Model: CnmsModelRules;
        Settings: CnmsRuleSettings;
    };
    validation: {
        DocumentValidator: CnmsDocumentValidator;
        ModelValidation: CnmsModelValidation;
    };
};

export type CnmsServices = LangiumCoreServices & CnmsAddedServices;

export const CnmsModule: Module<CnmsServices, PartialLangiumCoreServices & CnmsAddedServices> = {
    I18n: () => new CnmsI18n(),
    parser: {
        Lexer: () => cnmsLexer(),
        LangiumParser: services => cnmsParser(services),
        CompletionParser: services => withOneTokenErrorPaths(createCompletionParser(services))
    },
    references: {
        Models: services => new CnmsModels(services.shared),
        ScopeComputation: services => new CnmsScopeComputation(services),
        ScopeProvider: services => new CnmsScopeProvider(services),
        Linker: services => new CnmsLinker(services)
    },
    workspace: {
        AstNodeDescriptionProvider: services => new CnmsAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: services => new CnmsReferenceDescriptionProvider(services)
    },
    semantics: {
        Datasets: services => new CnmsDatasets(services),
        GapFill: services => new CnmsGapFill(services),
        Evaluator: services => new CnmsEvaluator(services),
        FigureMemo: services => new CnmsFigureMemo(services.shared),
        OrganizationSettings: services => new CnmsOrganizationSettings(services),
        BoundaryShares: services => new CnmsBoundaryShares(services),
        InstrumentAllocation: services => new CnmsInstrumentAllocation(services),
        SourceFigures: services => new CnmsSourceFigures(services),
        Balance: services => new CnmsBalance(services),
        ProductFigures: services => new CnmsProductFigures(services),
        Projection: services => new CnmsProjection(services)
    },
    rules: {
        Reporter: services => new CnmsRuleReporter(services.I18n, () => services.rules.Settings),
        Language: services => new CnmsLanguageRules(services),
        Model: services => new CnmsModelRules(services),
        Settings: services => new CnmsRuleSettings(services)
    },
    validation: {
        DocumentValidator: services => new CnmsDocumentValidator(services),
        ModelValidation: services => new CnmsModelValidation(services)
    }
};

export const CnmsSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        WorkspaceManager: services => new CnmsWorkspaceManager(services),
        DocumentBuilder: services => new CnmsDocumentBuilder(services),
        LangiumDocumentFactory: services => new CnmsDocumentFactory(services),
        IndexManager: services => new CnmsIndexManager(services)
    }
};

/**
 * Creates the shared and the CNMS services. The context gives the file
 * system: Langium's `EmptyFileSystem` in tests and browsers, `NodeFileSystem`
 * in the CLI and the Node server.
 */
export function createCnmsServices(context: DefaultSharedCoreModuleContext): { shared: LangiumSharedCoreServices; Cnms: CnmsServices } {
    const shared = inject(createDefaultSharedCoreModule(context), CnmsGeneratedSharedModule, CnmsSharedModule);
    const Cnms = inject(createDefaultCoreModule({ shared }), CnmsGeneratedModule, CnmsModule);
    shared.ServiceRegistry.register(Cnms);
    startCnmsServices(Cnms);
    return { shared, Cnms };
}

/**
 * What every CNMS service container does once created: registers the rules,
 * and creates the services that listen to the document builder (the figure
 * memory and the model validation) before the first build.
 */
export function startCnmsServices(Cnms: CnmsServices): void {
    registerRules(Cnms);
    void Cnms.semantics.FigureMemo;
    void Cnms.validation.ModelValidation;
}
