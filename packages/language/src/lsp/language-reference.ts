/**
 * Where hovers send a reader for the whole story of a construct: the user's
 * language reference, docs/language.md, published beside the rule pages.
 */
export const LANGUAGE_REFERENCE_URL = 'https://cnms.dev/docs/language';

/** The heading of docs/language.md (as its anchor) that explains each kind of declaration; test/language-doc.test.ts checks each exists. */
export const LANGUAGE_REFERENCE_SECTIONS: Readonly<Record<string, string>> = {
    Organization: 'organization--exactly-one-per-model',
    Site: 'site--a-place-inside-the-boundary',
    UnitDecl: 'built-in-units',
    GasDecl: 'built-in-units',
    Let: 'unit-let--your-own-units-and-named-values',
    Factor: 'factor--an-emission-factor-and-where-it-comes-from',
    Source: 'source--an-emission-source',
    Removal: 'removal--co2-taken-out-of-the-air-inside-the-boundary',
    Offset: 'offset--a-credit-bought-from-outside',
    Instrument: 'instrument--green-electricity-bought-with-a-certificate-or-contract',
    Reduction: 'reduction-output-target',
    Output: 'reduction-output-target',
    Target: 'reduction-output-target',
    Plan: 'plan-claim',
    Claim: 'plan-claim',
    Installation: 'installation-process-good--products-and-their-embedded-emissions',
    Process: 'installation-process-good--products-and-their-embedded-emissions',
    Good: 'installation-process-good--products-and-their-embedded-emissions'
};

/** The address of the reference's section on a kind of declaration (its `$type`), or of the whole page. */
export function languageReferenceUrl(type: string): string {
    const section = LANGUAGE_REFERENCE_SECTIONS[type];
    return section ? `${LANGUAGE_REFERENCE_URL}#${section}` : LANGUAGE_REFERENCE_URL;
}
