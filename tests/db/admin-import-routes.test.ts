import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/policy';
import { runNextImportJob } from '../../src/lib/server/services/run-next-import-job';
import { importSourceFile } from '../../src/lib/server/services/import-source-file';
import { actions as listActions, load as loadList } from '../../src/routes/admin/impor/+page.server';
import { load as loadRun } from '../../src/routes/admin/impor/[id]/+page.server';
import { GET as getProgress } from '../../src/routes/admin/impor/[id]/kemajuan/+server';
import { GET as getQuarantine } from '../../src/routes/admin/impor/[id]/karantina.[format]/+server';
import { load as loadJob } from '../../src/routes/admin/impor/antrean/[id]/+page.server';
import { callEndpoint, type ErrorBody } from '../support/call-endpoint';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Uploads go to DATA_DIR/uploads; the configuration is read on first use, after this.
const dataDir = await mkdtemp(path.join(tmpdir(), 'jippnas-admin-import-'));
process.env.DATA_DIR = dataDir;
process.env.IMPORT_MAX_UPLOAD_MB = '1';
// Vitest sets BASE_URL=/ (Vite's base path); to the app it would be the public site address.
process.env.BASE_URL = '';
const uploadDir = path.join(dataDir, 'uploads');

const panrbCsv = readFileSync(path.resolve(import.meta.dirname, '../../../shared/samples/panrb.csv'));
const admin: Actor = { id: 'admin@panrb', role: 'admin' };
const curator: Actor = { id: 'kurator@panrb', role: 'kurator' };
const operator: Actor = { id: 'op@ngada', role: 'operator', agencyId: 'pemkab-53.09' };

let database: TestDatabase;
let jobId: number;
let runId: number;
let cleanRunId: number;

const cookies = { get: () => undefined, getAll: () => [], set() {}, delete() {}, serialize: () => '' };

function event(target: string, actor: Actor | null, options: { params?: Record<string, string>; form?: FormData } = {}) {
	const url = new URL(target, 'http://localhost');
	const request = options.form ? new Request(url, { method: 'POST', body: options.form }) : new Request(url);
	return { url, params: options.params ?? {}, locals: { db: database, actor }, request, cookies, route: { id: null } } as never;
}

/** What a load or action did: returned data, or the redirect or error it threw. */
async function outcome(work: () => unknown) {
	try {
		return { data: (await work()) as any };
	} catch (error) {
		if (isRedirect(error)) return { redirect: { status: error.status, location: error.location } };
		if (isHttpError(error)) return { error: { status: error.status, ...error.body } };
		throw error;
	}
}

function uploadForm(fields: { sumber?: string; berkas?: File; profil?: File }) {
	const form = new FormData();
	form.set('csrf', 'token');
	if (fields.sumber !== undefined) form.set('sumber', fields.sumber);
	form.set('berkas', fields.berkas ?? new File([], ''));
	if (fields.profil) form.set('profil', fields.profil);
	return form;
}

const upload = (actor: Actor | null, fields: Parameters<typeof uploadForm>[0]) =>
	outcome(() => listActions.default!(event('/admin/impor', actor, { form: uploadForm(fields) })));

async function jobCount() {
	const row = await database.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}

beforeAll(async () => {
	database = await createTestDatabase();
	const clean = await importSourceFile(database.db, {
		source: 'lan',
		fileName: 'lan.jsonl',
		bytes: new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../../../shared/samples/lan.jsonl'))),
		actor: 'cli'
	});
	cleanRunId = clean.runId;
}, 120_000);

afterAll(async () => {
	await database?.dispose();
	await rm(dataDir, { recursive: true, force: true });
});

