import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server';
import { checkA11y, launchBrowser } from '../support/browser';

/**
 * The search journey on the demo data: type on the home page, get suggestions (with
 * JavaScript: an ARIA combobox), choose one or submit, see results with the words marked;
 * without JavaScript the same form submits to /katalog?q=. axe on the results page and with the
 * suggestion list open.
 */

const TYPED = 'pelayanam kependudukan';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
	[server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

afterEach(({ task }) => {
	if (task.result?.state === 'fail' && server) console.error(`--- stderr server (${task.name}) ---\n${server.stderr.join('')}`);
});

async function newPage(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled });
	context.setDefaultTimeout(15_000);
	return { context, page: await context.newPage() };
}

async function expectMarkedResults(page: Page): Promise<void> {
	await page.waitForURL(/\/katalog\?q=/);
	const results = page.locator('ol.results > li');
	expect(await results.count()).toBeGreaterThan(0);
	const marks = (await page.locator('ol.results mark').allInnerTexts()).map((m) => m.toLowerCase());
	expect(marks).toContain('kependudukan');
	// The typo is corrected for the search and offered as "did you mean".
	await expect(page.locator('.did-you-mean a').innerText()).resolves.toBe('pelayanan kependudukan');
}

describe('pencarian dengan JavaScript', () => {
	it('menampilkan saran saat mengetik, dapat dipilih dengan keyboard, dan lolos axe', async () => {
		const { context, page } = await newPage(true);
		try {
			await page.goto('/');
			const box = page.getByRole('combobox', { name: 'Cari inovasi menurut judul atau ringkasan' });
			await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
			const listId = await box.getAttribute('aria-controls');
			expect(listId).toBeTruthy();

			const answer = page.waitForResponse((r) => r.url().includes('/api/v1/suggestions?q=pelayanam%20kependudukan'));
			await box.pressSequentially(TYPED);
			expect((await answer).status()).toBe(200);
			const listbox = page.getByRole('listbox', { name: 'Saran pencarian' });
			await listbox.waitFor({ state: 'visible' });
			await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
			const options = listbox.getByRole('option');
			expect(await options.count()).toBeGreaterThan(0);
			const first = (await options.first().innerText()).toLowerCase();
			expect(first).toContain('kependudukan');
			expect(first).toContain('inovasi');

			// Arrow down marks the first option through aria-activedescendant.
			await box.press('ArrowDown');
			const firstId = await options.first().getAttribute('id');
			await expect(box.getAttribute('aria-activedescendant')).resolves.toBe(firstId);
			await expect(options.first().getAttribute('aria-selected')).resolves.toBe('true');
			await checkA11y(page);

			// Escape closes the list without leaving the page.
			await box.press('Escape');
			await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
			expect(await listbox.isHidden()).toBe(true);

			// Enter on a chosen suggestion goes to its page.
			await box.press('ArrowDown');
			await expect(box.getAttribute('aria-activedescendant')).resolves.toBe(firstId);
			await Promise.all([page.waitForURL(/\/inovasi\/inv-/), box.press('Enter')]);
			await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toMatch(/kependudukan/i);
		} finally {
			await context.close();
		}
	});

	it('Enter tanpa memilih saran mengirim formulir: hasil dengan kata yang ditandai, lolos axe', async () => {
		const { context, page } = await newPage(true);
		try {
			await page.goto('/');
			const box = page.getByRole('combobox', { name: 'Cari inovasi menurut judul atau ringkasan' });
			await box.fill(TYPED);
			await Promise.all([page.waitForURL(/\/katalog\?q=/), box.press('Enter')]);
			await expectMarkedResults(page);
			await checkA11y(page);
		} finally {
			await context.close();
		}
	});
});

describe('pencarian tanpa JavaScript', () => {
	it('formulir biasa mengirim ke /katalog?q= dan menampilkan hasil', async () => {
		const { context, page } = await newPage(false);
		try {
			await page.goto('/');
			const box = page.getByRole('searchbox', { name: 'Cari inovasi menurut judul atau ringkasan' });
			expect(await box.getAttribute('role')).toBeNull();
			await box.fill(TYPED);
			await Promise.all([page.waitForURL(/\/katalog\?q=pelayanam\+kependudukan/), page.getByRole('button', { name: 'Cari' }).first().click()]);
			await expectMarkedResults(page);
			expect(await page.locator('.suggest-list').count()).toBe(0);
		} finally {
			await context.close();
		}
	});

	it('halaman kosong memberi saran yang membantu', async () => {
		const { context, page } = await newPage(false);
		try {
			await page.goto('/katalog?q=qwxyzv');
			await expect(page.locator('.notice strong').first().innerText()).resolves.toBe(
				'Tidak ada inovasi yang cocok dengan “qwxyzv”.'
			);
		} finally {
			await context.close();
		}
	});

	it('API pencarian lewat serve (rute langsung): header keamanan, panjang isi, hasil pertama sama dengan halaman, galat dengan pesan tepat', async () => {
		const api = (query: string, headers: Record<string, string> = {}) => fetch(`${server.baseUrl}/api/v1/innovations${query}`, { headers });
		const answer = await api('?q=ktp+keliling&limit=5', { 'accept-encoding': 'gzip' });
		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(answer.headers.get('content-encoding')).toBe('gzip');
		expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
		expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
		expect(answer.headers.get('server-timing')).toMatch(/^search;dur=/);
		expect(answer.headers.get('transfer-encoding')).toBeNull();
		const body = (await answer.json()) as { items: { title: string }[]; total: number };
		expect(body.total).toBeGreaterThan(0);
		// The catalogue page shows the same first result.
		const { context, page } = await newPage(false);
		try {
			await page.goto('/katalog?q=ktp+keliling');
			await expect(page.locator('ol.results > li').first().textContent()).resolves.toContain(body.items[0]!.title);
		} finally {
			await context.close();
		}
		const invalid = await api('?tahap=xyz');
		expect(invalid.status).toBe(400);
		await expect(invalid.json()).resolves.toEqual({
			error: { code: 'VALIDATION_FAILED', message: 'Tahap inovasi tidak dikenal', details: [{ path: 'tahap', message: 'Tahap inovasi tidak dikenal' }] }
		});
		// Other methods on the address still go through SvelteKit.
		expect((await fetch(`${server.baseUrl}/api/v1/innovations`, { method: 'HEAD' })).status).toBe(200);
	});
});
