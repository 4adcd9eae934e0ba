import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { provideAppDatabase } from '../../src/lib/server/app-database';
import type { Actor } from '../../src/lib/server/policy';
import * as layout from '../../src/routes/+layout.server';
import * as home from '../../src/routes/+page.server';
import * as innovationPage from '../../src/routes/inovasi/[id]/+page.server';
import * as agencyPage from '../../src/routes/instansi/[id]/+page.server';
import * as notificationsPage from '../../src/routes/notifikasi/+page.server';
import * as inboxPage from '../../src/routes/replikasi/+page.server';
import * as filePage from '../../src/routes/replikasi/ajukan/+page.server';
import * as detailPage from '../../src/routes/replikasi/[id]/+page.server';
import * as documentRoute from '../../src/routes/replikasi/[id]/berkas/[documentId]/+server';
import * as agreementRoute from '../../src/routes/replikasi/[id]/kesepakatan.pdf/+server';
import * as certificateRoute from '../../src/routes/replikasi/[id]/sertifikat.pdf/+server';
import { createHub, createInnovation } from '../support/factories';
import { outcome, requestEvent } from '../support/request-event';
import { createUser, signIn, type TestUser } from '../support/sessions';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The replication pages and their form actions, called as SvelteKit calls them: the public is
 * sent to sign in, people outside a replication get 404, bad input gets its exact Indonesian
 * message, and the whole path runs from interest to certificate. Kabupaten Ngada (a spoke of an
 * NTT hub) replicates an innovation of Kota Surabaya; Kabupaten Manggarai takes no part.
 */

const filesDir = mkdtempSync(path.join(tmpdir(), 'jippnas-replikasi-halaman-'));
// Vitest puts Vite's BASE_URL=/ in the environment; the server reads BASE_URL as the site address.
vi.stubEnv('BASE_URL', '');
vi.stubEnv('PAGE_CACHE_SECONDS', '0');
vi.stubEnv('FILES_DIR', filesDir);
vi.stubEnv('UPLOAD_MAX_MB', '1');

const REPLICATOR = 'pemkab-53.09';
const ORIGINATOR = 'pemkot-35.78';
const OUTSIDER = 'pemkab-53.10';

let database: TestDatabase;
let replicator: TestUser;
let originator: TestUser;
let coordinator: TestUser;
let outsider: TestUser;
let admin: TestUser;
let innovationId: string;

const PDF = (text: string) => new File([`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`], `${text}.pdf`, { type: 'application/pdf' });
// A Windows program renamed to .pdf: its content decides, not its name.
const EXE = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])], 'surat-minat.pdf', { type: 'application/pdf' });

const INTEREST = {
	kind: 'sebagian',
	interestScope: 'Alur layanan jemput bola dan aplikasi antreannya, tanpa modul pembayaran.',
	interestReason: 'Desa-desa kami jauh dari kantor pelayanan, persis masalah yang diselesaikan inovasi ini.'
};

type Fields = Record<string, string | File>;

/** A request event as SvelteKit builds it: the actor set by the hook, the form as url-encoded or multipart. */
function eventFor(pathname: string, actor: Actor | null, options: { params?: Record<string, string>; form?: Fields } = {}) {
	const url = new URL(`http://localhost${pathname}`);
	let request = new Request(url);
	if (options.form) {
		const hasFile = Object.values(options.form).some((v) => typeof v !== 'string');
		if (hasFile) {
			const body = new FormData();
			for (const [k, v] of Object.entries(options.form)) body.append(k, v);
			request = new Request(url, { method: 'POST', body });
		} else {
			request = new Request(url, { method: 'POST', body: new URLSearchParams(options.form as Record<string, string>) });
		}
	}
	const cookies = { get: () => undefined, getAll: () => [], set() {}, delete() {}, serialize: () => '' };
	return {
		url,
		params: options.params ?? {},
		request,
		cookies,
		locals: { db: database, actor, session: actor ? { csrf: 'x', user: { name: 'Uji', role: actor.role } } : null },
		setHeaders() {},
		route: { id: null }
	};
}

function run(handler: unknown, pathname: string, actor: Actor | null, options: { params?: Record<string, string>; form?: Fields } = {}) {
	return outcome(() => (handler as (event: unknown) => unknown)(eventFor(pathname, actor, options)));
}

async function data(handler: unknown, pathname: string, actor: Actor | null, options: { params?: Record<string, string>; form?: Fields } = {}) {
	const result = await run(handler, pathname, actor, options);
	if (result.kind !== 'value') throw new Error(`${pathname}: ${JSON.stringify(result)}`);
	return result.value as Record<string, any>;
}

