// The HTML report of the steel example as a reader sees it, in Debian's Chromium:
// no console error, no request, the headline net figure, a screenshot per language.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { REPO, runCli } from './helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(REPO, 'test-artifacts');

describe.runIf(existsSync(CHROMIUM))('the steel report in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
        });
        mkdirSync(ARTIFACTS, { recursive: true });
    });
    afterAll(async () => browser?.close());

    test.each([
        ['en', 'Net balance 2024: +3,224,560.032 tCO2e'],
        ['zh-CN', '2024 年净排放：+3,224,560.032 tCO2e']
    ] as const)('%s', async (lang, headline) => {
        const balance = JSON.parse(runCli(['balance', 'examples/steel', '--format', 'json']).stdout);
        expect(headline).toContain(Number(balance.net).toLocaleString('en-US', { minimumFractionDigits: 3 }));
        const html = runCli(['report', 'examples/steel', '--format', 'html', '--lang', lang]).stdout;
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const errors: string[] = [];
        const requests: string[] = [];
        page.on('console', message => {
            if (message.type() === 'error') errors.push(message.text());
        });
        page.on('pageerror', error => errors.push(error.message));
        page.on('request', request => {
            if (!request.url().startsWith('data:') && request.url() !== 'about:blank') requests.push(request.url());
        });
        await page.setContent(html, { waitUntil: 'load' });
        await expect.poll(() => page.getByText(headline).first().isVisible()).toBe(true);
        expect(await page.locator('svg').count()).toBeGreaterThanOrEqual(3);
        await page.screenshot({ path: join(ARTIFACTS, `report-steel-${lang}.png`), fullPage: true });
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
        await page.close();
    });
});
