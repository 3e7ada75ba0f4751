import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '@cnms/language';
import { REPORT_TEXT, renderHtml, renderSvg, stableSvg, type ReportModel } from '@cnms/report';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const XSS = '<script>alert(1)</script>';
const XSS_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';

interface ModelOptions {
    readonly locale?: Locale;
    readonly organizationName?: string;
    readonly sourceTitle?: string;
}

/**
 * A small, realistic report model written by hand (not by the builder): a steel
 * company with two sites, four sources (one given directly, one scope 2 with a
 * certificate), one removal, two offsets (one counted, one not retired), one
 * claim, two targets over a five-year plan, and a few findings. Its figures add up.
 */
function sampleModel(options: ModelOptions = {}): ReportModel {
    const locale = options.locale ?? 'en';
    const zh = locale === 'zh-CN';
    return {
        format_version: '1.2',
        locale,
        organization: {
            id: 'acme_steel',
            name: options.organizationName ?? (zh ? '鞍信钢铁股份有限公司' : 'Acme Steel Co., Ltd.'),
            industry: 'C3110',
            msScope: zh ? '鞍山钢厂与大连轧钢厂的全部生产活动' : 'All production at the Anshan works and the Dalian rolling mill',
            consolidation: 'operational-control',
            period: { start: '2024-01-01', end: '2024-12-31', label: '2024' },
            baseYear: 2024,
            gwp: { set: 'ar6', title: 'IPCC AR6 (100-year)', source: 'IPCC AR6 WG1 Ch. 7, Table 7.15', justification: zh ? '国家主管部门要求采用的值集' : 'Required by the national programme & consistent with the base year' },
            scope2: 'market-based'
        },
        boundary: {
            sites: [
                { id: 'anshan', name: zh ? '鞍山钢厂' : 'Anshan Works', location: 'Anshan, Liaoning', sharePercent: null, co2e: '2575328.15075125', percentOfTotal: '79.3737011002399113619515141152636', sources: 2 },
                { id: 'dalian', name: zh ? '大连轧钢厂' : 'Dalian Rolling Mill', location: 'Dalian, Liaoning', sharePercent: '60', co2e: '669232.85', percentOfTotal: '20.6262988997600886380484858847364', sources: 2 }
            ]
        },
        inventory: {
            emissions: '3244561.00075125',
            byCategory: [
                { category: '1', co2e: '2575328.15075125' },
                { category: '2', co2e: '627330' },
                { category: '3', co2e: '41902.85' }
            ],
            byScope: { scope1: '2575328.15075125', scope2Location: '684360', scope2Market: '627330', scope3: '41902.85' },
            byGas: [
                { gas: 'CO2', tonnes: '3244533.21375', gwp: '1', co2e: '3244533.21375' },
                { gas: 'CH4', tonnes: '0.4866375', gwp: '29.8', co2e: '14.5017975' },
                { gas: 'N2O', tonnes: '0.04866375', gwp: '273', co2e: '13.28520375' }
            ],
            bySite: [
                { site: 'anshan', co2e: '2575328.15075125' },
                { site: 'dalian', co2e: '669232.85' }
            ],
            sources: [
                {
                    id: 'bf_coke',
                    name: options.sourceTitle ?? (zh ? '高炉焦炭' : 'Blast furnace coke'),
                    site: 'anshan',
                    category: '1',
                    scope: 1,
                    activity: { expression: '980_000 t', value: '980000', unit: 't' },
                    factor: {
                        expression: 'ipcc2006.coke_oven_coke',
                        name: 'ipcc2006.coke_oven_coke',
                        values: [{ gas: 'CO2', value: '2.6', unit: 'tCO2/t' }],
                        source: 'IPCC 2006 Vol. 2 Ch. 2, Table 2.2',
                        year: 2006,
                        uncertaintyPercent: '5'
                    },
                    emissionsExpression: null,
                    gases: { CO2: '2548000' },
                    co2e: '2548000',
                    co2eLocation: null,
                    co2eMarket: null,
                    biogenicCO2: null,
                    dataQuality: 'measured',
                    uncertaintyPercent: '5',
                    significant: 'yes',
                    computed: true
                },
                {
                    id: 'ng_boilers',
                    name: zh ? '天然气锅炉' : 'Natural gas boilers',
                    site: 'anshan',
                    category: '1',
                    scope: 1,
                    activity: { expression: '13_110_000 m3 * ncv_natural_gas', value: '486637.5', unit: 'GJ' },
                    factor: {
                        expression: 'ipcc2006.natural_gas',
                        name: 'ipcc2006.natural_gas',
                        values: [
                            { gas: 'CO2', value: '56.1', unit: 'tCO2/TJ' },
                            { gas: 'CH4', value: '1', unit: 'kgCH4/TJ' },
                            { gas: 'N2O', value: '0.1', unit: 'kgN2O/TJ' }
                        ],
                        source: 'IPCC 2006 Vol. 2 Ch. 2, Table 2.2',
                        year: 2006,
                        uncertaintyPercent: '3'
                    },
                    emissionsExpression: null,
                    gases: { CO2: '27300.36375', CH4: '0.4866375', N2O: '0.04866375' },
                    co2e: '27328.15075125',
                    co2eLocation: null,
                    co2eMarket: null,
                    biogenicCO2: null,
                    dataQuality: 'calculated',
                    uncertaintyPercent: '3',
                    significant: 'yes',
                    computed: true
                },
                {
                    id: 'grid_power',
                    name: zh ? '外购电力' : 'Purchased electricity',
                    site: 'dalian',
                    category: '2',
                    scope: 2,
                    activity: { expression: '1_200_000 MWh', value: '1200000', unit: 'MWh' },
                    factor: { expression: 'cn_grid_2022', name: 'cn_grid_2022', values: [{ gas: 'CO2', value: '0.5703', unit: 'tCO2/MWh' }], source: 'MEE national grid average 2022', year: 2022, uncertaintyPercent: null },
                    emissionsExpression: null,
                    gases: { CO2: '627330' },
                    co2e: '627330',
                    co2eLocation: '684360',
                    co2eMarket: '627330',
                    biogenicCO2: null,
                    dataQuality: 'measured',
                    uncertaintyPercent: '7.5',
                    significant: 'yes',
                    computed: true
                },
                {
                    id: 'outbound_rail',
                    name: zh ? '铁路外运' : 'Outbound rail freight',
                    site: 'dalian',
                    category: '3',
                    scope: 3,
                    activity: null,
                    factor: null,
                    emissionsExpression: '41_902.85 tCO2e',
                    gases: { CO2: '41902.85' },
                    co2e: '41902.85',
                    co2eLocation: null,
                    co2eMarket: null,
                    biogenicCO2: null,
                    dataQuality: 'estimated',
                    uncertaintyPercent: null,
                    significant: 'no',
                    computed: true
                }
            ],
            biogenicCO2: '0',
            removals: [{ id: 'afforestation', name: zh ? '厂区植树造林' : 'Afforestation of the slag yard', site: 'anshan', amount: '5000.96875125', method: 'IPCC 2006 Vol. 4 Ch. 4, gain-loss' }],
            removalsTotal: '5000.96875125',
            instruments: [{ id: 'gec_2024', name: zh ? '绿证 2024' : 'Green electricity certificates 2024', kind: 'GEC', quantityMWh: '100000', covers: ['grid_power'], factor: '0 tCO2/MWh' }]
        },
        uncertainty: {
            sources: [
                { id: 'bf_coke', percent: '5', absolute: '127400' },
                { id: 'ng_boilers', percent: '3', absolute: '819.8445225375' },
                { id: 'grid_power', percent: '7.5', absolute: '47049.75' }
            ],
            notAssessed: ['outbound_rail'],
            total: { percent: '4.240626794098982771756708328160769', absolute: '135812.7796641524995974307255163919', assessedEmissions: '3202658.15075125' }
        },
        offsets: {
            register: [
                {
                    id: 'ccer_wind',
                    name: zh ? '河北风电场 CCER' : 'CCER — Hebei wind farm',
                    standard: 'CCER',
                    project: 'CCER-13-2023-0042',
                    registry: 'National CCER registry',
                    serial: 'CCER-13-2023-0042-000001-015000',
                    kind: 'reduction',
                    vintage: 2023,
                    quantity: '15000',
                    retired: '2025-03-10',
                    retiredFor: 'Acme Steel Co., Ltd.',
                    appliesTo: '2024',
                    counts: true,
                    reason: 'counted'
                },
                {
                    id: 'vcs_cookstoves',
                    name: zh ? 'VCS 炉灶项目' : 'VCS 1748 — efficient cookstoves',
                    standard: 'VCS',
                    project: 'VCS 1748',
                    registry: 'Verra',
                    serial: 'VCS-1748-2022-20000',
                    kind: 'reduction',
                    vintage: 2022,
                    quantity: '20000',
                    retired: null,
                    retiredFor: null,
                    appliesTo: '2024',
                    counts: false,
                    reason: 'not-retired'
                }
            ],
            counted: '15000'
        },
        balance: {
            emissions: '3244561.00075125',
            removals: '5000.96875125',
            offsets: '15000',
            net: '3224560.032',
            complete: true,
            uncomputed: 0,
            neutral: false,
            reasons: zh ? ['净排放大于零', '模型存在 2 个错误'] : ['net is above zero', '2 errors stand against the model'],
            errors: 2,
            warnings: 3
        },
        claims: [
            {
                id: 'neutral_2024',
                name: zh ? '2024 年碳中和声明' : 'Carbon neutrality 2024',
                kind: 'achievement',
                period: '2024',
                gates: [
                    { rule: 'CN-9.1-001', title: zh ? '声明有对应的报告期' : 'The claim names a reporting period', passed: true, messages: [] },
                    { rule: 'CN-9.1-002', title: zh ? '声明经过核查' : 'The claim is verified', passed: false, messages: [zh ? '声明没有第三方核查' : 'the claim has no third-party verification'] },
                    { rule: 'CN-CLM-001', title: zh ? '净排放不大于零' : 'Net balance at or below zero', passed: false, messages: [zh ? '净排放为 +3,224,560.032 tCO2e' : 'net balance is +3,224,560.032 tCO2e'] }
                ]
            }
        ],
        plan: {
            years: [2024, 2025, 2026, 2027, 2028],
            projected: ['3244561.00075125', '3105200.4', '2968320.75', '2790110', '2602875.5'],
            targets: [
                {
                    id: 'minus30',
                    name: zh ? '2030 年绝对减排 30%' : '30 % absolute reduction by 2030',
                    kind: 'absolute-reduction',
                    year: 2030,
                    unit: 'tCO2e',
                    projected: ['3244561.00075125', '3105200.4', '2968320.75', '2790110', '2602875.5'],
                    allowed: ['3244561.00075125', '3082332.9507136875', '2920104.900676125', '2757876.8506385625', '2595648.800601'],
                    gap: ['0', '22867.4492863125', '48215.849323875', '32233.1493614375', '7226.699399'],
                    firstMissed: 2025
                },
                {
                    id: 'neutral2060',
                    name: zh ? '2060 年范围一碳中和' : 'Scope 1 carbon neutral by 2060',
                    kind: 'carbon-neutral',
                    year: 2060,
                    unit: 'tCO2e',
                    projected: ['2575328.15075125', '2480000', '2390000.25', '2270000', '2160000'],
                    allowed: ['2575328.15075125', '2503791.257674826388888888888888889', '2432254.364598402777777777777777778', '2360717.471521979166666666666666667', '2289180.578445555555555555555555556'],
                    gap: ['0', '-23791.257674826388888888888888889', '-42254.114598402777777777777777778', '-90717.471521979166666666666666667', '-129180.578445555555555555555555556'],
                    firstMissed: null
                }
            ]
        },
        coverage: [
            { clause: '4.3', title: zh ? '管理体系范围' : 'Scope of the management system', status: 'satisfied', errors: 0, warnings: 0, infos: 0, evidence: ['organization.cnms'], rules: ['CN-4.3-001', 'CN-4.3-002'] },
            { clause: '6.2', title: zh ? '温室气体排放核算' : 'GHG accounting', status: 'findings', errors: 1, warnings: 1, infos: 1, evidence: ['sites/anshan.cnms', 'sites/dalian.cnms'], rules: ['CN-6.2-001', 'CN-6.2-007', 'CN-6.2-014'] },
            { clause: '6.4', title: zh ? '碳抵销' : 'Offsetting', status: 'findings', errors: 0, warnings: 1, infos: 0, evidence: ['offsets.cnms'], rules: ['CN-6.4-003'] },
            { clause: '9.1', title: zh ? '碳中和声明' : 'Carbon-neutrality claims', status: 'findings', errors: 1, warnings: 0, infos: 0, evidence: ['claims.cnms'], rules: ['CN-9.1-001', 'CN-9.1-002'] },
            { clause: '10.2', title: zh ? '持续改进' : 'Continual improvement', status: 'not-applicable', errors: 0, warnings: 0, infos: 0, evidence: [], rules: ['CN-10.2-001'] }
        ],
        findings: [
            { clause: null, rule: 'CN-LANG-004', severity: 'warning', message: zh ? '排放源 outbound_rail 未给出不确定性' : 'source outbound_rail gives no uncertainty', file: 'sites/dalian.cnms', line: 31 },
            { clause: '6.2', rule: 'CN-6.2-007', severity: 'error', message: zh ? '排放因子 cn_grid_2022 早于报告期两年以上' : 'factor cn_grid_2022 is more than two years older than the period', file: 'factors.cnms', line: 12 },
            { clause: '6.2', rule: 'CN-6.2-014', severity: 'info', message: zh ? '天然气读数按活动分组' : 'natural gas readings grouped by activity', file: 'sites/anshan.cnms', line: 18 },
            { clause: '6.4', rule: 'CN-6.4-003', severity: 'warning', message: zh ? '抵销 vcs_cookstoves 尚未注销' : 'offset vcs_cookstoves is not retired', file: 'offsets.cnms', line: 9 },
            { clause: '9.1', rule: 'CN-9.1-002', severity: 'error', message: zh ? '声明没有第三方核查' : 'the claim has no third-party verification', file: 'claims.cnms', line: 4 }
        ],
        provenance: {
            engine: 'cnms 0.1.0',
            libraries: { langium: '4.4.0', 'decimal.js': '10.6.0', vega: '5.33.1', 'vega-lite': '5.23.0' },
            git: { commit: '8adf34017c2d4b0e9a5f6c1e2d3b4a5968778695', clean: true },
            lockHash: 'sha256:5b0a3c6fd1e24d8e9f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e',
            generated: null
        }
    };
}