describe('upload on /admin/impor', () => {
	it('sends the public to sign in, and back here afterwards', async () => {
		expect(await upload(null, { sumber: 'panrb', berkas: new File([panrbCsv], 'panrb.csv') })).toEqual({
			redirect: { status: 303, location: '/masuk?kembali=%2Fadmin%2Fimpor' }
		});
	});

	it('refuses a user without the right to import', async () => {
		expect(await upload(operator, { sumber: 'panrb', berkas: new File([panrbCsv], 'panrb.csv') })).toEqual({
			error: { status: 403, code: 'FORBIDDEN', message: 'Anda tidak berwenang melakukan tindakan ini.' }
		});
		expect(await jobCount()).toBe(0);
	});

	for (const [what, fields, status, message] of [
		['an unknown source', { sumber: 'bps', berkas: new File([panrbCsv], 'panrb.csv') }, 400, 'Pilih sumber data: KemenPANRB, Kemendagri atau LAN.'],
		['no file', { sumber: 'panrb' }, 400, 'Pilih berkas ekspor sumber yang akan diimpor.'],
		['an empty file', { sumber: 'panrb', berkas: new File([], 'panrb.csv') }, 400, 'Berkas yang diunggah kosong.'],
		['a file over IMPORT_MAX_UPLOAD_MB', { sumber: 'panrb', berkas: new File([new Uint8Array(1024 * 1024 + 1)], 'besar.csv') }, 413, 'Berkas terlalu besar: maksimal 1 MB.'],
		[
			'an unreadable file',
			{ sumber: 'panrb', berkas: new File(['PK\u0003\u0004 rusak'], 'panrb.xlsx') },
			400,
			'Berkas XLSX tidak dapat dibaca. Pastikan berkas disimpan dalam format Excel (.xlsx).'
		]
	] as const) {
		it(`answers ${what} with "${message}" and queues nothing`, async () => {
			const result = await upload(admin, fields as Parameters<typeof uploadForm>[0]);
			expect(isActionFailure(result.data)).toBe(true);
			expect(result.data).toMatchObject({ status, data: { message } });
			expect(await jobCount()).toBe(0);
		});
	}

	it('keeps the chosen source when the upload is refused', async () => {
		const result = await upload(admin, { sumber: 'kemendagri' });
		expect(result.data.data).toEqual({ message: 'Pilih berkas ekspor sumber yang akan diimpor.', source: 'kemendagri' });
	});

	it('queues a good upload and sends the admin to its place in the queue', async () => {
		const result = await upload(admin, { sumber: 'panrb', berkas: new File([panrbCsv], 'panrb.csv') });
		expect(result.redirect?.status).toBe(303);
		const match = result.redirect!.location.match(/^\/admin\/impor\/antrean\/(\d+)$/);
		expect(match).not.toBeNull();
		jobId = Number(match![1]);
		expect(await jobCount()).toBe(1);
	});
});

describe('the queue page /admin/impor/antrean/[id]', () => {
	const load = (actor: Actor | null, id = String(jobId)) => outcome(() => loadJob(event(`/admin/impor/antrean/${id}`, actor, { params: { id } })));

	it('sends the public to sign in and refuses other roles', async () => {
		expect(await load(null)).toEqual({ redirect: { status: 303, location: `/masuk?kembali=%2Fadmin%2Fimpor%2Fantrean%2F${jobId}` } });
		expect((await load(operator)).error).toMatchObject({ status: 403, code: 'FORBIDDEN' });
	});

	it('shows a waiting upload', async () => {
		expect((await load(curator)).data).toMatchObject({ job: { id: jobId, status: 'queued', fileName: 'panrb.csv', runId: null } });
	});

	it('answers an unknown job with 404', async () => {
		expect((await load(admin, '999999')).error).toEqual({ status: 404, code: 'IMPORT_JOB_NOT_FOUND', message: 'Antrean impor #999999 tidak ditemukan.' });
		expect((await load(admin, 'abc')).error).toEqual({ status: 404, code: 'IMPORT_JOB_NOT_FOUND', message: 'Antrean impor #abc tidak ditemukan.' });
	});

	it('moves on to the run once the worker has started it', async () => {
		const ran = await runNextImportJob(database.db, { workerId: 'test:1:a', uploadDir });
		expect(ran).toMatchObject({ jobId, status: 'succeeded' });
		runId = ran!.runId!;
		expect(await load(admin)).toEqual({ redirect: { status: 303, location: `/admin/impor/${runId}` } });
	});
});

describe('the list /admin/impor', () => {
	const load = (actor: Actor | null, query = '') => outcome(() => loadList(event(`/admin/impor${query}`, actor)));

	it('sends the public to sign in and refuses other roles', async () => {
		expect(await load(null)).toEqual({ redirect: { status: 303, location: '/masuk?kembali=%2Fadmin%2Fimpor' } });
		expect((await load(operator)).error).toMatchObject({ status: 403, code: 'FORBIDDEN' });
	});

	it('lists the runs newest first with status, counts, who and when', async () => {
		const { data } = await load(admin);
		expect(data.total).toBe(2);
		expect(data.runs.map((r: { id: number }) => r.id)).toEqual([runId, cleanRunId]);
		expect(data.runs[0]).toMatchObject({ source: 'panrb', fileName: 'panrb.csv', status: 'partly', actor: admin.id, counts: { read: 42, inserted: 41, rejected: 1 } });
		expect(data.runs[1]).toMatchObject({ source: 'lan', status: 'succeeded', actor: 'cli' });
		expect(data.maxMb).toBe(1);
	});

	it('refuses a bad page number with the reason', async () => {
		expect((await load(admin, '?halaman=0')).error).toEqual({ status: 400, code: 'VALIDATION_FAILED', message: 'Nomor halaman minimal 1' });
	});
});

