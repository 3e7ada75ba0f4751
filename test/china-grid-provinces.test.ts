// The provincial grid factors of the MEE and NBS announcements on the 2021 and
// 2022 electricity CO2 emission factors (issue 13, docs/methods.md "Library"),
// run as a user runs them: `cnms report` and `cnms factors` as processes on
// real files. Expected figures are worked out by hand beside them.
import { describe, expect, test } from 'vitest';
import { onlyRulesSettings, runCli, tempModel } from './helpers/cli.js';

interface FactorJson {
    id: string;
    title: string | null;
    values: Array<{ gas: string; value: string; unit: string }>;
    source: string | null;
    year: string | null;
    region: string | null;
}

interface ReportJson {
    inventory: { emissions: string; sources: Array<{ id: string; co2e: string | null; factor: { name: string | null; values: Array<{ value: string; unit: string }>; source: string | null } | null }> };
    findings: Array<{ rule: string; message: string }>;
}

const ORGANIZATION = `organization acme "Acme Co." {
    period 2023
    consolidation operational-control
    ms-scope "All operations"
    gwp AR6
}
`;

/** `cnms report --format json` of a model with CN-6.2-008 as its only clause rule. */
function report(body: string, args: readonly string[] = []): ReportJson {
    const dir = tempModel({ 'org.cnms': `${ORGANIZATION}${body}\n`, 'cnms.json': onlyRulesSettings('CN-6.2-008') });
    const result = runCli(['report', '.', '--format', 'json', ...args], { cwd: dir });
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as ReportJson;
}

/**
 * The provincial table as a second, independent transcription gives it
 * (felix0220170/ghg-accounting, src/config/emissionConstants.js; kgCO2/kWh,
 * trailing zeros dropped as there): [2021, 2022].
 */
const SECOND_TRANSCRIPTION: Record<string, [string, string]> = {
    山东: ['0.6838', '0.641'],
    新疆: ['0.6577', '0.6231'],
    宁夏: ['0.6546', '0.6423'],
    青海: ['0.1326', '0.1567'],
    甘肃: ['0.4955', '0.4772'],
    陕西: ['0.6336', '0.6558'],
    云南: ['0.1235', '0.1073'],
    贵州: ['0.5182', '0.4989'],
    四川: ['0.1255', '0.1404'],
    重庆: ['0.4743', '0.5227'],
    海南: ['0.4524', '0.4184'],
    广西: ['0.5154', '0.4044'],
    广东: ['0.4715', '0.4403'],
    湖南: ['0.5138', '0.49'],
    湖北: ['0.3672', '0.4364'],
    河南: ['0.6369', '0.6058'],
    江西: ['0.5835', '0.5752'],
    福建: ['0.4711', '0.4092'],
    安徽: ['0.7075', '0.6782'],
    浙江: ['0.5422', '0.5153'],
    江苏: ['0.6451', '0.5978'],
    上海: ['0.5834', '0.5849'],
    黑龙江: ['0.6342', '0.5368'],
    吉林: ['0.5629', '0.4932'],
    辽宁: ['0.5876', '0.5626'],
    内蒙古: ['0.7025', '0.6849'],
    山西: ['0.7222', '0.7096'],
    河北: ['0.7901', '0.7252'],
    天津: ['0.7355', '0.7041'],
    北京: ['0.5688', '0.558']
};

