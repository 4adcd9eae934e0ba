import http from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server';
import { checkA11y, launchBrowser } from '../support/browser';

/**
 * The public journey a visitor takes — home, catalogue, a filtered catalogue, an innovation,
 * its agency — in Chromium against the built server with the demo data set, with and
 * without JavaScript, plus keyboard access, error pages, region and hub pages and the size of
 * the JavaScript the pages ship.
 */

const FILTER = { provinsi: '35', provinceName: 'Jawa Timur', tahap: 'pengembangan', stageLabel: 'Pengembangan' };
const JS_BUDGET_BYTES = 50 * 1024;

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
	if (task.result?.state === 'fail' && server) {
		console.error(`--- stderr server (${task.name}) ---\n${server.stderr.join('')}`);
	}
});

async function newPage(options: { javaScriptEnabled: boolean }): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled: options.javaScriptEnabled });
	context.setDefaultTimeout(15_000);
	return { context, page: await context.newPage() };
}

/** Goes to a path and insists on the HTTP status, so an error page never passes for the page. */
async function visit(page: Page, path: string, status = 200): Promise<void> {
	const response = await page.goto(path);
	expect(response?.status(), `status of ${path}`).toBe(status);
}

/** "3.000 inovasi ditemukan" -> 3000 (numbers are formatted the Indonesian way). */
function leadingNumber(text: string): number {
	const match = /^\s*([\d.]+)/.exec(text);
	if (!match?.[1]) throw new Error(`Tidak ada angka di awal teks: "${text}"`);
	return Number(match[1].replace(/\./g, ''));
}

interface ApiInnovationPage {
	total: number;
	items: Array<{ id: string; title: string; stage: string; region: { code: string } | null }>;
}

async function apiInnovations(query: string): Promise<ApiInnovationPage> {
	const response = await fetch(`${server.baseUrl}/api/v1/innovations?${query}`);
	expect(response.status).toBe(200);
	return (await response.json()) as ApiInnovationPage;
}

/**
 * The journey itself. axe runs inside the page, so it only runs with JavaScript on; without
 * JavaScript the same server-rendered HTML is served, which the run with JavaScript checked.
 */
