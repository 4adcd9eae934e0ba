import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Kysely } from 'kysely';
import { provideAppDatabase } from '../../src/lib/server/app-database';
import { Replication, ReplicationPage } from '../../src/lib/server/api/responses';
import type { DB } from '../../src/lib/server/db/schema';
import { yearInIndonesia } from '../../src/lib/server/domain/replication/replication-numbers';
import { presentReplication } from '../../src/lib/server/presenters/replication-presenter';
import { fileReplicationInterest } from '../../src/lib/server/services/file-replication-interest';
import { getReplication } from '../../src/lib/server/services/get-replication';
import { postReplicationMessage } from '../../src/lib/server/services/post-replication-message';
import * as listRoute from '../../src/routes/api/v1/replications/+server';
import * as oneRoute from '../../src/routes/api/v1/replications/[id]/+server';
import * as actionRoute from '../../src/routes/api/v1/replications/[id]/actions/[action]/+server';
import * as messageRoute from '../../src/routes/api/v1/replications/[id]/messages/+server';
import { callEndpoint } from '../support/call-endpoint';
import { callThroughHooks } from '../support/call-through-hooks';
import { createHub, createInnovation, createReplication, createReplicationDocument, type CreatedHub } from '../support/factories';
import { createUser, signIn, type TestSession, type TestUser } from '../support/sessions';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * /api/v1/replications through the hooks, as the server runs them: Kota Surabaya (pemkot-35.78)
 * owns the innovation, Kabupaten Manggarai (pemkab-53.10, in the NTT hub) replicates it, and
 * Kabupaten Ngada (pemkab-53.09) takes no part.
 */
vi.stubEnv('BASE_URL', '');
vi.stubEnv('PAGE_CACHE_SECONDS', '0');

const ORIGINATOR = 'pemkot-35.78';
const REPLICATOR = 'pemkab-53.10';
const THIRD = 'pemkab-53.09';
const NOT_FOUND = { error: { code: 'REPLICATION_NOT_FOUND', message: 'Replikasi tidak ditemukan.' } };
const CSRF_REFUSED = {
	error: {
		code: 'CSRF_INVALID',
		message: 'Formulir ditolak: token keamanan tidak ada atau tidak cocok (mungkin halaman sudah terlalu lama dibuka). Muat ulang halaman, lalu kirim lagi.'
	}
};
/** The keys anyone may see; every other key is private. */
const PUBLIC_KEYS = ['access', 'certificateNumber', 'certificateUrl', 'completedAt', 'id', 'innovation', 'kind', 'originator', 'replicator', 'state'];

let database: TestDatabase;
let db: Kysely<DB>;
let hub: CreatedHub;
let innovationId: string;
let otherInnovationId: string;
let people: Record<'replicator' | 'originator' | 'coordinator' | 'admin' | 'curator' | 'outsider', TestUser>;
let sessions: Record<keyof typeof people, TestSession>;
/** A completed replication (public), one in progress (private), and one of two other agencies. */
let completedId: string;
let openId: string;
let foreignId: string;

const interest = {
	kind: 'sebagian',
	interestScope: 'Alur layanan jemput bola dan aplikasi antreannya, tanpa modul pembayaran.',
	interestReason: 'Desa-desa kami jauh dari kantor pelayanan, persis seperti masalah yang diselesaikan inovasi ini.'
};

const get = (handler: typeof listRoute.GET, path: string, who?: keyof typeof people, params?: Record<string, string>) =>
	callThroughHooks(handler, { db: database, path, params, cookie: who ? sessions[who].cookie : undefined });

const post = (
	handler: typeof listRoute.POST,
	path: string,
	who: keyof typeof people | null,
	json: unknown,
	params?: Record<string, string>,
	csrf?: string
) =>
	callThroughHooks(handler, {
		db: database,
		path,
		params,
		json,
		cookie: who ? sessions[who].cookie : undefined,
		csrf: csrf ?? (who ? sessions[who].csrf : undefined)
	});