const signInRedirect = (pathname: string) => ({ kind: 'redirect', status: 303, location: `/masuk?kembali=${encodeURIComponent(pathname)}` });
const NOT_FOUND = { kind: 'error', status: 404, body: { code: 'REPLICATION_NOT_FOUND', message: 'Replikasi tidak ditemukan.' } };

async function versionOf(id: string) {
	const row = await database.db.selectFrom('replications').select(['version', 'state']).where('id', '=', id).executeTakeFirstOrThrow();
	return row;
}

/** Runs one step action on the replication's page with the version it currently has. */
async function act(name: keyof typeof detailPage.actions, id: string, actor: Actor, form: Fields = {}) {
	const { version } = await versionOf(id);
	return run(detailPage.actions[name], `/replikasi/${id}?/${name}`, actor, { params: { id }, form: { version: String(version), ...form } });
}

async function fileInterest(actor: Actor, form: Fields = {}): Promise<string> {
	const result = await run(filePage.actions.default, `/replikasi/ajukan?inovasi=${innovationId}`, actor, {
		form: { innovationId, ...INTEREST, ...form }
	});
	if (result.kind !== 'redirect') throw new Error(JSON.stringify(result));
	return decodeURIComponent(result.location.split('/')[2]!.split('?')[0]!);
}

beforeAll(async () => {
	database = await createTestDatabase();
	provideAppDatabase(database);
	const hub = await createHub(database.db, { name: 'Hub Inovasi Flores', members: [REPLICATOR] });
	replicator = await createUser(database, { role: 'operator', agencyId: REPLICATOR, name: 'Yohanes Bei' });
	originator = await createUser(database, { role: 'operator', agencyId: ORIGINATOR, name: 'Siti Rahmawati' });
	coordinator = await createUser(database, { role: 'koordinator_hub', hubId: hub.id, name: 'Fransiska Wea' });
	outsider = await createUser(database, { role: 'operator', agencyId: OUTSIDER, name: 'Orang Luar' });
	admin = await createUser(database, { role: 'admin', name: 'Ani Admin' });
	innovationId = (await createInnovation(database.db, { agency_id: ORIGINATOR, title: 'Antrean Puskesmas Daring' })).id;
});

afterAll(async () => {
	await database?.dispose();
	rmSync(filesDir, { recursive: true, force: true });
	vi.unstubAllEnvs();
});

