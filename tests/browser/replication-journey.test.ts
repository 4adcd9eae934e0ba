import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../src/lib/server/db/database';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { syncReferenceData } from '../../src/lib/server/services/sync-reference-data';
import { prepareServerDatabase, startAppServer, type AppServer } from '../support/app-server';
import { checkPagesWithScript, launchBrowser } from '../support/browser';
import { createHub, createInnovation } from '../support/factories';
import { createUser, signInThroughForm, type TestUser } from '../support/sessions';

/**
 * A replication from interest to certificate, by three people in their own browsers without
 * JavaScript: an operator of Kabupaten Ngada (Flores) replicates an innovation of Kota
 * Surabaya, whose operator accepts it; the coordinator of Ngada's hub verifies and completes
 * it. On the way a program renamed .pdf is refused, and the pages pass axe.
 */

const REPLICATOR = 'pemkab-53.09';
const ORIGINATOR = 'pemkot-35.78';
const TITLE = 'Antrean Puskesmas Daring Surabaya';

let server: AppServer;
let browser: Browser;
let replicator: TestUser;
let originator: TestUser;
let coordinator: TestUser;
let innovationId: string;
let cleanup: () => Promise<void> = async () => {};

async function prepare(database: AppDatabase) {
	await runMigrations(database);
	await syncReferenceData(database.db);
	innovationId = (await createInnovation(database.db, { agency_id: ORIGINATOR, title: TITLE, stage: 'pelembagaan' })).id;
	const hub = await createHub(database.db, { name: 'Hub Inovasi Flores', members: [REPLICATOR] });
	replicator = await createUser(database, { role: 'operator', agencyId: REPLICATOR, name: 'Yohanes Bei' });
	originator = await createUser(database, { role: 'operator', agencyId: ORIGINATOR, name: 'Siti Rahmawati' });
	coordinator = await createUser(database, { role: 'koordinator_hub', hubId: hub.id, name: 'Fransiska Wea' });
}

beforeAll(async () => {
	const prepared = await prepareServerDatabase('replication', prepare, { filesDir: true });
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

/** A small real PDF, as a scanner would produce: one page with a line of text. */
async function scannedPdf(text: string): Promise<Buffer> {
	const pdf = await PDFDocument.create();
	const page = pdf.addPage([595, 842]);
	page.drawText(text, { x: 60, y: 760, size: 14, font: await pdf.embedFont(StandardFonts.Helvetica) });
	return Buffer.from(await pdf.save());
}

/** A signed-in person in their own browser, JavaScript off. */
async function personFor(user: TestUser, firstPage: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled: false });
	context.setDefaultTimeout(15_000);
	const page = await context.newPage();
	await signInThroughForm(page, server.baseUrl, user, firstPage);
	return { context, page };
}

const checkPages = (context: BrowserContext, paths: string[]) => checkPagesWithScript(browser, server.baseUrl, context, paths);

const status = (page: Page) => page.getByRole('status').first().textContent();
const alert = (page: Page) => page.getByRole('alert').first().textContent();