const act = (id: string, action: string, who: keyof typeof people | null, json: unknown) =>
	post(actionRoute.POST, `/api/v1/replications/${id}/actions/${action}`, who, json, { id, action });

beforeAll(async () => {
	database = await createTestDatabase();
	provideAppDatabase(database);
	db = database.db;
	hub = await createHub(db, { name: 'Hub Inovasi NTT', members: [REPLICATOR] });
	people = {
		replicator: await createUser(db, { role: 'operator', agencyId: REPLICATOR, name: 'Rina Replikator' }),
		originator: await createUser(db, { role: 'operator', agencyId: ORIGINATOR, name: 'Ilham Inovator' }),
		coordinator: await createUser(db, { role: 'koordinator_hub', hubId: hub.id, name: 'Fajar Fasilitator' }),
		admin: await createUser(db, { role: 'admin', name: 'Ani Admin' }),
		curator: await createUser(db, { role: 'kurator', name: 'Kiki Kurator' }),
		outsider: await createUser(db, { role: 'operator', agencyId: THIRD, name: 'Odi Luar' })
	};
	sessions = Object.fromEntries(
		await Promise.all(Object.entries(people).map(async ([key, user]) => [key, await signIn(db, user)]))
	) as typeof sessions;
	innovationId = (await createInnovation(db, { agency_id: ORIGINATOR, title: 'Jemput Bola Adminduk' })).id;
	otherInnovationId = (await createInnovation(db, { agency_id: 'pemprov-35', title: 'Layanan Lain' })).id;

	completedId = (
		await createReplication(db, {
			innovationId,
			replicatorAgencyId: 'pemkab-53.11',
			createdBy: people.admin.id,
			kind: 'penuh',
			state: 'selesai',
			completed_at: new Date('2025-03-01T02:00:00Z'),
			certificate_number: `001/SRT-REP/JIPPNAS/2025`,
			agreement_number: `001/KS-REP/JIPPNAS/2024`,
			closed_reason: null
		})
	).id;
	openId = (await fileReplicationInterest(db, people.replicator.actor, { innovationId, ...interest })).id;
	foreignId = (await createReplication(db, { innovationId: otherInnovationId, replicatorAgencyId: 'pemkab-53.12', createdBy: people.admin.id, state: 'persiapan' })).id;
	await createReplicationDocument(db, openId, 'surat_minat', people.replicator.id);
	await postReplicationMessage(db, people.replicator.actor, openId, { body: 'Surat minat sudah kami unggah.' });
}, 120_000);
afterAll(async () => database?.dispose());