describe('renderHtml', () => {
    test('is self-contained and safe: no script, no external resource, the CSP, every user string escaped', async () => {
        const html = await renderHtml(sampleModel({ organizationName: XSS, sourceTitle: XSS }));
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(html).toContain('<html lang="en">');
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
        expect(html.toLowerCase()).not.toContain('<script');
        expect(html).toContain(XSS_ESCAPED);
        // the organisation name (title, cover, footer) and the source title (table, chart label) all escaped
        expect(html.split(XSS_ESCAPED).length - 1).toBeGreaterThanOrEqual(4);
        expect(html).not.toMatch(/https?:\/\//i);
        expect(html).not.toMatch(/\b(?:src|srcset|action|xlink:href)\s*=/i);
        for (const href of html.matchAll(/\bhref\s*=\s*"([^"]*)"/gi)) expect(href[1]).toMatch(/^#/);
        for (const url of html.matchAll(/url\(([^)]*)\)/gi)) expect(url[1]).toMatch(/^#/);
        expect(html).not.toMatch(/@import|@font-face/i);
        expect(html).not.toMatch(/\son[a-z]+\s*=/i);
        // the headline figure, 3 decimals with thousands separators, and the three charts inline
        expect(html).toContain('Net balance 2024: </span><span class="headline-figure">+3,224,560.032');
        expect(html.match(/<svg\b/g)?.length).toBe(3);
        // every section in order
        const positions = ['organization', 'inventory', 'uncertainty', 'offsets', 'balance', 'plan', 'coverage', 'provenance'].map(id => html.indexOf(REPORT_TEXT[`section.${id}` as keyof typeof REPORT_TEXT].en));
        expect(positions.every(p => p > 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        // figures as the reader sees them
        expect(html).toContain('3,244,561.001');
        expect(html).toContain('684,360.000');
        expect(html).toContain('Required by the national programme &amp; consistent with the base year');
    });

    test('the same model gives byte-identical HTML', async () => {
        const first = await renderHtml(sampleModel());
        const second = await renderHtml(sampleModel());
        expect(second).toBe(first);
        // ids inside the SVG charts are the charts' own, never repeated across the page
        const ids = [...first.matchAll(/\sid="([^"]+)"/g)].map(match => match[1]);
        expect(new Set(ids).size).toBe(ids.length);
    });

    test("Vega's generated ids (global counters) are renamed per chart, so SVG output is stable", async () => {
        const clipped = {
            width: 200,
            height: 100,
            data: {
                values: [
                    { a: 1, b: 2 },
                    { a: 2, b: 5 }
                ]
            },
            mark: { type: 'line', clip: true },
            encoding: { x: { field: 'a', type: 'quantitative', scale: { domain: [0, 1.5] } }, y: { field: 'b', type: 'quantitative' } }
        } as Parameters<typeof renderSvg>[0];
        const first = await renderSvg(clipped, 'chart');
        const second = await renderSvg(clipped, 'chart');
        expect(second).toBe(first);
        expect(first).toContain('id="chart-1"');
        expect(first).toContain('url(#chart-1)');
        expect(stableSvg('<svg xmlns="http://www.w3.org/2000/svg" class="marks"><clipPath id="clip7"/><g clip-path="url(#clip7)"/></svg>', 'p')).toBe(
            '<svg class="marks chart-svg" role="img"><clipPath id="p-1"/><g clip-path="url(#p-1)"/></svg>'
        );
    });

    test("the plan's identical consecutive years are one row (2026–2028); a year with its own figure stays a row", async () => {
        const model = sampleModel();
        const flat = { ...model, plan: { ...model.plan, projected: ['3244561.00075125', '3105200.4', '2968320.75', '2968320.75', '2968320.75'] } };
        const html = await renderHtml(flat);
        const projection = html.slice(html.indexOf('<table class="projection">'), html.indexOf('</table>', html.indexOf('<table class="projection">')));
        expect([...projection.matchAll(/<td class="nowrap">([^<]+)<\/td>/g)].map(m => m[1])).toEqual(['2024', '2025', '2026–2028']);
        expect(projection).toContain('2,968,320.750');
    });

    test('a sparse model: no period, no sources, no offsets, no plan, a negative net', async () => {
        const full = sampleModel();
        const sparse: ReportModel = {
            ...full,
            organization: { ...full.organization, period: null, industry: null, msScope: null, baseYear: null, gwp: { set: null, title: null, source: null, justification: null } },
            boundary: { sites: [] },
            inventory: {
                ...full.inventory,
                emissions: '0',
                byCategory: [],
                byGas: [],
                bySite: [],
                sources: [],
                removals: [],
                instruments: [],
                byScope: { scope1: '0', scope2Location: '0', scope2Market: '0', scope3: '0' },
                removalsTotal: '120.5'
            },
            uncertainty: { sources: [], notAssessed: [], total: null },
            offsets: { register: [], counted: '0' },
            balance: { emissions: '0', removals: '120.5', offsets: '0', net: '-120.5', complete: true, uncomputed: 0, neutral: true, reasons: [], errors: 0, warnings: 0 },
            claims: [],
            plan: { years: [], projected: [], targets: [] },
            coverage: [],
            findings: [],
            provenance: { engine: 'cnms 0.1.0', libraries: {}, git: null, lockHash: null, generated: '2025-01-31T08:00:00Z' }
        };
        const html = await renderHtml(sparse);
        expect(html).toContain('Net balance: </span><span class="headline-figure">-120.500');
        expect(html).toContain('Carbon neutral for the period');
        expect(html.match(/<svg\b/g)?.length).toBe(1);
        expect(html).toContain('No reduction plan is declared');
        expect(html).toContain('not in a git repository');
        expect(html).toContain('2025-01-31T08:00:00Z');
    });

    test('zh-CN: the lang attribute and the section names in Chinese', async () => {
        const html = await renderHtml(sampleModel({ locale: 'zh-CN' }));
        expect(html).toContain('<html lang="zh-CN">');
        for (const id of ['organization', 'inventory', 'uncertainty', 'offsets', 'balance', 'plan', 'coverage', 'provenance']) {
            expect(html).toContain(REPORT_TEXT[`section.${id}` as keyof typeof REPORT_TEXT]['zh-CN']);
        }
        expect(html).toContain('2024 年净排放：');
        expect(html).toContain('本报告期未实现碳中和');
        expect(html).not.toContain('Net balance 2024');
    });
});

// Debian's Chromium: CI installs it (scripts/e2e-vscode/install.sh); a machine without it skips these, saying so.
describe.runIf(existsSync(CHROMIUM))('renderHtml in Chromium', () => {
    let browser: Browser;

    beforeAll(async () => {
        browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
        mkdirSync(ARTIFACTS, { recursive: true });
    });

    afterAll(async () => {
        await browser?.close();
    });

    const cases: Array<{ locale: Locale; headline: string }> = [
        { locale: 'en', headline: 'Net balance 2024: +3,224,560.032 tCO2e' },
        { locale: 'zh-CN', headline: '2024 年净排放：+3,224,560.032 tCO2e' }
    ];

    test('beside the editor (540 px): nothing wider than the window, the cards wrap, tables scroll in their box, chart text at its drawn size', async () => {
        const html = await renderHtml(sampleModel());
        const page = await browser.newPage({ viewport: { width: 540, height: 900 } });
        try {
            await page.setContent(html, { waitUntil: 'load' });
            // the page itself never scrolls sideways: wide tables and charts scroll inside their own box
            expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(540);
            // the four summary cards wrap into two rows of two
            const cards = await page.locator('.kpi').evaluateAll(kpis => kpis.map(kpi => Math.round(kpi.getBoundingClientRect().top)));
            expect(new Set(cards).size).toBe(2);
            // a chart keeps the width it was drawn at, so its 11 px labels stay 11 px (scaled down they were about 7 px)
            const chart = page.locator('figure.chart > svg').first();
            const [drawn, shown] = await chart.evaluate(svg => [Number(svg.getAttribute('width')), svg.getBoundingClientRect().width]);
            expect(shown).toBe(drawn);
            expect(await chart.evaluate(figure => getComputedStyle(figure.parentElement).overflowX)).toBe('auto');
            expect(
                await page
                    .locator('.table-wrap')
                    .first()
                    .evaluate(wrap => getComputedStyle(wrap).overflowX)
            ).toBe('auto');
            await page.screenshot({ path: join(ARTIFACTS, 'report-narrow.png') });
        } finally {
            await page.close();
        }
    });

    for (const { locale, headline } of cases) {
        test(`${locale}: renders without errors or requests, the headline visible, three SVG charts, screenshot and PDF`, async () => {
            const html = await renderHtml(sampleModel({ locale }));
            writeFileSync(join(ARTIFACTS, `report-${locale}.html`), html);
            const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
            const errors: string[] = [];
            const requests: string[] = [];
            page.on('console', message => {
                if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
            });
            page.on('pageerror', error => errors.push(error.message));
            page.on('request', request => requests.push(request.url()));
            page.on('requestfailed', request => errors.push(`failed: ${request.url()}`));
            try {
                await page.setContent(html, { waitUntil: 'load' });
                expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);

                const headlineLocator = page.locator('#headline');
                await expect.poll(() => headlineLocator.isVisible()).toBe(true);
                expect((await headlineLocator.textContent())?.trim()).toBe(headline);
                const box = await headlineLocator.boundingBox();
                expect(box && box.y < 400).toBe(true);

                const charts = page.locator('figure.chart > svg');
                expect(await charts.count()).toBe(3);
                for (let i = 0; i < 3; i++) {
                    const chart = await charts.nth(i).boundingBox();
                    expect(chart!.width).toBeGreaterThan(300);
                    expect(chart!.height).toBeGreaterThan(150);
                    expect(await charts.nth(i).locator('path, rect, line').count()).toBeGreaterThan(3);
                }
                // numeric columns are right-aligned
                expect(
                    await page
                        .locator('td.num')
                        .first()
                        .evaluate(cell => getComputedStyle(cell).textAlign)
                ).toBe('right');

                await page.screenshot({ path: join(ARTIFACTS, `report-${locale}.png`), fullPage: true });
                const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
                expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
                writeFileSync(join(ARTIFACTS, `report-${locale}.pdf`), pdf);

                expect(errors).toEqual([]);
                expect(requests.filter(url => !url.startsWith('data:') && url !== 'about:blank')).toEqual([]);
            } finally {
                await page.close();
            }
        });
    }
});
