import { describe, expect, test } from 'vitest';
import { buildModel, exact } from './helpers/model.js';

describe('smoke', () => {
    test('a one-source model', async () => {
        const model = await buildModel({ 'org.cnms': 'organization a { period 2024 consolidation operational-control ms-scope "x" }\nsite s\nsource x at s { category 1 emissions 10 tCO2 }' });
        expect(model.languageDiagnostics()).toEqual([]);
        // 10 tCO2 × GWP(CO2, AR6) 1 = 10 tCO2e
        expect(exact(model.balance().emissions)).toBe('10');
    });
});
