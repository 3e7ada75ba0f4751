import { beforeAll, describe, expect, test } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { parseHelper } from 'langium/test';
import { addBuiltinDocuments, Dimension, formatMeasured, formatQuantityMeasured, formatWrittenNumber, Quantity, Rational } from '@cnms/language';
import { createCnmsLspServices, type CnmsLspServices } from '@cnms/language/lsp';

// How the editor shows a value: in the unit its author wrote, with the digits it has.

const r = (text: string) => Rational.parse(text);

describe('digits scaled to the value', () => {
    test('up to three decimals from 1 up, trailing zeros dropped; four significant digits below 1', () => {
        expect(formatMeasured(r('14331240'))).toBe('14,331,240');
        expect(formatMeasured(r('1533442.68'))).toBe('1,533,442.68');
        expect(formatMeasured(r('27327.22614'))).toBe('27,327.226');
        expect(formatMeasured(r('0.0035'))).toBe('0.0035');
        expect(formatMeasured(r('0.038931'))).toBe('0.03893');
        expect(formatMeasured(r('2.5').negated())).toBe('-2.5');
        expect(formatMeasured(r('0'))).toBe('0');
    });

    test("the reader's precision: fewer or more decimals", () => {
        expect(formatMeasured(r('561.552'), 'en', 1)).toBe('561.6');
        expect(formatMeasured(r('561.552'), 'en', 0)).toBe('562');
        expect(formatMeasured(r('561.552'), 'en', 6)).toBe('561.552');
    });

    test('a number as written keeps every digit, grouped', () => {
        expect(formatWrittenNumber('504_000')).toBe('504,000');
        expect(formatWrittenNumber('107000')).toBe('107,000');
        expect(formatWrittenNumber('0.123456')).toBe('0.123456');
        expect(formatWrittenNumber('1.2e6')).toBe('1,200,000');
        expect(formatWrittenNumber('28.435')).toBe('28.435');
    });

    test('transport work in tonne-kilometres, not km·t', () => {
        // 1,000 t × 500 km = 500,000 tkm; 1 tkm = 10^6 g × 10^3 m
        const work = new Quantity(r('500000').times(r('1000000000')), Dimension.base('mass').times(Dimension.base('length')));
        expect(formatQuantityMeasured(work)).toBe('500,000 tkm');
    });
});

describe('inlay hints show values as written', () => {
    let Cnms: CnmsLspServices;
    beforeAll(async () => {
        const services = createCnmsLspServices(EmptyFileSystem);
        Cnms = services.Cnms;
        const builtins = addBuiltinDocuments(services.shared.workspace.LangiumDocumentFactory, services.shared.workspace.LangiumDocuments);
        await services.shared.workspace.DocumentBuilder.build(builtins);
    });
    const hintsOf = async (text: string) => {
        const document = await parseHelper(Cnms)(text, { documentUri: URI.file(`/display/${Math.random().toString(36).slice(2)}.cnms`).toString(), validation: true });
        const hints = await Cnms.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } } });
        return (hints ?? []).map(h => `${h.position.line}: ${String(h.label)}`);
    };

    test('a factor in its own unit, one per gas as the author wrote them; a literal never echoed; a product with the digits it has', async () => {
        const hints = await hintsOf(
            [
                'organization acme { period 2024 }',
                'site s',
                'factor truck "Truck freight" = 3.5 gCO2e/tkm',
                'let ncv = 28.435 GJ/t',
                'let coke = 2 * ncv',
                'source freight at s { category 4 significant yes activity 1_000 t * 500 km factor truck }'
            ].join('\n')
        );
        // 500,000 tkm × 3.5 g = 1,750,000 g = 1.75 tCO2e (a total: fixed decimals, as the command line and the reports show it)
        expect(hints).toEqual(['4: = 56.87 GJ/t', '5: = 1.750 tCO2e', '5: = 500,000 tkm', '5: = 3.5 gCO2e/tkm']);
    });
});
