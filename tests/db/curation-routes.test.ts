import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/policy';
import * as innovationPage from '../../src/routes/inovasi/[id]/+page.server';
import * as overviewPage from '../../src/routes/kurasi/+page.server';
import * as agenciesPage from '../../src/routes/kurasi/instansi/+page.server';
import * as decisionsPage from '../../src/routes/kurasi/keputusan/+page.server';
import * as reviewsPage from '../../src/routes/kurasi/tinjauan/+page.server';
import { importLan, importPanrb } from '../support/source-files';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const curator: Actor = { id: 'kurator-rute', role: 'kurator' };
const admin: Actor = { id: 'admin-rute', role: 'admin' };
const operator: Actor = { id: 'operator-rute', role: 'operator', agencyId: 'pemkab-53.09' };

let database: TestDatabase;

type Outcome =
	| { kind: 'data'; data: Record<string, any> }
	| { kind: 'redirect'; status: number; location: string }
	| { kind: 'error'; status: number; code: string; message: string }
	| { kind: 'fail'; status: number; data: Record<string, any> };

function eventFor(path: string, actor: Actor | null, options: { params?: Record<string, string>; form?: Record<string, string> } = {}) {
	const url = new URL(`http://localhost${path}`);
	const request = options.form
		? new Request(url, { method: 'POST', body: new URLSearchParams(options.form) })
		: new Request(url);
	const cookies = { get: () => undefined, getAll: () => [], set() {}, delete() {}, serialize: () => '' };
	return { url, params: options.params ?? {}, request, cookies, locals: { db: database, actor }, setHeaders() {}, route: { id: null } };
}

/** Runs a load or an action as SvelteKit would and says how it ended. */
async function run(handler: unknown, path: string, actor: Actor | null, options: { params?: Record<string, string>; form?: Record<string, string> } = {}): Promise<Outcome> {
	try {
		const result = (await (handler as (event: unknown) => Promise<unknown>)(eventFor(path, actor, options))) as Record<string, any>;
		if (result && typeof result === 'object' && 'status' in result && 'data' in result && result.constructor?.name === 'ActionFailure') {
			return { kind: 'fail', status: result.status as number, data: result.data as Record<string, any> };
		}
		return { kind: 'data', data: result };
	} catch (error) {
		if (isRedirect(error)) return { kind: 'redirect', status: error.status, location: error.location };
		if (isHttpError(error)) return { kind: 'error', status: error.status, code: error.body.code, message: error.body.message };
		throw error;
	}
}

const FORBIDDEN = { kind: 'error', status: 403, code: 'FORBIDDEN', message: 'Anda tidak berwenang melakukan tindakan ini.' };

async function openReviewId() {
	const review = await database.db.selectFrom('match_reviews').select('id').where('status', '=', 'open').orderBy('score', 'desc').executeTakeFirstOrThrow();
	return review.id;
}

beforeAll(async () => {
	database = await createTestDatabase();
	await importPanrb(database.db, [
		{ id: 'SNV-1', title: 'Posyandu Keliling', summary: 'Kader posyandu mendatangi balita di dusun terpencil setiap bulan dengan motor.' },
		{ id: 'SNV-2', title: 'Ambulans Desa Siaga', summary: 'Ambulans desa melayani warga terpencil 24 jam dengan relawan.' }
	]);
	await importLan(database.db, [
		{ id: 1, title: 'Posyandu Keliling Desa', description: '<p>Pelayanan posyandu bergerak ke dusun-dusun terpencil setiap bulan.</p>' },
		{ id: 2, title: 'Ambulans Desa Siaga', description: '<p>Ambulans desa melayani warga terpencil 24 jam dengan relawan desa.</p>' },
		{ id: 4, title: 'Layanan Lain', agency: 'Pemkab Ngadha', regionCode: null, province: null }
	]);
}, 180_000);

afterAll(async () => {
	await database?.dispose();
});