describe('/replikasi/ajukan: filing an interest', () => {
	const page = () => `/replikasi/ajukan?inovasi=${innovationId}`;

	it('sends the public to sign in, from the page and its form', async () => {
		expect(await run(filePage.load, page(), null)).toEqual(signInRedirect(page()));
		expect(await run(filePage.actions.default, page(), null, { form: { innovationId, ...INTEREST } })).toEqual(signInRedirect(page()));
	});

	it('says why the originator cannot file, and draws the form for another agency', async () => {
		const own = await data(filePage.load, page(), originator.actor);
		expect(own.filing.refusal).toEqual({
			code: 'REPLICATION_OWN_INNOVATION',
			message: 'Instansi tidak dapat mereplikasi inovasinya sendiri. Pilih inovasi dari instansi lain.'
		});
		const other = await data(filePage.load, page(), replicator.actor);
		expect(other.filing).toMatchObject({ refusal: null, needsAgency: false, innovation: { id: innovationId, title: 'Antrean Puskesmas Daring' } });
		expect((await data(filePage.load, page(), admin.actor)).filing).toMatchObject({ refusal: null, needsAgency: true });
		expect(await run(filePage.load, '/replikasi/ajukan?inovasi=inv-tidakada', replicator.actor)).toMatchObject({ kind: 'error', status: 404 });
		// Without an innovation the page points to the catalogue.
		expect((await data(filePage.load, '/replikasi/ajukan', replicator.actor)).filing).toBeNull();
	});

	it('refuses bad input with the exact message and a program named .pdf before anything is filed', async () => {
		expect(
			await run(filePage.actions.default, page(), replicator.actor, { form: { innovationId, ...INTEREST, interestScope: 'terlalu pendek' } })
		).toMatchObject({ kind: 'failure', status: 400, data: { ok: false, message: 'Cakupan yang ingin direplikasi minimal 20 karakter.' } });
		expect(await run(filePage.actions.default, page(), replicator.actor, { form: { innovationId, ...INTEREST, kind: 'semua' } })).toMatchObject({
			kind: 'failure',
			status: 400,
			data: { message: 'Jenis replikasi tidak dikenal. Pilih penuh, sebagian (adaptasi/modifikasi) atau perluasan.' }
		});
		const refused = await run(filePage.actions.default, page(), replicator.actor, { form: { innovationId, ...INTEREST, suratMinat: EXE } });
		expect(refused).toMatchObject({
			kind: 'failure',
			status: 415,
			data: { message: 'Berkas harus PDF, JPEG atau PNG. Isi berkas ini bukan salah satunya (nama berkas tidak menentukan jenisnya).' }
		});
		// What was typed comes back to refill the form.
		expect(refused.kind === 'failure' && refused.data.values).toMatchObject({ interestScope: INTEREST.interestScope });
		const count = await database.db.selectFrom('replications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(0);
		expect(await run(filePage.actions.default, page(), originator.actor, { form: { innovationId, ...INTEREST } })).toMatchObject({
			kind: 'failure',
			status: 409,
			data: { message: 'Instansi tidak dapat mereplikasi inovasinya sendiri. Pilih inovasi dari instansi lain.' }
		});
	});
});

describe('the whole path through the page of one replication', () => {
	let id: string;

	it('files with a letter of interest and lands on the new replication', async () => {
		id = await fileInterest(replicator.actor, { suratMinat: PDF('surat-minat') });
		const documents = await database.db.selectFrom('replication_documents').select(['kind', 'file_name']).where('replication_id', '=', id).execute();
		expect(documents).toEqual([{ kind: 'surat_minat', file_name: 'surat-minat.pdf' }]);
		const again = await run(filePage.actions.default, `/replikasi/ajukan?inovasi=${innovationId}`, replicator.actor, { form: { innovationId, ...INTEREST } });
		expect(again).toMatchObject({
			kind: 'failure',
			status: 409,
			data: { message: 'Instansi ini sudah memiliki replikasi yang sedang berjalan untuk inovasi yang sama. Lanjutkan replikasi tersebut.' }
		});
		const filing = await data(filePage.load, `/replikasi/ajukan?inovasi=${innovationId}`, replicator.actor);
		expect(filing.filing).toMatchObject({ refusal: { code: 'REPLICATION_ALREADY_OPEN' }, openReplicationId: id });
	});

	it('shows the page to the parties only: the public signs in, outsiders get 404', async () => {
		const pathname = `/replikasi/${id}`;
		expect(await run(detailPage.load, pathname, null, { params: { id } })).toEqual(signInRedirect(pathname));
		expect(await run(detailPage.load, pathname, outsider.actor, { params: { id } })).toEqual(NOT_FOUND);
		const asReplicator = await data(detailPage.load, `${pathname}?diajukan=1`, replicator.actor, { params: { id } });
		expect(asReplicator).toMatchObject({ access: 'private', justFiled: true, confirmNeedsSide: false, replication: { state: 'minat', viewer: { parts: ['replikator'] } } });
		expect(asReplicator.replication.viewer.allowedActions).toEqual(['uploadDocument', 'removeDocument', 'cancel', 'postMessage']);
		expect(asReplicator.replication.documents[0]).toMatchObject({ kind: 'surat_minat', removable: true });
		const asCoordinator = await data(detailPage.load, pathname, coordinator.actor, { params: { id } });
		expect(asCoordinator.replication.viewer.allowedActions).toContain('verify');
		expect(asCoordinator.replication.timeline.map((e: { kind: string }) => e.kind)).toEqual(['file', 'document_uploaded']);
	});

	it('verify: public, outsider, wrong part, bad version, success, stale form', async () => {
		const form = { version: '1' };
		const pathname = `/replikasi/${id}?/verifikasi`;
		expect(await run(detailPage.actions.verifikasi, pathname, null, { params: { id }, form })).toEqual(signInRedirect(pathname));
		expect(await run(detailPage.actions.verifikasi, pathname, outsider.actor, { params: { id }, form })).toMatchObject({
			kind: 'failure',
			status: 404,
			data: { action: 'verify', message: 'Replikasi tidak ditemukan.' }
		});
		expect(await run(detailPage.actions.verifikasi, pathname, replicator.actor, { params: { id }, form })).toMatchObject({
			kind: 'failure',
			status: 403,
			data: { message: 'Peran Anda dalam replikasi ini tidak mencakup langkah ini.' }
		});
		expect(await run(detailPage.actions.verifikasi, pathname, coordinator.actor, { params: { id }, form: { version: 'satu' } })).toMatchObject({
			kind: 'failure',
			status: 400,
			data: { message: 'Versi formulir harus berupa angka.' }
		});
		expect(await run(detailPage.actions.verifikasi, pathname, coordinator.actor, { params: { id }, form })).toEqual({
			kind: 'value',
			value: { ok: true, action: 'verify', message: 'Minat replikasi diverifikasi.' }
		});
		// The same form sent again was drawn from version 1.
		expect(await run(detailPage.actions.verifikasi, pathname, coordinator.actor, { params: { id }, form })).toMatchObject({
			kind: 'failure',
			status: 409,
			data: { message: expect.stringMatching(/^Replikasi ini sudah diubah oleh orang lain/) }
		});
	});

	it('accept, draft the agreement (bad dates refused), both sides confirm', async () => {
		expect(await act('terima', id, originator.actor, { note: 'Kami siap mendampingi.' })).toMatchObject({ kind: 'value', value: { ok: true, action: 'accept' } });
		const agreement = {
			dutiesOriginator: 'Mendampingi penerapan dan membagikan SOP serta kode aplikasi.',
			dutiesReplicator: 'Menerapkan inovasi, menyediakan anggaran, dan melaporkan hasilnya.',
			validFrom: '2025-01-01',
			validUntil: '2026-12-31'
		};
		expect(await act('kesepakatan', id, originator.actor, { ...agreement, validUntil: '2024-12-31' })).toMatchObject({
			kind: 'failure',
			status: 400,
			data: { message: 'Tanggal akhir berlaku harus sesudah tanggal mulai berlaku.', values: { dutiesOriginator: agreement.dutiesOriginator } }
		});
		const drafted = await act('kesepakatan', id, originator.actor, agreement);
		expect(drafted).toMatchObject({ kind: 'value', value: { ok: true, message: expect.stringMatching(/^Kesepakatan disimpan dengan nomor \d{3}\/KS-REP\/JIPPNAS\/\d{4}\.$/) } });
		expect(await act('konfirmasi', id, originator.actor)).toMatchObject({ kind: 'value', value: { message: 'Kesepakatan dikonfirmasi.' } });
		expect(await act('konfirmasi', id, originator.actor)).toMatchObject({ kind: 'failure', status: 409, data: { message: 'Pihak ini sudah mengonfirmasi kesepakatan.' } });
		expect(await act('konfirmasi', id, replicator.actor)).toMatchObject({ kind: 'value', value: { ok: true } });
		// An admin stepping in names the side.
		const asAdmin = await data(detailPage.load, `/replikasi/${id}`, admin.actor, { params: { id } });
		expect(asAdmin.confirmNeedsSide).toBe(true);
	});

	it('downloads the agreement PDF for the parties only', async () => {
		const pathname = `/replikasi/${id}/kesepakatan.pdf`;
		expect(await run(agreementRoute.GET, pathname, null, { params: { id } })).toEqual(signInRedirect(pathname));
		expect(await run(agreementRoute.GET, pathname, outsider.actor, { params: { id } })).toMatchObject({ kind: 'error', status: 404 });
		const result = await run(agreementRoute.GET, pathname, coordinator.actor, { params: { id } });
		if (result.kind !== 'value') throw new Error(JSON.stringify(result));
		const response = result.value as Response;
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="kesepakatan-replikasi-\d{3}-KS-REP-JIPPNAS-\d{4}\.pdf"/);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
	});

	it('uploads: unknown kind and a renamed program refused, the signed scan accepted and served', async () => {
		expect(await act('unggah', id, replicator.actor, { kind: 'foto', berkas: PDF('scan') })).toMatchObject({
			kind: 'failure',
			status: 400,
			data: { action: 'uploadDocument', message: 'Jenis dokumen tidak dikenal.' }
		});
		expect(await act('unggah', id, replicator.actor, { kind: 'surat_komitmen', berkas: PDF('komitmen') })).toMatchObject({
			kind: 'failure',
			status: 409,
			data: { message: 'Surat komitmen hanya dapat diunggah pada tahap persiapan atau implementasi; replikasi ini sedang pada tahap kesepakatan.' }
		});
		expect(await act('unggah', id, replicator.actor, { kind: 'kesepakatan_ditandatangani', berkas: EXE })).toMatchObject({ kind: 'failure', status: 415 });
		expect(await act('unggah', id, outsider.actor, { kind: 'kesepakatan_ditandatangani', berkas: PDF('scan') })).toMatchObject({ kind: 'failure', status: 404 });
		expect(await act('unggah', id, replicator.actor, { kind: 'kesepakatan_ditandatangani', berkas: PDF('kesepakatan-bertanda-tangan') })).toEqual({
			kind: 'value',
			value: { ok: true, action: 'uploadDocument', message: 'Dokumen kesepakatan-bertanda-tangan.pdf diunggah.' }
		});
		const document = await database.db
			.selectFrom('replication_documents')
			.select(['id', 'size_bytes'])
			.where('replication_id', '=', id)
			.where('kind', '=', 'kesepakatan_ditandatangani')
			.executeTakeFirstOrThrow();
		const pathname = `/replikasi/${id}/berkas/${document.id}`;
		const params = { id, documentId: document.id };
		expect(await run(documentRoute.GET, pathname, null, { params })).toEqual(signInRedirect(pathname));
		expect(await run(documentRoute.GET, pathname, outsider.actor, { params })).toMatchObject({ kind: 'error', status: 404 });
		// Only under its own replication's address.
		expect(await run(documentRoute.GET, pathname, originator.actor, { params: { id: 'rep-lain', documentId: document.id } })).toMatchObject({ kind: 'error', status: 404 });
		const served = await run(documentRoute.GET, pathname, originator.actor, { params });
		if (served.kind !== 'value') throw new Error(JSON.stringify(served));
		const response = served.value as Response;
		expect(Object.fromEntries(response.headers)).toMatchObject({
			'content-type': 'application/pdf',
			'content-length': String(document.size_bytes),
			'content-disposition': `attachment; filename="kesepakatan-bertanda-tangan.pdf"; filename*=UTF-8''kesepakatan-bertanda-tangan.pdf`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		});
	});

	it('removes a document softly (its uploader), and refuses others', async () => {
		expect(await act('unggah', id, originator.actor, { kind: 'lainnya', berkas: PDF('sop') })).toMatchObject({ kind: 'value' });
		const sop = await database.db.selectFrom('replication_documents').select('id').where('file_name', '=', 'sop.pdf').executeTakeFirstOrThrow();
		expect(await act('hapusDokumen', id, replicator.actor, { documentId: sop.id })).toMatchObject({
			kind: 'failure',
			status: 403,
			data: { message: 'Anda tidak berwenang melakukan tindakan ini.' }
		});
		expect(await act('hapusDokumen', id, originator.actor, { documentId: sop.id })).toMatchObject({ kind: 'value', value: { ok: true, action: 'removeDocument' } });
		const page = await data(detailPage.load, `/replikasi/${id}`, originator.actor, { params: { id } });
		expect(page.replication.documents.map((d: { fileName: string }) => d.fileName)).not.toContain('sop.pdf');
	});

	it('plan, commitment letter, start, report with its file, complete', async () => {
		expect(await act('rencana', id, originator.actor, { changes: 'x', team: 'y', budgetRupiah: '1', targetDate: '2025-09-30' })).toMatchObject({
			kind: 'failure',
			status: 400,
			data: { message: 'Penyesuaian dengan kondisi daerah minimal 20 karakter.' }
		});
		const plan = {
			changes: 'Antrean daring diganti SMS karena sinyal data lemah di sebagian desa.',
			team: 'Bagian Organisasi dan Dinas Kominfo',
			budgetRupiah: 'Rp 150.000.000',
			targetDate: '2025-09-30'
		};
		expect(await act('rencana', id, originator.actor, plan)).toMatchObject({ kind: 'failure', status: 403 });
		expect(await act('rencana', id, replicator.actor, plan)).toMatchObject({ kind: 'value', value: { message: 'Rencana adaptasi disimpan.' } });
		expect(await act('mulai', id, replicator.actor, { startedOn: '2025-01-31' })).toMatchObject({
			kind: 'failure',
			status: 409,
			data: { message: 'Unggah dahulu surat komitmen pelaksanaan replikasi sebelum memulai implementasi.' }
		});
		expect(await act('unggah', id, replicator.actor, { kind: 'surat_komitmen', berkas: PDF('komitmen') })).toMatchObject({ kind: 'value' });
		expect(await act('mulai', id, replicator.actor, { startedOn: '31-01-2025' })).toMatchObject({
			kind: 'failure',
			status: 400,
			data: { message: 'Tanggal mulai implementasi harus berupa tanggal (TTTT-BB-HH).' }
		});
		expect(await act('mulai', id, replicator.actor, { startedOn: '2025-01-31' })).toMatchObject({ kind: 'value', value: { ok: true } });
		const report = {
			periodStart: '2025-02-01',
			periodEnd: '2025-04-30',
			outcomes: 'Waktu tempuh warga turun dari tiga jam menjadi tiga puluh menit di dua belas desa.',
			lessons: 'Pendampingan operator desa pada bulan pertama menentukan keberhasilan penerapan.'
		};
		expect(await act('selesaikan', id, coordinator.actor)).toMatchObject({ kind: 'failure', status: 409 });
		expect(await act('laporan', id, replicator.actor, { ...report, berkas: EXE })).toMatchObject({ kind: 'failure', status: 415 });
		expect(await act('laporan', id, replicator.actor, { ...report, berkas: PDF('laporan-1') })).toEqual({
			kind: 'value',
			value: { ok: true, action: 'fileReport', message: 'Laporan pemantauan tersimpan. Laporan berikutnya jatuh tempo 30 Juli 2025.' }
		});
		const reportFile = await database.db
			.selectFrom('replication_documents')
			.select(['kind', 'report_id'])
			.where('file_name', '=', 'laporan-1.pdf')
			.executeTakeFirstOrThrow();
		expect(reportFile).toMatchObject({ kind: 'laporan_pemantauan', report_id: expect.any(Number) });

		const certificatePath = `/replikasi/${id}/sertifikat.pdf`;
		expect(await run(certificateRoute.GET, certificatePath, null, { params: { id } })).toEqual(NOT_FOUND);
		expect(await run(certificateRoute.GET, certificatePath, replicator.actor, { params: { id } })).toMatchObject({
			kind: 'error',
			status: 409,
			body: { message: 'Sertifikat baru tersedia setelah replikasi dinyatakan selesai.' }
		});
		expect(await act('selesaikan', id, replicator.actor)).toMatchObject({ kind: 'failure', status: 403 });
		expect(await act('selesaikan', id, coordinator.actor, { note: 'Semua desa sudah terlayani.' })).toEqual({
			kind: 'value',
			value: { ok: true, action: 'complete', message: 'Replikasi dinyatakan selesai. Sertifikat dapat diunduh.' }
		});
		expect((await versionOf(id)).state).toBe('selesai');
	});

	it('a completed replication: public summary and certificate for everyone', async () => {
		const publicView = await data(detailPage.load, `/replikasi/${id}`, null, { params: { id } });
		expect(publicView).toMatchObject({ access: 'public', summary: { id, state: 'selesai', replicator: { id: REPLICATOR } } });
		expect(publicView).not.toHaveProperty('replication');
		const outsiderView = await data(detailPage.load, `/replikasi/${id}`, outsider.actor, { params: { id } });
		expect(outsiderView.access).toBe('public');
		const certificate = await run(certificateRoute.GET, `/replikasi/${id}/sertifikat.pdf`, null, { params: { id } });
		if (certificate.kind !== 'value') throw new Error(JSON.stringify(certificate));
		const response = certificate.value as Response;
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="sertifikat-replikasi-\d{3}-SRT-REP-JIPPNAS-\d{4}\.pdf"/);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		// Its thread stays with the parties: to anyone else it does not exist.
		expect(await act('pesan', id, outsider.actor, { body: 'Halo' })).toMatchObject({ kind: 'failure', status: 404, data: { message: 'Replikasi tidak ditemukan.' } });
	});

	it('the innovation, agency and home pages show it', async () => {
		const innovation = await data(innovationPage.load, `/inovasi/${innovationId}`, null, { params: { id: innovationId } });
		expect(innovation.replications).toEqual([expect.objectContaining({ replicationId: id, agency: { id: REPLICATOR, name: 'Pemerintah Kabupaten Ngada' }, kind: 'sebagian', state: 'selesai' })]);
		expect(innovation.replicationMap).toMatch(/^<svg[^>]+role="img"/);
		expect(innovation.canFileReplication).toBe(false);
		expect((await data(innovationPage.load, `/inovasi/${innovationId}`, outsider.actor, { params: { id: innovationId } })).canFileReplication).toBe(true);
		expect((await data(innovationPage.load, `/inovasi/${innovationId}`, originator.actor, { params: { id: innovationId } })).canFileReplication).toBe(false);
		expect((await data(innovationPage.load, `/inovasi/${innovationId}`, admin.actor, { params: { id: innovationId } })).canFileReplication).toBe(true);

		const agency = await data(agencyPage.load, `/instansi/${ORIGINATOR}`, null, { params: { id: ORIGINATOR } });
		expect(agency.replicationsGiven).toEqual([expect.objectContaining({ id, otherAgency: { id: REPLICATOR, name: 'Pemerintah Kabupaten Ngada' }, state: 'selesai' })]);
		expect(agency.replicationsReceived).toEqual([]);
		const replicatorAgency = await data(agencyPage.load, `/instansi/${REPLICATOR}`, null, { params: { id: REPLICATOR } });
		expect(replicatorAgency.replicationsReceived).toHaveLength(1);

		const homePage = await data(home.load, '/', null);
		expect(homePage.replication).toEqual({ innovationsReplicated: 1, agenciesReplicating: 1, inProgress: 0 });
	});
});