describe('replication journey: interest to certificate', () => {
	it('runs with three users, a refused upload, and accessible pages', async () => {
		const r = await personFor(replicator, `/inovasi/${innovationId}`);
		const o = await personFor(originator, '/replikasi');
		const c = await personFor(coordinator, '/replikasi');

		// 1. The replicator finds the innovation and files an interest (kabupaten in Flores, kota in Java).
		expect(new URL(r.page.url()).pathname).toBe(`/inovasi/${innovationId}`);
		await r.page.getByRole('link', { name: 'Ajukan replikasi' }).click();
		expect(new URL(r.page.url()).pathname).toBe('/replikasi/ajukan');
		await checkPages(r.context, [`/replikasi/ajukan?inovasi=${innovationId}`]);
		await r.page.getByLabel('Replikasi sebagian (adaptasi/modifikasi)').check();
		await r.page.getByLabel('Cakupan yang ingin direplikasi').fill('Alur antrean daring dan pengingat SMS, tanpa modul pembayaran.');
		await r.page.getByLabel('Alasan replikasi').fill('Warga Ngada menempuh perjalanan jauh ke puskesmas dan menunggu berjam-jam.');
		await r.page.getByLabel('Surat minat (tidak wajib)').setInputFiles({
			name: 'surat-minat-ngada.pdf',
			mimeType: 'application/pdf',
			buffer: await scannedPdf('Surat minat replikasi Kabupaten Ngada')
		});
		await r.page.getByRole('button', { name: 'Ajukan minat replikasi' }).click();
		const detailPath = new URL(r.page.url()).pathname;
		expect(detailPath).toMatch(/^\/replikasi\/rep-[0-9a-z]+$/);
		await expect(status(r.page)).resolves.toBe('Minat replikasi tercatat.');
		await expect(r.page.getByRole('link', { name: 'surat-minat-ngada.pdf' }).count()).resolves.toBe(1);
		await checkPages(r.context, [detailPath, '/replikasi']);

		// 2. The hub coordinator finds it in "Hub saya" and verifies it.
		await c.page.goto('/replikasi');
		await expect(c.page.getByRole('link', { name: /^Hub saya/ }).getAttribute('aria-current')).resolves.toBe('page');
		await c.page.getByRole('link', { name: TITLE }).click();
		expect(new URL(c.page.url()).pathname).toBe(detailPath);
		await checkPages(c.context, [detailPath]);
		await c.page.getByRole('region', { name: 'Verifikasi minat', exact: true }).getByRole('button', { name: 'Verifikasi minat' }).click();
		await expect(status(c.page)).resolves.toBe('Minat replikasi diverifikasi.');

		// 3. The originator sees the request received (and a notification), accepts, drafts the agreement, confirms.
		await o.page.goto('/replikasi?kotak=masuk');
		await expect(o.page.getByRole('link', { name: /^Notifikasi.*belum dibaca/ }).count()).resolves.toBe(1);
		await o.page.getByRole('link', { name: TITLE }).click();
		await o.page.getByRole('region', { name: 'Terima permintaan replikasi', exact: true }).getByRole('button').click();
		await expect(status(o.page)).resolves.toBe('Permintaan replikasi diterima.');
		const draft = o.page.getByRole('region', { name: 'Susun atau ubah kesepakatan', exact: true });
		await draft.getByLabel('Kewajiban PIHAK PERTAMA (instansi inovator)').fill('Mendampingi penerapan, membagikan SOP dan kode aplikasi antrean.');
		await draft.getByLabel('Kewajiban PIHAK KEDUA (instansi replikator)').fill('Menerapkan di sepuluh puskesmas, menganggarkan, dan melapor tiap tiga bulan.');
		await draft.getByLabel('Berlaku mulai').fill('2025-01-01');
		await draft.getByLabel('Berlaku sampai').fill('2026-12-31');
		await draft.getByRole('button', { name: 'Susun atau ubah kesepakatan' }).click();
		await expect(status(o.page)).resolves.toMatch(/^Kesepakatan disimpan dengan nomor \d{3}\/KS-REP\/JIPPNAS\/\d{4}\.$/);
		await checkPages(o.context, [detailPath, '/notifikasi']);
		await o.page.getByRole('region', { name: 'Konfirmasi kesepakatan', exact: true }).getByRole('button').click();
		await expect(status(o.page)).resolves.toBe('Kesepakatan dikonfirmasi.');
		// The originator has no replicator's step to take.
		await expect(o.page.getByRole('region', { name: 'Sampaikan rencana adaptasi', exact: true }).count()).resolves.toBe(0);
		const agreement = await o.page.request.get(`${detailPath}/kesepakatan.pdf`);
		expect(agreement.status()).toBe(200);
		expect(agreement.headers()['content-type']).toBe('application/pdf');
		expect((await agreement.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

		// 4. The replicator confirms; the plan waits for the signed scan, and a renamed program is refused.
		await r.page.goto(detailPath);
		await r.page.getByRole('region', { name: 'Konfirmasi kesepakatan', exact: true }).getByRole('button').click();
		await expect(status(r.page)).resolves.toBe('Kesepakatan dikonfirmasi.');
		await expect(r.page.getByText('Unggah dahulu pindaian kesepakatan yang sudah ditandatangani kedua pihak.').count()).resolves.toBe(1);
		const documents = r.page.getByRole('region', { name: 'Dokumen', exact: true });
		await documents.getByLabel('Jenis dokumen').selectOption({ label: 'Kesepakatan yang ditandatangani' });
		await documents.getByLabel(/^Berkas \(PDF, JPEG atau PNG/).setInputFiles({
			name: 'kesepakatan-ditandatangani.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00])
		});
		await documents.getByRole('button', { name: 'Unggah' }).click();
		await expect(alert(r.page)).resolves.toBe(
			'Berkas harus PDF, JPEG atau PNG. Isi berkas ini bukan salah satunya (nama berkas tidak menentukan jenisnya).'
		);
		await documents.getByLabel('Jenis dokumen').selectOption({ label: 'Kesepakatan yang ditandatangani' });
		await documents.getByLabel(/^Berkas \(PDF, JPEG atau PNG/).setInputFiles({
			name: 'kesepakatan-ditandatangani.pdf',
			mimeType: 'application/pdf',
			buffer: await scannedPdf('Kesepakatan replikasi, ditandatangani PIHAK PERTAMA dan PIHAK KEDUA')
		});
		await documents.getByRole('button', { name: 'Unggah' }).click();
		await expect(status(r.page)).resolves.toBe('Dokumen kesepakatan-ditandatangani.pdf diunggah.');

		// 5. Plan, commitment letter, implementation.
		const plan = r.page.getByRole('region', { name: 'Sampaikan rencana adaptasi', exact: true });
		await plan.getByLabel('Penyesuaian dengan kondisi daerah').fill('Pengingat lewat SMS karena sinyal data lemah; antrean juga dapat diambil di kantor desa.');
		await plan.getByLabel('Tim pelaksana').fill('Dinas Kesehatan dan Dinas Kominfo Ngada');
		await plan.getByLabel('Anggaran (rupiah)').fill('Rp 175.000.000');
		await plan.getByLabel('Tanggal target').fill('2025-09-30');
		await plan.getByRole('button', { name: 'Sampaikan rencana adaptasi' }).click();
		await expect(status(r.page)).resolves.toBe('Rencana adaptasi disimpan.');
		await checkPages(r.context, [detailPath]);
		await documents.getByLabel('Jenis dokumen').selectOption({ label: 'Surat komitmen' });
		await documents.getByLabel(/^Berkas \(PDF, JPEG atau PNG/).setInputFiles({
			name: 'surat-komitmen.pdf',
			mimeType: 'application/pdf',
			buffer: await scannedPdf('Surat komitmen Bupati Ngada')
		});
		await documents.getByRole('button', { name: 'Unggah' }).click();
		await expect(status(r.page)).resolves.toBe('Dokumen surat-komitmen.pdf diunggah.');
		const start = r.page.getByRole('region', { name: 'Mulai implementasi', exact: true });
		await start.getByLabel('Tanggal mulai implementasi').fill('2025-02-03');
		await start.getByRole('button', { name: 'Mulai implementasi' }).click();
		await expect(status(r.page)).resolves.toMatch(/^Implementasi dimulai\./);

		// 6. A monitoring report with its file.
		const report = r.page.getByRole('region', { name: 'Sampaikan laporan pemantauan', exact: true });
		await report.getByLabel('Awal periode').fill('2025-02-03');
		await report.getByLabel('Akhir periode').fill('2025-05-02');
		await report.getByLabel('Hasil replikasi').fill('Waktu tunggu di sepuluh puskesmas turun dari tiga jam menjadi empat puluh menit.');
		await report.getByLabel('Pelajaran yang dipetik').fill('Kader desa yang membantu warga mendaftar membuat layanan diterima lebih cepat.');
		await report.getByLabel(/^Berkas laporan/).setInputFiles({
			name: 'laporan-triwulan-1.pdf',
			mimeType: 'application/pdf',
			buffer: await scannedPdf('Laporan pemantauan triwulan I')
		});
		await report.getByRole('button', { name: 'Sampaikan laporan pemantauan' }).click();
		await expect(status(r.page)).resolves.toMatch(/^Laporan pemantauan tersimpan\. Laporan berikutnya jatuh tempo /);
		await expect(r.page.getByRole('link', { name: 'laporan-triwulan-1.pdf' }).count()).resolves.toBe(1);
		await r.page.getByRole('region', { name: 'Percakapan', exact: true }).getByLabel('Pesan baru').fill('Laporan triwulan pertama sudah kami unggah.');
		await r.page.getByRole('button', { name: 'Kirim pesan' }).click();
		await expect(status(r.page)).resolves.toBe('Pesan terkirim.');

		// 7. The coordinator completes it; the certificate is downloaded.
		await c.page.goto(detailPath);
		await c.page.getByRole('region', { name: 'Nyatakan replikasi selesai', exact: true }).getByRole('button').click();
		await expect(status(c.page)).resolves.toBe('Replikasi dinyatakan selesai. Sertifikat dapat diunduh.');
		const timeline = c.page.getByRole('region', { name: 'Linimasa', exact: true });
		await expect(timeline.getByText('Replikasi dinyatakan selesai').count()).resolves.toBe(1);
		await expect(timeline.getByText('Dokumen diunggah').count()).resolves.toBe(4);
		const [download] = await Promise.all([
			r.page.waitForEvent('download'),
			(async () => {
				await r.page.goto(detailPath);
				await r.page.getByRole('link', { name: 'Unduh sertifikat (PDF)' }).click();
			})()
		]);
		expect(download.suggestedFilename()).toMatch(/^sertifikat-replikasi-\d{3}-SRT-REP-JIPPNAS-\d{4}\.pdf$/);
		const certificate = await c.page.request.get(`${detailPath}/sertifikat.pdf`);
		expect((await certificate.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
		await checkPages(c.context, [detailPath, '/replikasi']);

		// 8. What everyone sees: the innovation's "Direplikasi oleh" and map, the agency page, the figures.
		const visitor = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled: false });
		const page = await visitor.newPage();
		await page.goto(`/inovasi/${innovationId}`);
		const replicatedBy = page.getByRole('region', { name: 'Direplikasi oleh', exact: true });
		await expect(replicatedBy.getByRole('link', { name: 'Pemerintah Kabupaten Ngada' }).count()).resolves.toBe(1);
		await expect(replicatedBy.getByRole('img').count()).resolves.toBe(1);
		await expect(replicatedBy.getByRole('link', { name: 'Ajukan replikasi' }).count()).resolves.toBe(0);
		await page.goto(detailPath);
		await expect(page.getByText('Ringkasan replikasi yang telah selesai.', { exact: false }).count()).resolves.toBe(1);
		await expect(page.getByRole('region', { name: 'Dokumen', exact: true }).count()).resolves.toBe(0);
		await page.goto('/');
		await expect(page.locator('li', { hasText: 'inovasi telah direplikasi' }).locator('strong').textContent()).resolves.toBe('1');
		await visitor.close();
		await checkPages(r.context, [`/inovasi/${innovationId}`, `/instansi/${REPLICATOR}`, '/notifikasi', '/']);

		await Promise.all([r.context.close(), o.context.close(), c.context.close()]);
	}, 240_000);
});