async function walkPublicJourney(page: Page, options: { axe: boolean }): Promise<void> {
	const a11y = options.axe ? checkA11y : async () => {};

	// Home: heading, national figures, newest innovations.
	await visit(page, '/');
	await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
		'Temukan inovasi pelayanan publik yang sudah terbukti'
	);
	const figures = page.getByRole('region', { name: 'Angka nasional' });
	const innovationTile = figures.getByRole('listitem').filter({ hasText: 'inovasi tercatat' });
	const homeTotal = leadingNumber(await innovationTile.innerText());
	expect(homeTotal).toBeGreaterThan(0);
	expect(await page.getByRole('region', { name: 'Inovasi terbaru' }).getByRole('article').count()).toBeGreaterThan(0);
	await a11y(page);

	// Catalogue through the main navigation: the same total as the home page.
	await Promise.all([
		page.waitForURL('**/katalog'),
		page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Katalog', exact: true }).click()
	]);
	await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Katalog Inovasi');
	const resultHeading = page.getByRole('heading', { level: 2, name: /inovasi ditemukan$/ });
	const catalogueTotal = leadingNumber(await resultHeading.innerText());
	expect(catalogueTotal).toBe(homeTotal);
	expect(await page.locator('ol.results > li').count()).toBe(Math.min(20, catalogueTotal));
	await a11y(page);

	// Filter with the plain GET form: a province and a stage.
	await page.locator('summary', { hasText: 'Saring hasil' }).click();
	await page.getByLabel('Provinsi', { exact: true }).selectOption(FILTER.provinsi);
	await page.getByLabel('Tahap', { exact: true }).selectOption(FILTER.tahap);
	await Promise.all([
		page.waitForURL((url) => url.searchParams.get('provinsi') === FILTER.provinsi && url.searchParams.get('tahap') === FILTER.tahap),
		page.getByRole('button', { name: 'Terapkan filter' }).click()
	]);
	const filteredTotal = leadingNumber(await resultHeading.innerText());
	expect(filteredTotal).toBeGreaterThan(0);
	expect(filteredTotal).toBeLessThan(catalogueTotal);

	// One removable chip per filter, each a link to the catalogue without that filter.
	const chips = page.getByRole('list').filter({ has: page.getByRole('link', { name: /^Hapus filter / }) });
	await expect(chips.getByRole('link', { name: /^Hapus filter / }).count()).resolves.toBe(2);
	const provinceChip = chips.getByRole('link', { name: `Hapus filter Provinsi: ${FILTER.provinceName}`, exact: true });
	const stageChip = chips.getByRole('link', { name: `Hapus filter Tahap: ${FILTER.stageLabel}`, exact: true });
	await expect(provinceChip.getAttribute('href')).resolves.toBe(`/katalog?tahap=${FILTER.tahap}`);
	await expect(stageChip.getAttribute('href')).resolves.toBe(`/katalog?provinsi=${FILTER.provinsi}`);
	await expect(chips.getByRole('link', { name: 'Hapus semua filter' }).getAttribute('href')).resolves.toBe('/katalog');
	await expect(page.getByLabel('Provinsi', { exact: true }).inputValue()).resolves.toBe(FILTER.provinsi);

	// The results are those of the filter: same total and order as the API, every card at
	// that stage, every innovation in the province.
	const expected = await apiInnovations(`provinsi=${FILTER.provinsi}&tahap=${FILTER.tahap}&limit=20`);
	expect(filteredTotal).toBe(expected.total);
	expect(expected.items.every((item) => item.stage === FILTER.tahap && item.region?.code.startsWith(FILTER.provinsi))).toBe(true);
	const cards = page.locator('ol.results > li');
	const titles = await cards.getByRole('heading').allInnerTexts();
	expect(titles.map((t) => t.trim())).toEqual(expected.items.map((item) => item.title));
	const stagePills = await cards.locator('.card-tags .pill').filter({ hasText: 'Tahap' }).allInnerTexts();
	expect(stagePills).toHaveLength(titles.length);
	expect(new Set(stagePills.map((t) => t.replace('Tahap:', '').trim()))).toEqual(new Set([FILTER.stageLabel]));
	await a11y(page);

	// The first result's page: its title, stage and province.
	const first = expected.items[0]!;
	await Promise.all([
		page.waitForURL(`**/inovasi/${first.id}`),
		cards.first().getByRole('link', { name: first.title, exact: true }).click()
	]);
	await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain(first.title);
	const facts = page.getByRole('region', { name: 'Ringkasan data' });
	const fact = (term: string) => facts.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
	await expect(fact('Tahap siklus').innerText()).resolves.toBe(FILTER.stageLabel);
	await expect(fact('Wilayah').innerText()).resolves.toContain(FILTER.provinceName);
	await expect(
		page.getByRole('navigation', { name: 'Lokasi halaman' }).getByRole('link', { name: 'Katalog' }).getAttribute('href')
	).resolves.toBe('/katalog');
	await a11y(page);

	// Its agency: the name as heading, its innovations counted and listed.
	const agencyLink = fact('Instansi').getByRole('link');
	const agencyName = (await agencyLink.innerText()).trim();
	await Promise.all([page.waitForURL('**/instansi/*'), agencyLink.click()]);
	await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(agencyName);
	const agencyInnovations = page.getByRole('heading', { level: 2, name: /^Inovasi \(/ });
	const agencyCount = Number(/\(([\d.]+)\)/.exec(await agencyInnovations.innerText())?.[1]?.replace(/\./g, ''));
	expect(agencyCount).toBeGreaterThanOrEqual(1);
	expect(await page.getByRole('region', { name: /^Inovasi \(/ }).getByRole('article').count()).toBeGreaterThanOrEqual(1);
	await a11y(page);
}

describe('perjalanan publik', () => {
	it('beranda → katalog → filter → inovasi → instansi, dengan axe di setiap halaman', async () => {
		const { context, page } = await newPage({ javaScriptEnabled: true });
		try {
			await walkPublicJourney(page, { axe: true });
		} finally {
			await context.close();
		}
	});

	it('perjalanan yang sama berjalan tanpa JavaScript', async () => {
		const { context, page } = await newPage({ javaScriptEnabled: false });
		try {
			await walkPublicJourney(page, { axe: false });
		} finally {
			await context.close();
		}
	});
});

describe('halaman lain', () => {
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		({ context, page } = await newPage({ javaScriptEnabled: true }));
	});
	afterAll(async () => {
		await context?.close();
	});

	it('Tab pertama mencapai tautan lewati, yang memindahkan fokus ke konten utama', async () => {
		await visit(page, '/katalog');
		await page.keyboard.press('Tab');
		const focused = page.locator(':focus');
		await expect(focused.innerText()).resolves.toBe('Langsung ke konten utama');
		await expect(focused.isVisible()).resolves.toBe(true);
		await page.keyboard.press('Enter');
		await page.waitForURL('**/katalog#konten');
		await expect(page.getByRole('main').evaluate((main) => main === document.activeElement)).resolves.toBe(true);
	});

	it('halaman tidak ditemukan: pesan berbahasa Indonesia, tanpa jejak tumpukan', async () => {
		for (const path of ['/halaman-yang-tidak-ada', '/inovasi/inv-0000000000']) {
			await visit(page, path, 404);
			await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Halaman tidak ditemukan');
			const text = await page.locator('body').innerText();
			expect(text).toMatch(/tidak ditemukan\./);
			expect(text).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.(ts|js):\d+|Error:|Not Found/);
			await expect(page.getByRole('link', { name: 'Kembali ke beranda' }).getAttribute('href')).resolves.toBe('/');
			await checkA11y(page);
		}
	});

	it('halaman wilayah menampilkan karakteristik atau pesan belum dimuat', async () => {
		await visit(page, `/wilayah/${FILTER.provinsi}`);
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(FILTER.provinceName);
		const section = page.getByRole('region', { name: 'Karakteristik wilayah' });
		const table = await section.getByRole('table').count();
		const notLoaded = await section.getByText('Data karakteristik belum dimuat.').count();
		// Exactly one of the two: a table of indicators or the message that none are loaded.
		expect([table > 0, notLoaded > 0]).toContain(true);
		expect(table > 0 && notLoaded > 0).toBe(false);
		if (table > 0) {
			await expect(section.getByRole('rowheader', { name: /^Jumlah penduduk/ }).count()).resolves.toBe(1);
		}
		await checkA11y(page);
	});

	it('daftar hub menampilkan 54 hub: 18 pusat dan 36 daerah', async () => {
		await visit(page, '/hub');
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Hub Inovasi');
		const central = page.getByRole('region', { name: /^Hub pusat/ });
		const regional = page.getByRole('region', { name: /^Hub daerah/ });
		await expect(central.getByRole('heading', { level: 2 }).innerText()).resolves.toMatch(/\(18\)$/);
		await expect(regional.getByRole('heading', { level: 2 }).innerText()).resolves.toMatch(/\(36\)$/);
		expect(await central.getByRole('listitem').count()).toBe(18);
		expect(await regional.getByRole('listitem').count()).toBe(36);
		await checkA11y(page);
	});

	it('dokumentasi API lolos axe', async () => {
		await visit(page, '/api');
		await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
		await expect(page.getByRole('link', { name: /openapi\.json/ }).count()).resolves.toBeGreaterThan(0);
		await checkA11y(page);
	});
});

