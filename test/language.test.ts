import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AstUtils } from 'langium';
import type { CnmsFile } from '@cnms/language';
import { buildModel } from './helpers/model.js';
import { REPO } from './helpers/cli.js';

function readTree(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (current: string) => {
        for (const name of readdirSync(current)) {
            const full = join(current, name);
            if (statSync(full).isDirectory()) walk(full);
            else if (name.endsWith('.cnms')) files[relative(dir, full)] = readFileSync(full, 'utf8');
        }
    };
    walk(dir);
    return files;
}

const ORG = 'organization acme { period 2024 consolidation operational-control ms-scope "All" }\n';

describe('parsing and linking', () => {
    test('every construct of language.md parses and links across the files of one model', async () => {
        const model = await buildModel(readTree(join(REPO, 'test/fixtures/every-construct')));
        expect(model.languageDiagnostics()).toEqual([]);
        const types = new Set<string>();
        for (const document of model.documents.values()) {
            for (const node of AstUtils.streamAst(document.parseResult.value)) types.add(node.$type);
            for (const reference of document.references) {
                expect('ref' in reference ? reference.ref : undefined, `${reference.$refText} in ${document.uri.path}`).toBeDefined();
            }
        }
        const declarations = [
            'Organization',
            'Site',
            'UnitDecl',
            'Let',
            'Factor',
            'Source',
            'Removal',
            'Offset',
            'Instrument',
            'Reduction',
            'Output',
            'Target',
            'Plan',
            'Claim',
            'ContextIssue',
            'Party',
            'Policy',
            'Role',
            'Risk',
            'Obligation',
            'Change',
            'Meter',
            'Training',
            'DocumentInfo',
            'Control',
            'Procurement',
            'Design',
            'Evaluation',
            'ComplianceCheck',
            'Audit',
            'Review',
            'Nonconformity',
            'Improvement'
        ];
        const expressions = ['NumberLiteral', 'NameReference', 'UnitProduct', 'BinaryExpression', 'PowerExpression', 'Period', 'Duration'];
        for (const type of [...declarations, ...expressions]) expect(types, type).toContain(type);
    });

    test('properties keep their values as written; numbers stay strings in the tree', async () => {
        const model = await buildModel({ 'org.cnms': `${ORG}site s\nsource boiler "Gas boilers" at s { category 4.1 significant no "small" activity 1_200 t factor 0.5 tCO2/t data-quality measured }` });
        const root = model.documents.get('org.cnms')!.parseResult.value as CnmsFile;
        const source = root.elements.find(e => e.$type === 'Source') as Extract<CnmsFile['elements'][number], { $type: 'Source' }>;
        expect(source.title).toBe('Gas boilers');
        expect(source.category).toBe('4.1');
        expect(source.significant).toBe('no');
        expect(source.justification).toBe('small');
        expect(source.dataQuality).toBe('measured');
        expect(source.site?.ref?.name).toBe('s');
    });

    test('library factors are seen under qualified names, and units such as tCO2 and kgHFC134a resolve to their gases', async () => {
        const model = await buildModel({
            'org.cnms': `${ORG}site s\nsource a at s { category 1 activity 10 TJ factor ipcc2006.natural_gas }\nsource b at s { category 1 emissions 3 kgHFC134a + 2 gHFC134a }`
        });
        expect(model.languageDiagnostics()).toEqual([]);
    });

    test('a property given twice is an error (CN-NUM-001) rather than a silent overwrite', async () => {
        const model = await buildModel({ 'org.cnms': `${ORG}site s\nsource a at s { category 1 emissions 1 tCO2 emissions 2 tCO2 }` });
        const found = model.diagnostics().filter(d => d.code === 'CN-NUM-001');
        expect(found).toHaveLength(1);
        expect(found[0].message).toBe("'emissions' is given twice in source a; a property may appear once.");
    });

    test('a syntax error names what was expected and where (CN-NUM-001)', async () => {
        const model = await buildModel({ 'org.cnms': `${ORG}site s\nsource a at s {\n    category 1\n    activity 10 MWh factor\n}\n` });
        const errors = model.diagnostics().filter(d => d.code === 'CN-NUM-001');
        expect(errors.length).toBeGreaterThan(0);
        expect(errors[0].line).toBe(6);
        expect(errors[0].message).toMatch(/^Syntax error: expected .+, found '\}'\.$/);
    });

    test('messages exist in Simplified Chinese', async () => {
        const model = await buildModel({ 'org.cnms': `${ORG}site s\nsource a at s { category 1 activity 45000 MWH factor 0.5 tCO2/MWh }` }, 'zh-CN');
        const [unknown] = model.diagnostics().filter(d => d.code === 'CN-NUM-002');
        expect(unknown.message).toBe('未知的单位“MWH”；是否应为“MWh”？');
        expect(unknown.text).toBe('MWH');
    });
});