describe('GET /api/v1/replications', () => {
	it('gives the public completed replications only, as summaries, cacheable', async () => {
		const res = await get(listRoute.GET, '/api/v1/replications');
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('public, max-age=60');
		expect(res.body).toMatchObject({ box: null, total: 1, limit: 20, offset: 0 });
		expect(res.body.items).toEqual([
			{
				id: completedId,
				access: 'public',
				innovation: { id: innovationId, title: 'Jemput Bola Adminduk' },
				originator: { id: ORIGINATOR, name: expect.any(String) },
				replicator: { id: 'pemkab-53.11', name: expect.any(String) },
				kind: 'penuh',
				state: 'selesai',
				completedAt: '2025-03-01T02:00:00.000Z',
				certificateNumber: '001/SRT-REP/JIPPNAS/2025',
				certificateUrl: `/replikasi/${completedId}/sertifikat.pdf`
			}
		]);
		expect(Object.keys(res.body.items[0]).sort()).toEqual(PUBLIC_KEYS);
		// Asking for replications in progress shows the public nothing.
		expect((await get(listRoute.GET, '/api/v1/replications?tahap=berjalan')).body).toMatchObject({ items: [], total: 0 });
	});

	it('adds what a signed-in person may read, privately and never cached', async () => {
		const res = await get(listRoute.GET, '/api/v1/replications', 'replicator');
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		expect(res.headers.get('vary')).toBe('cookie');
		expect(res.body.items.map((i: { id: string; access: string }) => [i.id, i.access])).toEqual([
			[openId, 'private'],
			[completedId, 'public']
		]);
		expect(res.body.items[0]).toMatchObject({ state: 'minat', hub: { id: hub.id, name: 'Hub Inovasi NTT' }, version: 1 });

		const outsider = await get(listRoute.GET, '/api/v1/replications', 'outsider');
		expect(outsider.body.items.map((i: { id: string; access: string }) => [i.id, i.access])).toEqual([[completedId, 'public']]);
		const coordinator = await get(listRoute.GET, '/api/v1/replications', 'coordinator');
		expect(coordinator.body.items.map((i: { id: string }) => i.id)).toEqual([openId, completedId]);
		const curator = await get(listRoute.GET, '/api/v1/replications', 'curator');
		expect(curator.body.total).toBe(3);
		expect(curator.body.items.every((i: { access: string }) => i.access === 'private')).toBe(true);
	});

	it('filters by innovation, agency (either side), kind and state', async () => {
		const ids = async (query: string, who?: keyof typeof people) =>
			(await get(listRoute.GET, `/api/v1/replications?${query}`, who)).body.items.map((i: { id: string }) => i.id);
		expect(await ids(`inovasi=${otherInnovationId}`, 'admin')).toEqual([foreignId]);
		expect(await ids(`instansi=${ORIGINATOR}`, 'admin')).toEqual([openId, completedId]);
		expect(await ids(`instansi=${REPLICATOR}`, 'admin')).toEqual([openId]);
		expect(await ids('jenis=penuh', 'admin')).toEqual([foreignId, completedId]);
		expect((await ids('tahap=berjalan', 'admin')).sort()).toEqual([openId, foreignId].sort());
		expect(await ids('tahap=selesai&limit=1&offset=0')).toEqual([completedId]);
	});

	it('opens the inboxes of the signed-in (kotak)', async () => {
		const box = async (word: string, who: keyof typeof people) => (await get(listRoute.GET, `/api/v1/replications?kotak=${word}`, who)).body;
		expect(await box('masuk', 'originator')).toMatchObject({ box: 'masuk', total: 2 });
		expect((await box('keluar', 'replicator')).items.map((i: { id: string }) => i.id)).toEqual([openId]);
		expect((await box('masuk', 'replicator')).total).toBe(0);
		expect((await box('hub', 'coordinator')).items.map((i: { id: string }) => i.id)).toEqual([openId]);
		expect((await box('semua', 'curator')).total).toBe(3);
	});

	it('refuses an inbox without a session (401) or one the role does not have (403), and invalid filters (400)', async () => {
		expect(await get(listRoute.GET, '/api/v1/replications?kotak=masuk')).toMatchObject({
			status: 401,
			body: { error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' } }
		});
		expect(await get(listRoute.GET, '/api/v1/replications?kotak=semua', 'outsider')).toMatchObject({
			status: 403,
			body: { error: { code: 'FORBIDDEN', message: 'Kotak replikasi ini tidak tersedia untuk peran Anda.' } }
		});
		expect((await get(listRoute.GET, '/api/v1/replications?kotak=hub', 'admin')).status).toBe(403);
		const invalid = [
			['jenis=semua', 'Jenis replikasi harus penuh, sebagian atau perluasan'],
			['tahap=jalan', 'Tahap replikasi tidak dikenal'],
			['kotak=diterima', 'Kotak harus masuk, keluar, hub atau semua'],
			['inovasi=123', 'Id inovasi harus berbentuk inv- diikuti 10 huruf/angka, mis. inv-7k2m9q4x1b'],
			['limit=500', 'limit maksimal 100']
		] as const;
		for (const [query, message] of invalid) {
			const res = await get(listRoute.GET, `/api/v1/replications?${query}`);
			expect([res.status, res.body.error.code, res.body.error.message], query).toEqual([400, 'VALIDATION_FAILED', message]);
		}
	});

	it('answers with exactly the fields of its response schema', async () => {
		const res = await get(listRoute.GET, '/api/v1/replications', 'admin');
		expect(ReplicationPage.parse(res.body)).toStrictEqual(res.body);
	});
});

describe('GET /api/v1/replications/{id}', () => {
	const one = (id: string, who?: keyof typeof people) => get(oneRoute.GET, `/api/v1/replications/${id}`, who, { id });

	it('shows the public a completed replication without any private field', async () => {
		for (const who of [undefined, 'outsider'] as const) {
			const res = await one(completedId, who);
			expect(res.status).toBe(200);
			expect(res.body).toMatchObject({ id: completedId, access: 'public', state: 'selesai', certificateNumber: '001/SRT-REP/JIPPNAS/2025' });
			expect(Object.keys(res.body).sort()).toEqual(PUBLIC_KEYS);
		}
	});

	it('answers 404 with the same body for a private replication and for one that does not exist', async () => {
		for (const [id, who] of [
			[openId, undefined],
			[openId, 'outsider'],
			[foreignId, 'coordinator'],
			[foreignId, 'replicator'],
			['rep-0000000000', 'admin']
		] as const) {
			const res = await one(id, who);
			expect([res.status, res.body], `${id} ${who}`).toEqual([404, NOT_FOUND]);
		}
	});

	it('refuses an id of the wrong shape (400)', async () => {
		const res = await one('123');
		expect([res.status, res.body.error.message]).toEqual([400, 'Id replikasi harus berbentuk rep- diikuti 10 huruf/angka, mis. rep-7k2m9q4x1b']);
	});

	it('gives the parties, the facilitator, admins and curators the full detail with download addresses', async () => {
		for (const who of ['replicator', 'originator', 'coordinator', 'admin', 'curator'] as const) {
			const res = await one(openId, who);
			expect(res.status, who).toBe(200);
			expect(res.headers.get('cache-control')).toBe('private, no-store');
			expect(res.body).toMatchObject({ id: openId, access: 'private', state: 'minat', version: 1, interestScope: interest.interestScope });
		}
		const res = await one(openId, 'replicator');
		expect(res.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['file', 'message']));
		expect(res.body.messages).toEqual([expect.objectContaining({ body: 'Surat minat sudah kami unggah.', author: { id: people.replicator.id, name: 'Rina Replikator' } })]);
		expect(res.body.documents).toEqual([
			expect.objectContaining({ kind: 'surat_minat', downloadUrl: `/replikasi/${openId}/berkas/${res.body.documents[0].id}` })
		]);
		expect(res.body.agreement).toMatchObject({ number: null, pdfUrl: null });
		expect(res.body.viewer).toMatchObject({ parts: ['replikator'], allowedActions: expect.arrayContaining(['cancel', 'postMessage']) });
		expect(Replication.parse(res.body)).toStrictEqual(res.body);
		// What the route sends is exactly what the presenter made of the service's view.
		expect(Replication.parse(presentReplication(await getReplication(db, people.replicator.actor, openId)))).toStrictEqual(
			presentReplication(await getReplication(db, people.replicator.actor, openId))
		);
	});
});