describe('closing steps, messages and the inboxes', () => {
	let id: string;

	it('cancel: reason required, then closed; messages still possible', async () => {
		id = await fileInterest(replicator.actor);
		expect(await act('batalkan', id, replicator.actor, { reason: 'x' })).toMatchObject({
			kind: 'failure',
			status: 400,
			data: { action: 'cancel', message: 'Alasan pembatalan minimal 5 karakter.' }
		});
		expect(await act('pesan', id, originator.actor, { body: '   ' })).toMatchObject({ kind: 'failure', status: 400, data: { message: 'Pesan wajib diisi.' } });
		expect(await act('pesan', id, originator.actor, { body: 'Silakan hubungi kami untuk berdiskusi.' })).toEqual({
			kind: 'value',
			value: { ok: true, action: 'postMessage', message: 'Pesan terkirim.' }
		});
		expect(await act('tolak', id, replicator.actor, { reason: 'Tidak jadi' })).toMatchObject({ kind: 'failure', status: 403 });
		expect(await act('batalkan', id, replicator.actor, { reason: 'Anggaran daerah dialihkan ke penanganan bencana.' })).toMatchObject({
			kind: 'value',
			value: { ok: true, message: 'Replikasi dibatalkan.' }
		});
		const page = await data(detailPage.load, `/replikasi/${id}`, replicator.actor, { params: { id } });
		expect(page.replication).toMatchObject({ state: 'dibatalkan', closedReason: 'Anggaran daerah dialihkan ke penanganan bencana.' });
		expect(page.replication.messages).toEqual([expect.objectContaining({ body: 'Silakan hubungi kami untuk berdiskusi.', author: { id: originator.id, name: 'Siti Rahmawati' } })]);
		expect(page.replication.viewer.allowedActions).toEqual(['postMessage']);
	});

	it('inboxes: the public signs in, bad filters are refused, each role sees its boxes', async () => {
		expect(await run(inboxPage.load, '/replikasi', null)).toEqual(signInRedirect('/replikasi'));
		expect(await run(inboxPage.load, '/replikasi?kotak=tetangga', replicator.actor)).toMatchObject({
			kind: 'error',
			status: 400,
			body: { message: 'Kotak harus masuk, keluar, hub atau semua' }
		});
		expect(await run(inboxPage.load, '/replikasi?tahap=tidur', replicator.actor)).toMatchObject({ kind: 'error', status: 400, body: { message: 'Tahap replikasi tidak dikenal.' } });
		expect(await run(inboxPage.load, '/replikasi?halaman=0', replicator.actor)).toMatchObject({ kind: 'error', status: 400, body: { message: 'Nomor halaman minimal 1' } });
		expect(await run(inboxPage.load, '/replikasi?kotak=hub', replicator.actor)).toMatchObject({
			kind: 'error',
			status: 403,
			body: { message: 'Kotak replikasi ini tidak tersedia untuk peran Anda.' }
		});

		const made = await data(inboxPage.load, '/replikasi?kotak=keluar', replicator.actor);
		expect(made).toMatchObject({ box: 'made', boxWord: 'keluar', total: 2, page: 1, pages: 1 });
		expect(made.boxes).toEqual([
			{ box: 'received', word: 'masuk', total: 0, open: 0 },
			{ box: 'made', word: 'keluar', total: 2, open: 0 }
		]);
		const received = await data(inboxPage.load, '/replikasi?kotak=masuk&tahap=selesai', originator.actor);
		expect(received).toMatchObject({ box: 'received', state: 'selesai', total: 1 });
		expect(received.items[0]).toMatchObject({ replicator: { id: REPLICATOR }, state: 'selesai' });
		const hub = await data(inboxPage.load, '/replikasi', coordinator.actor);
		expect(hub).toMatchObject({ box: 'hub', total: 2 });
		expect((await data(inboxPage.load, '/replikasi?tahap=dibatalkan', admin.actor)).items.map((i: { id: string }) => i.id)).toEqual([id]);
		expect(await data(inboxPage.load, '/replikasi', outsider.actor)).toMatchObject({ total: 0, items: [] });
	});
});