describe('one run /admin/impor/[id]', () => {
	const load = (actor: Actor | null, id = String(runId), query = '') =>
		outcome(() => loadRun(event(`/admin/impor/${id}${query}`, actor, { params: { id } })));

	it('sends the public to sign in and refuses other roles', async () => {
		expect(await load(null)).toEqual({ redirect: { status: 303, location: `/masuk?kembali=%2Fadmin%2Fimpor%2F${runId}` } });
		expect((await load(operator)).error).toMatchObject({ status: 403, code: 'FORBIDDEN' });
	});

	it('shows the counts, progress and the quarantined rows with their reasons', async () => {
		const { data } = await load(admin);
		expect(data.run).toMatchObject({ id: runId, status: 'partly', progress: { done: 42, total: 42, percent: 100, finished: true } });
		expect(data.run.quarantine.total).toBe(1);
		expect(data.run.quarantine.rows[0].reasons[0].message.length).toBeGreaterThan(10);
		expect(data.sourceLabel).toBe('KemenPANRB (SINOVIK/KIPP)');
	});

	it('answers an unknown run with 404 and a bad page number with 400', async () => {
		expect((await load(admin, '999999')).error).toEqual({ status: 404, code: 'IMPORT_RUN_NOT_FOUND', message: 'Impor #999999 tidak ditemukan.' });
		expect((await load(admin, String(runId), '?halaman=x')).error).toEqual({
			status: 400,
			code: 'VALIDATION_FAILED',
			message: 'Nomor halaman harus berupa angka'
		});
	});
});

describe('progress /admin/impor/[id]/kemajuan', () => {
	const call = (actor: Actor | null, id = String(runId)) =>
		callEndpoint<any>(getProgress as never, `/admin/impor/${id}/kemajuan`, {
			db: database,
			params: { id },
			auth: actor ? { kind: 'actor', actor } : { kind: 'anonymous' }
		});

	it('answers the public with 401 and other roles with 403, as JSON', async () => {
		expect(await call(null)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' } } });
		expect((await call(operator)).status).toBe(403);
	});

	it('gives the counts and how far the run has come, never cached', async () => {
		const response = await call(admin);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.body).toMatchObject({ id: runId, status: 'partly', done: 42, total: 42, percent: 100, finished: true, counts: { inserted: 41, rejected: 1 } });
	});

	it('answers an unknown run with 404', async () => {
		const response = await call(admin, '999999');
		expect(response).toMatchObject({ status: 404, body: { error: { code: 'IMPORT_RUN_NOT_FOUND', message: 'Impor #999999 tidak ditemukan.' } } as ErrorBody });
	});
});

describe('quarantine downloads /admin/impor/[id]/karantina.csv and .xlsx', () => {
	const download = (actor: Actor | null, format: string, id = String(runId)) =>
		outcome(async () => {
			const response = await getQuarantine(event(`/admin/impor/${id}/karantina.${format}`, actor, { params: { id, format } }));
			return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
		});

	it('sends the public to sign in and refuses other roles', async () => {
		expect(await download(null, 'csv')).toEqual({ redirect: { status: 303, location: `/masuk?kembali=%2Fadmin%2Fimpor%2F${runId}%2Fkarantina.csv` } });
		expect((await download(operator, 'csv')).error).toMatchObject({ status: 403, code: 'FORBIDDEN' });
	});

	it('downloads the rows as CSV with their reasons', async () => {
		const { data } = await download(admin, 'csv');
		expect(data.status).toBe(200);
		expect(data.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(data.headers.get('content-disposition')).toBe(`attachment; filename="karantina-impor-${runId}.csv"`);
		const lines = data.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^ID Inovasi,Judul Inovasi,.*,Baris,Alasan Karantina$/);
	});

	it('downloads the same rows as XLSX', async () => {
		const { data } = await download(admin, 'xlsx');
		expect(data.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(data.bytes as never);
		expect(book.getWorksheet('Karantina')!.rowCount).toBe(2);
	});

	it('answers an unknown format, an unknown run and a run without quarantined rows with 404', async () => {
		expect((await download(admin, 'pdf')).error).toEqual({ status: 404, code: 'NOT_FOUND', message: 'Format unduhan tidak dikenal. Pilih csv atau xlsx.' });
		expect((await download(admin, 'csv', '999999')).error).toEqual({ status: 404, code: 'NOT_FOUND', message: 'Impor #999999 tidak ditemukan.' });
		expect((await download(admin, 'csv', String(cleanRunId))).error).toEqual({
			status: 404,
			code: 'NOT_FOUND',
			message: 'Tidak ada baris karantina untuk impor ini.'
		});
	});
});