describe('curator pages: who may open them', () => {
	const pages = [
		['/kurasi', overviewPage.load],
		['/kurasi/tinjauan', reviewsPage.load],
		['/kurasi/keputusan', decisionsPage.load],
		['/kurasi/instansi', agenciesPage.load]
	] as const;

	it('sends the public to sign in and back', async () => {
		for (const [path, load] of pages) {
			expect(await run(load, path, null)).toEqual({ kind: 'redirect', status: 303, location: `/masuk?kembali=${encodeURIComponent(path)}` });
		}
	});

	it('refuses other roles with 403', async () => {
		for (const [path, load] of pages) expect(await run(load, path, operator)).toEqual(FORBIDDEN);
	});

	it('shows the overview to curators and admins', async () => {
		const result = await run(overviewPage.load, '/kurasi', admin);
		expect(result).toMatchObject({ kind: 'data', data: { overview: { reviews: { open: 1, confirmed: 0, rejected: 0 }, agencies: { unresolvedNames: 1 } } } });
	});

	it('refuses a bad query string with the exact message', async () => {
		expect(await run(reviewsPage.load, '/kurasi/tinjauan?status=apa', curator)).toMatchObject({
			kind: 'error',
			status: 400,
			message: 'Status harus terbuka, dikonfirmasi, ditolak atau semua'
		});
		expect(await run(decisionsPage.load, '/kurasi/keputusan?halaman=0', curator)).toMatchObject({ kind: 'error', status: 400, message: 'Nomor halaman minimal 1' });
	});
});