describe('/notifikasi and the header badge', () => {
	it('the public signs in; the list marks unread; one or all are marked read', async () => {
		expect(await run(notificationsPage.load, '/notifikasi', null)).toEqual(signInRedirect('/notifikasi'));
		expect(await run(notificationsPage.actions.semua, '/notifikasi?/semua', null, { form: {} })).toEqual(signInRedirect('/notifikasi?/semua'));
		expect(await run(notificationsPage.load, '/notifikasi?halaman=x', originator.actor)).toMatchObject({
			kind: 'error',
			status: 400,
			body: { message: 'Nomor halaman harus berupa angka' }
		});

		const list = await data(notificationsPage.load, '/notifikasi', originator.actor);
		expect(list.unread).toBeGreaterThan(0);
		expect(list.items[0]).toMatchObject({ readAt: null, link: expect.stringMatching(/^\/replikasi\/rep-/) });
		const session = await signIn(database, originator);
		const built = requestEvent({ db: database, path: '/', cookie: session.cookie });
		const { authenticate } = await import('../../src/lib/server/http/auth');
		await authenticate(built.event, { sessionDays: 14 });
		expect(await layout.load(built.event as never)).toMatchObject({ user: { name: 'Siti Rahmawati', unreadNotifications: list.unread } });

		expect(await run(notificationsPage.actions.baca, '/notifikasi?/baca', originator.actor, { form: { id: 'abc' } })).toMatchObject({
			kind: 'failure',
			status: 400,
			data: { message: 'Notifikasi tidak dikenal.' }
		});
		// Someone else's notification is not found.
		expect(await run(notificationsPage.actions.baca, '/notifikasi?/baca', replicator.actor, { form: { id: String(list.items[0].id) } })).toMatchObject({
			kind: 'failure',
			status: 404,
			data: { message: 'Notifikasi tidak ditemukan.' }
		});
		expect(await run(notificationsPage.actions.baca, '/notifikasi?/baca', originator.actor, { form: { id: String(list.items[0].id) } })).toEqual({
			kind: 'value',
			value: { ok: true, action: 'markOne', message: 'Notifikasi ditandai dibaca.' }
		});
		expect(await run(notificationsPage.actions.semua, '/notifikasi?/semua', originator.actor, { form: {} })).toEqual({
			kind: 'value',
			value: { ok: true, action: 'markAll', message: `${list.unread - 1} notifikasi ditandai dibaca.` }
		});
		expect((await data(notificationsPage.load, '/notifikasi', originator.actor)).unread).toBe(0);
	});
});

