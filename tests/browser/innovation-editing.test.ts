import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../src/lib/server/db/database';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { syncReferenceData } from '../../src/lib/server/services/sync-reference-data';
import { prepareServerDatabase, startAppServer, type AppServer } from '../support/app-server';
import { checkPagesWithScript, launchBrowser } from '../support/browser';
import { createInnovation } from '../support/factories';
import { createUser, signInThroughForm, type TestUser } from '../support/sessions';

/**
 * An operator of Kabupaten Ngada enters an innovation in Chromium without JavaScript: the form
 * first shows the similar innovation already recorded (same title, Kabupaten Manggarai) and asks
 * for "Tetap simpan"; then the operator edits the new innovation and sees the change on its
 * page. The pages pass axe; another agency's innovation shows no "Ubah".
 */

const AGENCY = 'pemkab-53.09';
const OTHER = 'pemkab-53.10';
const EXISTING = 'Gerai Akta Lahir Puskesmas';

let server: AppServer;
let browser: Browser;
let operator: TestUser;
let existingId: string;
let cleanup: () => Promise<void> = async () => {};

async function prepare(database: AppDatabase) {
	await runMigrations(database);
	await syncReferenceData(database.db);
	existingId = (
		await createInnovation(database.db, {
			agency_id: OTHER,
			title: EXISTING,
			summary: 'Akta kelahiran diterbitkan di puskesmas saat bayi lahir, tanpa ke kantor dinas kependudukan.'
		})
	).id;
	operator = await createUser(database, { role: 'operator', agencyId: AGENCY, name: 'Maria Goreti' });
}

beforeAll(async () => {
	const prepared = await prepareServerDatabase('editing', prepare);
	cleanup = prepared.cleanup;
	[server, browser] = await Promise.all([startAppServer(prepared.options), launchBrowser()]);
}, 240_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await cleanup();
});

afterEach(({ task }) => {
	if (task.result?.state === 'fail' && server) console.error(`--- stderr server (${task.name}) ---\n${server.stderr.join('')}`);
});

const checkPages = (context: BrowserContext, paths: string[]) => checkPagesWithScript(browser, server.baseUrl, context, paths);

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const status = (page: Page) => page.getByRole('status').first().textContent();

describe('entering and editing an innovation in the browser', () => {
	it('an operator sees the similar innovation, saves anyway, edits it and sees the change', async () => {
		const context = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled: false });
		context.setDefaultTimeout(15_000);
		const page = await context.newPage();

		// Signed out, the form sends one to sign in and back.
		await page.goto('/inovasi/baru');
		expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/masuk?kembali=%2Finovasi%2Fbaru');
		await signInThroughForm(page, server.baseUrl, operator, '/inovasi/baru');
		expect(await heading(page)).toBe('Tambah inovasi');
		await expect(page.getByText('Inovasi dicatat untuk instansi Anda: Pemerintah Kabupaten Ngada.').isVisible()).resolves.toBe(true);

		await page.getByLabel(/^Judul/).fill('gerai akta lahir puskesmas');
		await page.getByLabel(/^Ringkasan/).fill('Petugas dukcapil menerbitkan akta kelahiran langsung di puskesmas Bajawa sebelum ibu dan bayi pulang.');
		await page.getByLabel('Tahun mulai').fill('2024');
		await page.getByLabel('Urusan pemerintahan utama').selectOption('administrasi_kependudukan_dan_pencatatan_sipil');
		await page.getByLabel('16. Perdamaian, Keadilan dan Kelembagaan yang Tangguh').check();
		await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Periksa inovasi serupa' }).click()]);

		// Step two: the similar innovation, the warning, and a second press needed.
		await expect(page.getByRole('heading', { name: 'Inovasi serupa yang sudah ada' }).isVisible()).resolves.toBe(true);
		await expect(page.getByRole('alert').first().textContent()).resolves.toContain('judul yang sama atau hampir sama');
		const similar = page.getByRole('link', { name: new RegExp(`^${EXISTING}`) });
		await expect(similar.getAttribute('href')).resolves.toBe(`/inovasi/${existingId}`);
		await expect(page.getByText('Sangat mirip: Judulnya sama').isVisible()).resolves.toBe(true);
		// What was typed is still there.
		await expect(page.getByLabel(/^Judul/).inputValue()).resolves.toBe('gerai akta lahir puskesmas');
		await expect(page.getByLabel('16. Perdamaian, Keadilan dan Kelembagaan yang Tangguh').isChecked()).resolves.toBe(true);
		await checkPages(context, ['/inovasi/baru']);

		await Promise.all([page.waitForURL(/\/inovasi\/inv-[0-9a-z]{10}\?dibuat=1$/), page.getByRole('button', { name: 'Tetap simpan' }).click()]);
		const id = /\/inovasi\/(inv-[0-9a-z]{10})/.exec(page.url())![1]!;
		expect(await heading(page)).toBe('gerai akta lahir puskesmas');
		expect(await status(page)).toContain('Inovasi tersimpan.');

		// Edit: the form holds the saved values; the change shows on the page.
		await Promise.all([page.waitForURL(`**/inovasi/${id}/ubah`), page.getByRole('link', { name: 'Ubah', exact: true }).click()]);
		await expect(page.getByLabel('Tahun mulai').inputValue()).resolves.toBe('2024');
		await page.getByLabel(/^Judul/).fill('Gerai Akta Lahir Puskesmas Bajawa');
		await page.getByLabel('Alasan perubahan (tidak wajib)').fill('Nama resmi dari Dinas Dukcapil');
		await checkPages(context, [`/inovasi/${id}/ubah`, `/inovasi/${id}`]);
		await Promise.all([page.waitForURL(`**/inovasi/${id}?diubah=1`), page.getByRole('button', { name: 'Simpan perubahan' }).click()]);
		expect(await heading(page)).toBe('Gerai Akta Lahir Puskesmas Bajawa');
		expect(await status(page)).toContain('Perubahan tersimpan.');
		await page.getByText(/^Riwayat perubahan/).click();
		await expect(page.getByText('Alasan: Nama resmi dari Dinas Dukcapil').isVisible()).resolves.toBe(true);

		// Another agency's innovation: no "Ubah", no "Hapus".
		await page.goto(`/inovasi/${existingId}`);
		expect(await heading(page)).toBe(EXISTING);
		await expect(page.getByRole('link', { name: 'Ubah', exact: true }).count()).resolves.toBe(0);
		await expect(page.getByRole('button', { name: 'Hapus', exact: true }).count()).resolves.toBe(0);
		await context.close();
	});
});