describe('review queue actions and the decision log', () => {
	it('lists the open pair with its reasons', async () => {
		const result = await run(reviewsPage.load, '/kurasi/tinjauan', curator);
		if (result.kind !== 'data') throw new Error(JSON.stringify(result));
		expect(result.data.items).toHaveLength(1);
		expect(result.data.items[0].sides.map((s: { externalId: string }) => s.externalId)).toEqual(['SNV-1', '1']);
		expect(result.data.items[0].reasons.length).toBe(6);
		expect(typeof result.data.items[0].reasons[0]).toBe('string');
	});

	it('confirm: public, wrong role, bad input, then success; undo from the log', async () => {
		const id = String(await openReviewId());
		const path = '/kurasi/tinjauan?/konfirmasi';
		expect(await run(reviewsPage.actions.konfirmasi, path, null, { form: { tinjauan: id } })).toMatchObject({ kind: 'redirect', status: 303 });
		expect(await run(reviewsPage.actions.konfirmasi, path, operator, { form: { tinjauan: id } })).toEqual(FORBIDDEN);
		expect(await run(reviewsPage.actions.konfirmasi, path, curator, { form: { tinjauan: 'abc' } })).toEqual({
			kind: 'fail',
			status: 400,
			data: { ok: false, message: 'Nomor tinjauan harus berupa angka.', target: null }
		});
		expect(await run(reviewsPage.actions.konfirmasi, path, curator, { form: { tinjauan: id, catatan: 'x'.repeat(1001) } })).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { message: 'Catatan paling panjang 1000 karakter.' }
		});
		const done = await run(reviewsPage.actions.konfirmasi, path, curator, { form: { tinjauan: id, catatan: 'Sama' } });
		if (done.kind !== 'data') throw new Error(JSON.stringify(done));
		const decisionId = done.data.decisionId as number;
		expect(done.data.message).toBe(`Pasangan #${id} dikonfirmasi sebagai satu inovasi (keputusan #${decisionId}). Keputusan ini dapat dibatalkan di log keputusan.`);
		expect(await run(reviewsPage.actions.konfirmasi, path, curator, { form: { tinjauan: id } })).toMatchObject({
			kind: 'fail',
			status: 409,
			data: { message: `Pasangan #${id} sudah dikonfirmasi sebagai duplikat oleh kurator-rute. Batalkan keputusan itu di log keputusan bila perlu diubah.` }
		});

		const log = await run(decisionsPage.load, '/kurasi/keputusan', curator);
		expect(log).toMatchObject({ kind: 'data', data: { total: 1, items: [{ id: decisionId, kind: 'confirm', kindLabel: 'Konfirmasi duplikat', undoneAt: null }] } });

		const undoPath = '/kurasi/keputusan?/batalkan';
		expect(await run(decisionsPage.actions.batalkan, undoPath, null, { form: { keputusan: String(decisionId) } })).toMatchObject({ kind: 'redirect' });
		expect(await run(decisionsPage.actions.batalkan, undoPath, operator, { form: { keputusan: String(decisionId) } })).toEqual(FORBIDDEN);
		expect(await run(decisionsPage.actions.batalkan, undoPath, curator, { form: { keputusan: '0' } })).toEqual({
			kind: 'fail',
			status: 400,
			data: { ok: false, message: 'Nomor keputusan tidak valid.', target: null }
		});
		expect(await run(decisionsPage.actions.batalkan, undoPath, curator, { form: { keputusan: String(decisionId) } })).toEqual({
			kind: 'data',
			data: { ok: true, target: String(decisionId), message: `Keputusan #${decisionId} dibatalkan: rekaman sumber dan isian inovasi kembali seperti sebelumnya.` }
		});
		expect(await run(decisionsPage.actions.batalkan, undoPath, curator, { form: { keputusan: String(decisionId) } })).toMatchObject({
			kind: 'fail',
			status: 409,
			data: { message: `Keputusan #${decisionId} sudah dibatalkan oleh kurator-rute.` }
		});
	});

	it('reject: public, wrong role, bad input, success', async () => {
		const id = String(await openReviewId());
		const path = '/kurasi/tinjauan?/tolak';
		expect(await run(reviewsPage.actions.tolak, path, null, { form: { tinjauan: id } })).toMatchObject({ kind: 'redirect', status: 303 });
		expect(await run(reviewsPage.actions.tolak, path, operator, { form: { tinjauan: id } })).toEqual(FORBIDDEN);
		expect(await run(reviewsPage.actions.tolak, path, curator, { form: { tinjauan: '-3' } })).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { message: 'Nomor tinjauan tidak valid.' }
		});
		const done = await run(reviewsPage.actions.tolak, path, curator, { form: { tinjauan: id } });
		expect(done).toMatchObject({ kind: 'data', data: { ok: true } });
		const status = await database.db.selectFrom('match_reviews').select('status').where('id', '=', Number(id)).executeTakeFirstOrThrow();
		expect(status.status).toBe('rejected');
	});
});

