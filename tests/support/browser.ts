import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Debian's Chromium driven by playwright-core (nothing is downloaded). Headless, sandbox off
 * (containers), and every background service that would reach the network switched off.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic'
		]
	});
}

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe on the page as it is now and fails on serious or critical violations, listing each
 * rule with its help text and the offending elements. Needs JavaScript in the context: axe
 * runs inside the page (it never returns in a context created with javaScriptEnabled: false).
 */
export async function checkA11y(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).analyze();
	const blocking = results.violations.filter((v) => v.impact && BLOCKING_IMPACTS.has(v.impact));
	if (blocking.length === 0) return;
	const report = blocking
		.map((v) => {
			const targets = v.nodes.map((node) => `    - ${node.target.join(' ')}`).join('\n');
			return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${targets}`;
		})
		.join('\n');
	throw new Error(`Pelanggaran aksesibilitas di ${page.url()}:\n${report}`);
}

/**
 * axe needs JavaScript: opens each path in a second context with it on and the session of
 * `context` (a context created with javaScriptEnabled: false), expects 200 and checks it.
 */
export async function checkPagesWithScript(
	browser: Browser,
	baseUrl: string,
	context: BrowserContext,
	paths: string[]
): Promise<void> {
	const withScript = await browser.newContext({ baseURL: baseUrl, storageState: await context.storageState() });
	const page = await withScript.newPage();
	try {
		for (const target of paths) {
			const response = await page.goto(target);
			expect(response?.status(), target).toBe(200);
			await checkA11y(page);
		}
	} finally {
		await withScript.close();
	}
}