describe('anggaran JavaScript', () => {
	/** Every script the page loads, gzipped at level 9, summed. */
	async function compressedScriptBytes(path: string): Promise<{ bytes: number; scripts: string[] }> {
		const { context, page } = await newPage({ javaScriptEnabled: true });
		const pending: Array<Promise<{ url: string; size: number }>> = [];
		page.on('response', (response) => {
			if (response.request().resourceType() !== 'script') return;
			pending.push(response.body().then((body) => ({ url: response.url(), size: gzipSync(body, { level: 9 }).length })));
		});
		try {
			await visit(page, path);
			await page.waitForLoadState('networkidle');
			const scripts = await Promise.all(pending);
			return { bytes: scripts.reduce((sum, s) => sum + s.size, 0), scripts: scripts.map((s) => `${s.url} ${s.size} B`) };
		} finally {
			await context.close();
		}
	}

	it('katalog dan halaman inovasi mengirim paling banyak 50 KB JavaScript terkompresi', async () => {
		const [sample] = (await apiInnovations('limit=1')).items;
		expect(sample).toBeDefined();
		for (const path of ['/katalog', `/katalog?provinsi=${FILTER.provinsi}&tahap=${FILTER.tahap}`, `/inovasi/${sample!.id}`]) {
			const { bytes, scripts } = await compressedScriptBytes(path);
			expect(bytes, `${path}:\n${scripts.join('\n')}`).toBeLessThanOrEqual(JS_BUDGET_BYTES);
		}
	});
});

describe('serve', () => {
	it('menolak isi yang diumumkan lebih besar dari batas unggah dengan pesan, sebelum aplikasi membacanya', async () => {
		const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
			const url = new URL('/admin/impor', server.baseUrl);
			// Announced, never sent: the answer must come from the header alone.
			const request = http.request(
				{ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(50 * 2 ** 30) } },
				(response) => {
					let text = '';
					response.setEncoding('utf8');
					response.on('data', (chunk: string) => (text += chunk));
					response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
				}
			);
			request.on('error', reject);
			request.flushHeaders();
		});
		expect(status).toBe(413);
		expect(body).toMatch(/Berkas terlalu besar: maksimal \d+ MB\./);
	});
});