describe('innovation page: split a source record', () => {
	it('shows the button to curators only, and splits', async () => {
		const record = await database.db.selectFrom('source_records').select('innovation_id').where('source', '=', 'lan').where('external_id', '=', '2').executeTakeFirstOrThrow();
		const id = record.innovation_id!;
		const path = `/inovasi/${id}`;
		const asPublic = await run(innovationPage.load, path, null, { params: { id } });
		expect(asPublic).toMatchObject({ kind: 'data', data: { canCurate: false } });
		expect(await run(innovationPage.load, path, curator, { params: { id } })).toMatchObject({ kind: 'data', data: { canCurate: true } });

		const form = { sumber: 'lan', rekaman: '2' };
		expect(await run(innovationPage.actions.pisahkan, `${path}?/pisahkan`, null, { params: { id }, form })).toEqual({
			kind: 'redirect',
			status: 303,
			location: `/masuk?kembali=${encodeURIComponent(`${path}?/pisahkan`)}`
		});
		expect(await run(innovationPage.actions.pisahkan, `${path}?/pisahkan`, operator, { params: { id }, form })).toEqual(FORBIDDEN);
		expect(await run(innovationPage.actions.pisahkan, `${path}?/pisahkan`, curator, { params: { id }, form: { sumber: 'bps', rekaman: '2' } })).toEqual({
			kind: 'fail',
			status: 400,
			data: { ok: false, message: 'Sumber rekaman tidak valid.', target: null }
		});
		const done = await run(innovationPage.actions.pisahkan, `${path}?/pisahkan`, curator, { params: { id }, form });
		if (done.kind !== 'data') throw new Error(JSON.stringify(done));
		expect(done.data.message).toBe(`Rekaman lan 2 dipisahkan menjadi inovasi baru (keputusan #${done.data.decisionId}).`);
		const moved = await database.db.selectFrom('source_records').select('innovation_id').where('source', '=', 'lan').where('external_id', '=', '2').executeTakeFirstOrThrow();
		expect(moved.innovation_id).toBe(done.data.innovationId);
		// The page still shows the old innovation: the record is no longer on it.
		expect(await run(innovationPage.actions.pisahkan, `${path}?/pisahkan`, curator, { params: { id }, form })).toMatchObject({
			kind: 'fail',
			status: 409,
			data: { message: 'Rekaman sumber ini sudah tidak berada di inovasi tersebut. Muat ulang halaman untuk melihat keadaan terbaru.' }
		});
	});
});

describe('agency queue page', () => {
	it('lists the unknown name with suggestions and searches other agencies', async () => {
		const result = await run(agenciesPage.load, '/kurasi/instansi?nama=Pemkab%20Ngadha&cari=ngada', curator);
		if (result.kind !== 'data') throw new Error(JSON.stringify(result));
		expect(result.data.items).toHaveLength(1);
		expect(result.data.items[0]).toMatchObject({ name: 'Pemkab Ngadha', count: 1, sourceLabels: [expect.any(String)] });
		expect(result.data.items[0].suggestions[0].agencyId).toBe('pemkab-53.09');
		expect(result.data.search.results.map((r: { id: string }) => r.id)).toContain('pemkab-53.09');
		expect(await run(agenciesPage.load, `/kurasi/instansi?cari=${'x'.repeat(101)}`, curator)).toMatchObject({
			kind: 'error',
			status: 400,
			message: 'Kata pencarian paling panjang 100 karakter'
		});
	});

	it('maps a name: public, wrong role, bad input, success', async () => {
		const path = '/kurasi/instansi?/tetapkan';
		const form = { nama: 'Pemkab Ngadha', instansi: 'pemkab-53.09' };
		expect(await run(agenciesPage.actions.tetapkan, path, null, { form })).toMatchObject({ kind: 'redirect', status: 303 });
		expect(await run(agenciesPage.actions.tetapkan, path, operator, { form })).toEqual(FORBIDDEN);
		expect(await run(agenciesPage.actions.tetapkan, path, curator, { form: { nama: 'Pemkab Ngadha' } })).toEqual({
			kind: 'fail',
			status: 400,
			data: { ok: false, message: 'Pilih instansi tujuan.', target: null }
		});
		expect(await run(agenciesPage.actions.tetapkan, path, curator, { form: { nama: 'Pemkab Ngadha', instansi: 'tidak-ada' } })).toMatchObject({
			kind: 'fail',
			status: 404,
			data: { message: 'Instansi "tidak-ada" tidak ditemukan.' }
		});
		expect(await run(agenciesPage.actions.tetapkan, path, curator, { form })).toEqual({
			kind: 'data',
			data: {
				ok: true,
				target: 'Pemkab Ngadha',
				message: 'Nama "Pemkab Ngadha" dipetakan ke instansi pemkab-53.09 dan ditambahkan sebagai alias. 1 dari 1 baris karantina sudah diimpor ulang.'
			}
		});
		const after = await run(agenciesPage.load, '/kurasi/instansi', curator);
		expect(after).toMatchObject({ kind: 'data', data: { items: [], total: 0 } });
	});
});