describe('provincial grid factors of the 2021 and 2022 announcements', () => {
    test('a model using two of them gives the exact figures (cnms report as a process)', () => {
        const json = report(`
site shijiazhuang "Shijiazhuang plant" { location "Shijiazhuang, Hebei" }
site kunming "昆明工厂" { location "昆明市, 云南省" }
source hebei_power "Purchased electricity" at shijiazhuang { category 2 activity 1_000 MWh factor china_grid.hebei_2021 }
source yunnan_power "Purchased electricity" at kunming { category 2 activity 2_500 MWh factor china_grid.yunnan_2022 }`);
        const source = (id: string) => json.inventory.sources.find(entry => entry.id === id);
        // 1 000 MWh × 0.7901 tCO2/MWh = 790.1 t
        expect(source('hebei_power')?.co2e).toBe('790.1');
        // 2 500 MWh × 0.1073 tCO2/MWh = 268.25 t
        expect(source('yunnan_power')?.co2e).toBe('268.25');
        // 790.1 + 268.25 = 1 058.35 t
        expect(json.inventory.emissions).toBe('1058.35');
        expect(source('hebei_power')?.factor).toEqual(
            expect.objectContaining({
                name: 'china_grid.hebei_2021',
                values: [expect.objectContaining({ value: '0.7901', unit: 'tCO2/MWh' })],
                source: 'MEE and NBS, announcement 2024 No. 12 (2024-04-12), annex 1, provincial averages'
            })
        );
        expect(source('yunnan_power')?.factor?.source).toBe('MEE and NBS, announcement 2024 No. 33 (2024-12-20), provincial averages');
        // each site uses its own province's factor: no finding
        expect(json.findings.filter(finding => finding.rule === 'CN-6.2-008')).toEqual([]);
    });

    test("another province's factor is a CN-6.2-008 warning naming both provinces, in English and Chinese", () => {
        const body = `
site office "Beijing office" { location "北京市朝阳区" }
source office_power at office { category 2 activity 100 MWh factor china_grid.hebei_2022 }`;
        expect(
            report(body)
                .findings.filter(finding => finding.rule === 'CN-6.2-008')
                .map(finding => finding.message)
        ).toEqual(['Source office_power at site office (北京市朝阳区) draws on the Beijing grid, but factor china_grid.hebei_2022 is of the Hebei grid.']);
        expect(
            report(body, ['--lang', 'zh-CN'])
                .findings.filter(finding => finding.rule === 'CN-6.2-008')
                .map(finding => finding.message)
        ).toEqual(['排放源 office_power 所在场所 office（北京市朝阳区）属于北京电网，但排放因子 china_grid.hebei_2022 属于河北电网。']);
    });

    test("a location naming only a regional grid fits the factors of that grid's provinces", () => {
        const json = report(`
site east "East China plant" { location "East China" }
site north "North China plant" { location "North China" }
source east_power at east { category 2 activity 100 MWh factor china_grid.jiangsu_2022 }
source north_power at north { category 2 activity 100 MWh factor china_grid.jiangsu_2022 }`);
        expect(json.findings.filter(finding => finding.rule === 'CN-6.2-008').map(finding => finding.message)).toEqual([
            'Source north_power at site north (North China) draws on the North China grid, but factor china_grid.jiangsu_2022 is of the Jiangsu grid.'
        ]);
    });

    test('Sichuan and Chongqing draw on the Southwest grid, as in the regional factors since 2021', () => {
        const json = report(`
site chengdu "Chengdu plant" { location "成都市, 四川省" }
site chongqing "Chongqing plant" { location "Chongqing" }
source chengdu_power at chengdu { category 2 activity 100 MWh factor china_grid.southwest_2023 }
source chongqing_power at chongqing { category 2 activity 100 MWh factor china_grid.central_2023 }`);
        expect(json.findings.filter(finding => finding.rule === 'CN-6.2-008').map(finding => finding.message)).toEqual([
            'Source chongqing_power at site chongqing (Chongqing) draws on the Southwest grid, but factor china_grid.central_2023 is of the Central China grid.'
        ]);
    });

    test("a factor of the model citing a province's grid factor is checked against it (CN-NUM-007)", () => {
        const json = report(`
factor hebei_grid "Hebei grid electricity, 2022" = 1 tCO2/MWh { source "MEE and NBS, provincial average" year 2022 }
site s { location "Hebei" }
source power at s { category 2 activity 10 MWh factor hebei_grid }`);
        // (1 − 0.7252) / 0.7252 = 0.2748 / 0.7252 = +37.89… %, beyond ±30 %
        expect(json.findings.filter(finding => finding.rule === 'CN-NUM-007').map(finding => finding.message)).toEqual([
            'Factor hebei_grid gives 1.000 tCO2/MWh for CO2, +37.9 % from china_grid.hebei_2022 (0.7252 tCO2/MWh), which its source cites; the plausible range is ±30 %.'
        ]);
    });

    test('cnms factors --search lists them with their provenance', () => {
        const text = runCli(['factors', '--search', 'hebei']);
        expect(text.code, text.stderr).toBe(0);
        expect(text.stdout).toMatch(/^Built-in emission factors of cnms \S+ · 2 factors matching 'hebei'\n/);
        expect(text.stdout).toContain(
            '  china_grid.hebei_2021  Hebei (河北), provincial average, 2021\n' + '      CO2 0.7901 tCO2/MWh\n' + '      source: MEE and NBS, announcement 2024 No. 12 (2024-04-12), annex 1, provincial averages · year 2021 · region Hebei\n'
        );
        expect(text.stdout).toContain(
            '  china_grid.hebei_2022  Hebei (河北), provincial average, 2022\n' + '      CO2 0.7252 tCO2/MWh\n' + '      source: MEE and NBS, announcement 2024 No. 33 (2024-12-20), provincial averages · year 2022 · region Hebei\n'
        );
        // the Chinese name finds them too
        const chinese = JSON.parse(runCli(['factors', '--search', '河北', '--format', 'json']).stdout) as { factors: FactorJson[] };
        expect(chinese.factors.map(factor => factor.id)).toEqual(['china_grid.hebei_2021', 'china_grid.hebei_2022']);
    });

    test('all 60 equal a second, independent transcription of the tables, 30 provinces a year', () => {
        const json = JSON.parse(runCli(['factors', '--search', 'provincial average', '--format', 'json']).stdout) as { factors: FactorJson[] };
        expect(json.factors).toHaveLength(60);
        const read: Record<string, [string?, string?]> = {};
        for (const factor of json.factors) {
            const match = /^[A-Z][A-Za-z ]+ \((\p{Script=Han}+)\), provincial average, (2021|2022)$/u.exec(factor.title ?? '');
            expect(match, factor.id).not.toBeNull();
            const [, province, year] = match!;
            expect(factor.id).toMatch(new RegExp(`^china_grid\\.[a-z_]+_${year}$`));
            expect(factor.year).toBe(year);
            expect(factor.region, factor.id).toBeTruthy();
            expect(factor.values.map(value => value.unit)).toEqual(['tCO2/MWh']);
            (read[province] ??= [])[year === '2021' ? 0 : 1] = factor.values[0].value;
        }
        expect(read).toEqual(SECOND_TRANSCRIPTION);
    });
});