describe('a model is a directory (language.md §1)', () => {
    test('names resolve across the files below the organization, in subfolders too', async () => {
        const model = await buildModel({
            'org.cnms': ORG,
            'sites/a.cnms': 'site a\nsource boiler at a { category 1 activity 10 TJ factor f }',
            'factors/f.cnms': 'factor f = 56100 kgCO2/TJ { source "IPCC" year 2006 }'
        });
        expect(model.languageDiagnostics()).toEqual([]);
        // 10 TJ × 56100 kgCO2/TJ = 561,000 kgCO2 = 561 tCO2 (GWP 1)
        expect(model.balance().emissions.toString()).toBe('561');
    });

    test('a subfolder with its own organization is another model: names do not resolve across models', async () => {
        const model = await buildModel({
            'org.cnms': `${ORG}site a\nfactor f = 1 tCO2/t\nsource x at a { category 1 emissions 5 tCO2 }`,
            'subsidiary/org.cnms': 'organization sub { period 2024 consolidation operational-control ms-scope "Sub" }\nsite b\nsource y at b { category 1 activity 2 t factor f }'
        });
        const sub = model.diagnostics('subsidiary/org.cnms').filter(d => d.code === 'CN-NUM-002');
        expect(sub.map(d => d.text)).toEqual(['f']);
        expect(model.languageDiagnostics('org.cnms')).toEqual([]);
        // The parent model counts only its own source: 5 tCO2 × 1 = 5
        expect(model.balance().emissions.toString()).toBe('5');
        expect(model.balance('subsidiary').sources.map(s => s.source.name)).toEqual(['y']);
    });

    test('a folder without an organisation belongs to the model above; a comment that holds the word declares none', async () => {
        const model = await buildModel({
            'org.cnms': `${ORG}site a\nsource x at a { category 1 emissions 5 tCO2 }`,
            'plants/kiln.cnms': '/*\norganization chart: the kiln team reports to the plant\n*/\nsource k at a { category 1 emissions 7 tCO2 }'
        });
        expect(model.languageDiagnostics('plants/kiln.cnms')).toEqual([]);
        // plants/ is the root model's: 5 + 7 = 12 tCO2, whichever folder names it
        expect(model.balance('plants').emissions.toString()).toBe('12');
        expect(model.balance().emissions.toString()).toBe('12');
    });

    test('two organizations in one model are an error on the second (CN-NUM-006)', async () => {
        const model = await buildModel({ 'org.cnms': ORG, 'other.cnms': 'organization second { period 2024 }' });
        const found = model.diagnostics('other.cnms').filter(d => d.code === 'CN-NUM-006');
        expect(found.map(d => d.text)).toEqual(['second']);
    });

    test('a file in no model gets exactly one diagnostic saying so (CN-NUM-009)', async () => {
        const { Cnms } = await buildModel({ 'org.cnms': ORG });
        expect(Cnms).toBeDefined();
        const orphan = await buildModel({ 'lonely.cnms': 'site s\nsource a at s { category 1 emissions 1 tCO2 }\nfactor f = 1 tCO2/t' });
        const found = orphan.diagnostics('lonely.cnms');
        expect(found.map(d => d.code)).toEqual(['CN-NUM-009']);
        expect(found[0].text).toBe('s');
    });
});
