import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../src/lib/server/db/database';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { syncReferenceData } from '../../src/lib/server/services/sync-reference-data';
import { prepareServerDatabase, startAppServer, type AppServer } from '../support/app-server';
import { checkA11y, launchBrowser } from '../support/browser';
import { createUser, signInThroughForm, type TestUser } from '../support/sessions';
import { importLan, importPanrb } from '../support/source-files';

/**
 * A curator signs in, confirms a duplicate pair in the review queue, and undoes the decision
 * from the log, without JavaScript, against the built server over a database prepared with a
 * grey-zone pair (embedded PGlite, or a fresh PostgreSQL database when DATABASE_URL is set).
 */

let server: AppServer;
let browser: Browser;
let curator: TestUser;
let cleanup: () => Promise<void> = async () => {};

async function prepare(database: AppDatabase) {
	await runMigrations(database);
	await syncReferenceData(database.db);
	await importPanrb(database.db, [{ id: 'SNV-1', title: 'Posyandu Keliling', summary: 'Kader posyandu mendatangi balita di dusun terpencil setiap bulan dengan motor.' }]);
	await importLan(database.db, [{ id: 1, title: 'Posyandu Keliling Desa', description: '<p>Pelayanan posyandu bergerak ke dusun-dusun terpencil setiap bulan.</p>' }]);
	curator = await createUser(database, { role: 'kurator', name: 'Kurator Uji' });
}

beforeAll(async () => {
	const prepared = await prepareServerDatabase('curation', prepare);
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

describe('curator journey', () => {
	it('signs in, confirms a pair, and undoes the decision (no JavaScript)', async () => {
		const context = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled: false });
		context.setDefaultTimeout(15_000);
		const page = await context.newPage();

		// The queue is behind sign-in and brings the curator back to it.
		await page.goto('/kurasi/tinjauan');
		expect(new URL(page.url()).pathname).toBe('/masuk');
		await signInThroughForm(page, server.baseUrl, curator, '/kurasi/tinjauan');
		expect(new URL(page.url()).pathname).toBe('/kurasi/tinjauan');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Tinjauan duplikat');
		const pair = page.getByRole('region', { name: /Pasangan #\d+/ });
		await expect(pair.count()).resolves.toBe(1);
		await expect(pair.getByText('Posyandu Keliling Desa').count()).resolves.toBeGreaterThan(0);

		await pair.getByLabel('Catatan (tidak wajib)').fill('Sama: posyandu keliling Ngada');
		await pair.getByRole('button', { name: 'Konfirmasi: inovasi yang sama' }).click();
		const confirmed = page.getByRole('status');
		await expect(confirmed.textContent()).resolves.toMatch(/^Pasangan #\d+ dikonfirmasi sebagai satu inovasi \(keputusan #\d+\)/);

		await page.goto('/kurasi/keputusan');
		await expect(page.getByRole('cell', { name: 'Konfirmasi duplikat' }).count()).resolves.toBe(1);
		await page.getByRole('button', { name: /^Batalkan/ }).click();
		await expect(page.getByRole('status').textContent()).resolves.toMatch(/^Keputusan #\d+ dibatalkan/);
		await expect(page.getByText(/Dibatalkan oleh/).count()).resolves.toBe(1);

		// Back in the queue, open again.
		await page.goto('/kurasi/tinjauan');
		await expect(page.getByRole('button', { name: 'Konfirmasi: inovasi yang sama' }).count()).resolves.toBe(1);
		await context.close();
	});

	it('the curator pages pass axe', async () => {
		const context = await browser.newContext({ baseURL: server.baseUrl });
		const page = await context.newPage();
		await signInThroughForm(page, server.baseUrl, curator, '/kurasi');
		for (const target of ['/kurasi', '/kurasi/tinjauan', '/kurasi/keputusan', '/kurasi/instansi']) {
			const response = await page.goto(target);
			expect(response?.status(), target).toBe(200);
			await checkA11y(page);
		}
		await context.close();
	});
});