describe('POST /api/v1/replications (file an interest)', () => {
	it('needs a session and its CSRF header: 403 through the hooks, 401 at the endpoint itself', async () => {
		expect(await post(listRoute.POST, '/api/v1/replications', null, { innovationId, ...interest })).toMatchObject({
			status: 403,
			body: CSRF_REFUSED,
			reached: false
		});
		const direct = await callEndpoint(listRoute.POST, '/api/v1/replications', { db: database, method: 'POST' });
		expect([direct.status, direct.body]).toEqual([401, { error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' } }]);
	});

	it('refuses invalid input with the form messages', async () => {
		const short = await post(listRoute.POST, '/api/v1/replications', 'outsider', { innovationId, kind: 'penuh', interestScope: 'Semua.', interestReason: interest.interestReason });
		expect([short.status, short.body.error]).toEqual([
			400,
			{
				code: 'VALIDATION_FAILED',
				message: 'Cakupan yang ingin direplikasi minimal 20 karakter.',
				details: [{ path: 'interestScope', message: 'Cakupan yang ingin direplikasi minimal 20 karakter.' }]
			}
		]);
		const kind = await post(listRoute.POST, '/api/v1/replications', 'outsider', { ...interest, innovationId, kind: 'semua' });
		expect(kind.body.error.message).toBe('Jenis replikasi tidak dikenal. Pilih penuh, sebagian (adaptasi/modifikasi) atau perluasan.');
		const notObject = await post(listRoute.POST, '/api/v1/replications', 'outsider', [1, 2]);
		expect([notObject.status, notObject.body.error.message]).toEqual([400, 'Isi permintaan harus berupa objek JSON.']);
		const form = await callThroughHooks(listRoute.POST, {
			db: database,
			path: '/api/v1/replications',
			cookie: sessions.outsider.cookie,
			form: { csrf: sessions.outsider.csrf, innovationId }
		});
		expect([form.status, form.body.error.message]).toEqual([400, 'Isi permintaan harus berupa JSON (Content-Type: application/json).']);
		const own = await post(listRoute.POST, '/api/v1/replications', 'originator', { innovationId, ...interest });
		expect([own.status, own.body.error.code]).toEqual([409, 'REPLICATION_OWN_INNOVATION']);
		const again = await post(listRoute.POST, '/api/v1/replications', 'replicator', { innovationId, ...interest });
		expect([again.status, again.body.error.code]).toEqual([409, 'REPLICATION_ALREADY_OPEN']);
		const missing = await post(listRoute.POST, '/api/v1/replications', 'outsider', { ...interest, innovationId: 'inv-0000000000' });
		expect([missing.status, missing.body.error.code]).toEqual([404, 'INNOVATION_NOT_FOUND']);
	});

	it('files it: 201 with the new state, version and address', async () => {
		const res = await post(listRoute.POST, '/api/v1/replications', 'outsider', { innovationId, ...interest, kind: 'perluasan' });
		expect(res.status).toBe(201);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		expect(res.body).toEqual({ id: expect.stringMatching(/^rep-/), state: 'minat', version: 1, eventId: expect.any(Number), url: `/api/v1/replications/${res.body.id}` });
		const row = await db.selectFrom('replications').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ replicator_agency_id: THIRD, originator_agency_id: ORIGINATOR, kind: 'perluasan', created_by: people.outsider.id });
		// Cancelled again, so the other tests see the replications they expect.
		expect((await act(res.body.id, 'cancel', 'outsider', { version: 1, reason: 'Diajukan untuk uji.' })).body.state).toBe('dibatalkan');
	});

	it('answers another method with 405 naming GET and POST', async () => {
		const res = await callEndpoint(listRoute.fallback, '/api/v1/replications', { db: database, method: 'DELETE' });
		expect([res.status, res.headers.get('allow')]).toEqual([405, 'GET, POST']);
	});
});

describe('POST /api/v1/replications/{id}/actions/{action}', () => {
	it('needs a session and its CSRF header', async () => {
		expect(await act(openId, 'verify', null, { version: 1 })).toMatchObject({ status: 403, body: CSRF_REFUSED, reached: false });
		const forged = await post(actionRoute.POST, `/api/v1/replications/${openId}/actions/verify`, 'coordinator', { version: 1 }, { id: openId, action: 'verify' }, 'palsu'.padEnd(43, 'x'));
		expect([forged.status, forged.body, forged.reached]).toEqual([403, CSRF_REFUSED, false]);
		const direct = await callEndpoint(actionRoute.POST, `/api/v1/replications/${openId}/actions/verify`, {
			db: database,
			method: 'POST',
			params: { id: openId, action: 'verify' }
		});
		expect(direct.status).toBe(401);
	});

	it('answers 404 to those who may not see the replication, whatever the step', async () => {
		for (const action of ['verify', 'accept', 'decline', 'cancel', 'complete'] as const) {
			const res = await act(openId, action, 'outsider', { version: 1, reason: 'Alasan yang cukup panjang.' });
			expect([res.status, res.body], action).toEqual([404, NOT_FOUND]);
		}
		expect((await act('rep-0000000000', 'verify', 'admin', { version: 1 })).body).toEqual(NOT_FOUND);
		// Nothing changed.
		expect((await db.selectFrom('replications').select('version').where('id', '=', openId).executeTakeFirstOrThrow()).version).toBe(1);
	});

	it('refuses invalid input: an unknown step, a missing field, a stale version, a part not allowed', async () => {
		const unknown = await act(openId, 'approve', 'coordinator', { version: 1 });
		expect([unknown.status, unknown.body.error.message]).toEqual([
			400,
			'Langkah tidak dikenal. Pilih salah satu: verify, accept, decline, draft-agreement, confirm-agreement, submit-plan, start-implementation, file-report, complete, stop, cancel'
		]);
		const noVersion = await act(openId, 'verify', 'coordinator', {});
		expect(noVersion.body.error.message).toBe('Versi formulir wajib dikirim.');
		const noReason = await act(openId, 'decline', 'originator', { version: 1 });
		expect([noReason.status, noReason.body.error.message]).toEqual([400, 'Alasan penolakan wajib diisi.']);
		const badType = await act(openId, 'decline', 'originator', { version: 1, reason: 42 });
		expect(badType.body.error.message).toBe('Alasan harus berupa teks.');
		const stale = await act(openId, 'verify', 'coordinator', { version: 7 });
		expect([stale.status, stale.body.error.code]).toEqual([409, 'STALE_VERSION']);
		const part = await act(openId, 'verify', 'replicator', { version: 1 });
		expect([part.status, part.body.error]).toEqual([403, { code: 'REPLICATION_PART_NOT_ALLOWED', message: 'Peran Anda dalam replikasi ini tidak mencakup langkah ini.' }]);
	});

	it('runs the whole path from minat to selesai, each step by its part', async () => {
		const year = yearInIndonesia(new Date());
		let version = 1;
		const step = async (action: string, who: keyof typeof people, body: Record<string, unknown> = {}) => {
			const res = await act(openId, action, who, { version, ...body });
			expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
			expect(res.headers.get('cache-control')).toBe('private, no-store');
			version = res.body.version;
			return res.body;
		};
		expect(await step('verify', 'coordinator', { note: 'Sudah dicek.' })).toMatchObject({ state: 'minat', version: 2, url: `/api/v1/replications/${openId}` });
		expect(await step('accept', 'originator')).toMatchObject({ state: 'diverifikasi' });
		expect(
			await step('draft-agreement', 'originator', {
				dutiesOriginator: 'Mendampingi penerapan dan membagikan SOP serta kode aplikasi.',
				dutiesReplicator: 'Menerapkan inovasi, menyediakan anggaran, dan melaporkan hasilnya.',
				validFrom: '2025-01-01',
				validUntil: '2026-12-31'
			})
		).toMatchObject({ state: 'kesepakatan', agreementNumber: `001/KS-REP/JIPPNAS/${year}` });
		await step('confirm-agreement', 'originator');
		await step('confirm-agreement', 'replicator');
		await createReplicationDocument(db, openId, 'kesepakatan_ditandatangani', people.replicator.id);
		expect(
			await step('submit-plan', 'replicator', {
				changes: 'Antrean daring diganti SMS karena sinyal data lemah di desa.',
				team: 'Bagian Organisasi',
				budgetRupiah: 150_000_000,
				targetDate: '2025-09-30'
			})
		).toMatchObject({ state: 'persiapan' });
		await createReplicationDocument(db, openId, 'surat_komitmen', people.replicator.id);
		expect(await step('start-implementation', 'replicator', { startedOn: '2025-01-31' })).toMatchObject({ state: 'implementasi', nextReportDueOn: '2025-04-30' });
		expect(
			await step('file-report', 'replicator', {
				periodStart: '2025-02-01',
				periodEnd: '2025-04-30',
				outcomes: 'Waktu tempuh warga turun dari tiga jam menjadi tiga puluh menit.',
				lessons: 'Pendampingan operator desa pada bulan pertama menentukan keberhasilan.'
			})
		).toMatchObject({ state: 'pemantauan', reportId: expect.any(Number) });
		expect(await step('complete', 'coordinator')).toMatchObject({ state: 'selesai', certificateNumber: `001/SRT-REP/JIPPNAS/${year}`, replicationCount: 2 });

		// Now the public sees it, as a summary.
		const seen = await get(oneRoute.GET, `/api/v1/replications/${openId}`, undefined, { id: openId });
		expect(seen.body).toMatchObject({ access: 'public', state: 'selesai', certificateUrl: `/replikasi/${openId}/sertifikat.pdf` });
		expect(Object.keys(seen.body).sort()).toEqual(PUBLIC_KEYS);
		// A completed replication: anyone may see it, but only its parts act (and strangers are told so).
		const outsider = await act(openId, 'stop', 'outsider', { version, reason: 'Tidak berhak.' });
		expect([outsider.status, outsider.body.error.code]).toEqual([403, 'REPLICATION_PART_NOT_ALLOWED']);
	});
});

describe('POST /api/v1/replications/{id}/messages', () => {
	const say = (id: string, who: keyof typeof people | null, json: unknown) =>
		post(messageRoute.POST, `/api/v1/replications/${id}/messages`, who, json, { id });

	it('needs a session and its CSRF header', async () => {
		expect(await say(foreignId, null, { body: 'Halo.' })).toMatchObject({ status: 403, body: CSRF_REFUSED, reached: false });
		const direct = await callEndpoint(messageRoute.POST, `/api/v1/replications/${foreignId}/messages`, {
			db: database,
			method: 'POST',
			params: { id: foreignId }
		});
		expect(direct.status).toBe(401);
	});

	it('answers 404 to outsiders and refuses an empty message or a curator', async () => {
		for (const who of ['outsider', 'replicator', 'coordinator'] as const) {
			expect((await say(foreignId, who, { body: 'Halo.' })).body, who).toEqual(NOT_FOUND);
		}
		const empty = await say(foreignId, 'admin', { body: '   ' });
		expect([empty.status, empty.body.error.message]).toEqual([400, 'Pesan wajib diisi.']);
		const curator = await say(foreignId, 'curator', { body: 'Halo.' });
		expect([curator.status, curator.body.error.code]).toEqual([403, 'REPLICATION_PART_NOT_ALLOWED']);
		expect(await db.selectFrom('replication_messages').select('id').where('replication_id', '=', foreignId).execute()).toEqual([]);
	});

	it('posts it: 201, then it is in the thread', async () => {
		const res = await say(foreignId, 'admin', { body: 'Mohon lengkapi rencana adaptasi.' });
		expect(res.status).toBe(201);
		expect(res.body).toEqual({ id: expect.any(Number), replicationId: foreignId, createdAt: expect.any(String) });
		const detail = await get(oneRoute.GET, `/api/v1/replications/${foreignId}`, 'curator', { id: foreignId });
		expect(detail.body.messages.map((m: { body: string }) => m.body)).toEqual(['Mohon lengkapi rencana adaptasi.']);
	});
});
