/** A snippet for each declaration, with the properties that rules.md requires and tab stops to fill in. */
export interface DeclarationSnippet {
    readonly label: string;
    readonly detail: string;
    readonly body: string;
}

const block = (head: string, properties: string[]) => `${head} {\n${properties.map(p => `\t${p}`).join('\n')}\n}`;

export const DECLARATION_SNIPPETS: readonly DeclarationSnippet[] = [
    { label: 'organization …', detail: 'The organisation (one per model)', body: block('organization ${1:name} "${2:Title}"', ['industry "${3:C3120}"', 'consolidation ${4|operational-control,financial-control,equity-share|}', 'period ${5:2024}', 'base-year ${6:2020}', 'gwp ${7|AR6,AR5,AR4,SAR|}', 'scope2 ${8|location-based,market-based|}', 'ms-scope "${9:Scope of the management system}"']) },
    { label: 'site …', detail: 'A site of the boundary', body: block('site ${1:name} "${2:Title}"', ['location "${3:City, Province}"', 'share ${4:100} %']) },
    { label: 'source … (activity × factor)', detail: 'An emission source from activity data', body: block('source ${1:name} "${2:Title}" at ${3:site}', ['category ${4:1}', 'activity ${5:0} ${6:MWh}', 'factor ${7:factor}', 'data-quality ${8|measured,calculated,estimated|}', 'uncertainty ${9:5} %']) },
    { label: 'source … (emissions)', detail: 'An emission source with measured emissions', body: block('source ${1:name} "${2:Title}" at ${3:site}', ['category ${4:1}', 'emissions ${5:0} ${6:tCO2}', 'data-quality ${7|measured,calculated,estimated|}', 'uncertainty ${8:5} %']) },
    { label: 'factor … (one value)', detail: 'An emission factor', body: 'factor ${1:name} "${2:Title}" = ${3:0} ${4:tCO2/MWh} {\n\tsource "${5:Publication, table}"\n\tyear ${6:2023}\n\tuncertainty ${7:5} %\n}' },
    { label: 'factor … (per gas)', detail: 'An emission factor with a value per gas', body: block('factor ${1:name} "${2:Title}"', ['value ${3:0} kgCO2/TJ', 'value ${4:0} kgCH4/TJ', 'value ${5:0} kgN2O/TJ', 'source "${6:Publication, table}"', 'year ${7:2006}']) },
    { label: 'unit …', detail: 'A user unit', body: 'unit ${1:name} = ${2:10^4} ${3:Nm3}' },
    { label: 'let …', detail: 'A named value', body: 'let ${1:name} = ${2:0} ${3:GJ/t}' },
    { label: 'output …', detail: 'A product output (for intensity targets)', body: 'output ${1:name} "${2:Title}" = ${3:0} ${4:t}' },
    { label: 'removal …', detail: 'A removal inside the boundary', body: block('removal ${1:name} "${2:Title}" at ${3:site}', ['amount ${4:0} tCO2', 'method "${5:Methodology}"']) },
    { label: 'offset …', detail: 'An offset credit', body: block('offset ${1:name} "${2:Title}"', ['standard ${3|CCER,CDM,VCS,GS,ACR,CAR|}', 'project "${4:Project}"', 'registry "${5:Registry}"', 'serial "${6:Serial}"', 'kind ${7|reduction,removal|}', 'vintage ${8:2023}', 'quantity ${9:0} tCO2e', 'retired ${10:2025-03-31}', 'retired-for "${11:Organisation}"']) },
    { label: 'instrument …', detail: 'A contractual instrument for market-based scope 2', body: block('instrument ${1:name} "${2:Title}"', ['kind ${3|GEC,I-REC,PPA,green-power|}', 'quantity ${4:0} MWh', 'covers ${5:source}', 'factor ${6:0} tCO2/MWh']) },
    { label: 'reduction …', detail: 'A planned reduction measure', body: block('reduction ${1:name} "${2:Title}"', ['on ${3:source}', 'cuts ${4:10} %', 'from ${5:2026}', 'status ${6|planned,in-progress,implemented,verified|}', 'owner ${7:role}']) },
    { label: 'target …', detail: 'A target', body: block('target ${1:name} "${2:Title}"', ['kind ${3|carbon-neutral,absolute-reduction,intensity-reduction|}', 'categories ${4:1, 2}', 'base-year ${5:2020}', 'base ${6:0} tCO2e', 'year ${7:2035}']) },
    { label: 'plan …', detail: 'The carbon-neutrality management plan', body: block('plan ${1:name} "${2:Title}"', ['targets ${3:target}', 'reductions ${4:reduction}', 'offset-strategy "${5:Strategy}"', 'updated ${6:2024-12-01}']) },
    { label: 'claim …', detail: 'A carbon-neutrality claim', body: block('claim ${1:name} "${2:Title}"', ['kind ${3|commitment,achievement|}', 'period ${4:2024}', 'plan ${5:plan}', 'verified-by "${6:Certification body}" on ${7:2025-04-30}', 'disclosure "${8:https://}"']) },
    { label: 'issue …', detail: 'An internal or external issue (4.1)', body: block('issue ${1:name} "${2:Title}"', ['kind ${3|internal,external|}', 'effect "${4:Effect}"']) },
    { label: 'party …', detail: 'An interested party (4.2)', body: block('party ${1:name} "${2:Title}"', ['needs "${3:Needs}"', 'obligation ${4|yes,no|}']) },
    { label: 'policy …', detail: 'The carbon-neutrality policy (5.2)', body: block('policy ${1:name} "${2:Title}"', ['text "${3:Policy text}"', 'neutral-by ${4:2035}', 'commits compliance, improvement', 'approved-by ${5:role}', 'approved ${6:2024-01-01}', 'communicated yes']) },
    { label: 'role …', detail: 'A role (5.1, 5.3)', body: block('role ${1:name} "${2:Title}"', ['responsibilities "${3:Responsibilities}"', 'authority "${4:Authority}"']) },
    { label: 'risk …', detail: 'A risk or opportunity (6.1)', body: block('risk ${1:name} "${2:Title}"', ['kind ${3|risk,opportunity|}', 'likelihood ${4|low,medium,high|}', 'impact ${5|low,medium,high|}', 'action "${6:Action}"', 'owner ${7:role}']) },
    { label: 'obligation …', detail: 'A compliance obligation (6.1)', body: block('obligation ${1:name} "${2:Title}"', ['requirement "${3:Requirement}"', 'source "${4:Regulation}"', 'applies-to ${5:site}']) },
    { label: 'change …', detail: 'A planned change (6.6)', body: block('change ${1:name} "${2:Title}"', ['description "${3:Description}"', 'date ${4:2024-06-01}', 'affects ${5:site}', 'owner ${6:role}']) },
    { label: 'meter …', detail: 'A monitoring and measuring resource (7.1)', body: block('meter ${1:name} "${2:Title}"', ['measures ${3:source}', 'accuracy ${4:0.5} %', 'calibrated ${5:2024-01-01}', 'interval ${6:12} months']) },
    { label: 'training …', detail: 'Competence and awareness (7.2, 7.3)', body: block('training ${1:name} "${2:Title}"', ['for ${3:role}', 'topic "${4:Topic}"', 'date ${5:2024-03-01}']) },
    { label: 'document …', detail: 'Documented information (7.5)', body: block('document ${1:name} "${2:Title}"', ['path "${3:docs/file.md}"', 'owner ${4:role}', 'version "${5:1.0}"']) },
    { label: 'control …', detail: 'Operational control (8.1)', body: block('control ${1:name} "${2:Title}"', ['applies-to ${3:source}', 'criteria "${4:Criteria}"', 'owner ${5:role}']) },
    { label: 'procurement …', detail: 'Procurement criteria', body: block('procurement ${1:name} "${2:Title}"', ['criteria "${3:Criteria}"']) },
    { label: 'design …', detail: 'Design criteria', body: block('design ${1:name} "${2:Title}"', ['criteria "${3:Criteria}"']) },
    { label: 'evaluation …', detail: 'Carbon-neutrality evaluation (9.x)', body: block('evaluation ${1:name} "${2:Title}"', ['date ${3:2025-02-01}', 'result "${4:Result}"']) },
    { label: 'compliance-check …', detail: 'Compliance evaluation (9.x)', body: block('compliance-check ${1:name} "${2:Title}"', ['date ${3:2024-11-01}', 'obligations ${4:obligation}', 'result "${5:Result}"']) },
    { label: 'audit …', detail: 'Internal audit (9.x)', body: block('audit ${1:name} "${2:Title}"', ['date ${3:2024-10-01}', 'auditor "${4:Auditor}"', 'scope "${5:Scope}"']) },
    { label: 'review …', detail: 'Management review (9.x)', body: block('review ${1:name} "${2:Title}"', ['date ${3:2024-12-01}', 'chaired-by ${4:role}', 'decisions "${5:Decisions}"']) },
    { label: 'nonconformity …', detail: 'Nonconformity and corrective action (10.x)', body: block('nonconformity ${1:name} "${2:Title}"', ['found-in ${3:audit}', 'cause "${4:Cause}"', 'correction "${5:Correction}"', 'corrective-action "${6:Corrective action}"', 'owner ${7:role}', 'due ${8:2024-12-31}', 'status ${9|open,closed|}']) },
    { label: 'improvement …', detail: 'Continual improvement (10.x)', body: block('improvement ${1:name} "${2:Title}"', ['description "${3:Description}"', 'owner ${4:role}']) }
];