describe('CSRF on a replication form', () => {
	it('refuses a missing or forged token before the action runs, accepts the session’s', async () => {
		const { handle } = await import('../../src/hooks.server');
		const id = await fileInterest(replicator.actor);
		const session = await signIn(database, originator);
		const messages = async () =>
			Number(
				(
					await database.db
						.selectFrom('replication_messages')
						.select((eb) => eb.fn.countAll<number>().as('n'))
						.where('replication_id', '=', id)
						.executeTakeFirstOrThrow()
				).n
			);
		const post = async (form: Record<string, string>) => {
			const built = requestEvent({ db: database, path: `/replikasi/${id}?/pesan`, cookie: session.cookie, form, params: { id } });
			let answer: unknown;
			const response = await handle({
				event: built.event,
				resolve: async (event) => {
					answer = await detailPage.actions.pesan!(event as never);
					return new Response('ok', { headers: { 'content-type': 'text/html' } });
				}
			});
			return { response, answer };
		};
		for (const form of [{ body: 'Tanpa token' }, { body: 'Token palsu', csrf: 'palsu'.padEnd(43, 'x') }] as Array<Record<string, string>>) {
			const { response, answer } = await post(form);
			expect(response.status).toBe(403);
			expect(answer).toBeUndefined();
			expect(await response.text()).toContain('Formulir ditolak: token keamanan tidak ada atau tidak cocok');
		}
		expect(await messages()).toBe(0);
		const good = await post({ body: 'Dengan token yang benar', csrf: session.csrf });
		expect(good.response.status).toBe(200);
		expect(good.answer).toMatchObject({ ok: true, action: 'postMessage' });
		expect(await messages()).toBe(1);
	});
});
