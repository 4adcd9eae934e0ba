import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Kysely } from 'kysely';
import { provideAppDatabase } from '../../src/lib/server/app-database';
import { loadConfig } from '../../src/lib/server/config/env';
import type { DB } from '../../src/lib/server/db/schema';
import { REPLICATION_API_ACTIONS } from '../../src/lib/server/api/parameters';
import { fileStoreSettings } from '../../src/lib/server/storage/file-store';
import { acceptReplication } from '../../src/lib/server/services/accept-replication';
import { completeReplication } from '../../src/lib/server/services/complete-replication';
import { confirmReplicationAgreement } from '../../src/lib/server/services/confirm-replication-agreement';
import { draftReplicationAgreement } from '../../src/lib/server/services/draft-replication-agreement';
import { fileMonitoringReport } from '../../src/lib/server/services/file-monitoring-report';
import { fileReplicationInterest } from '../../src/lib/server/services/file-replication-interest';
import { postReplicationMessage } from '../../src/lib/server/services/post-replication-message';
import { startReplicationImplementation } from '../../src/lib/server/services/start-replication-implementation';
import { submitAdaptationPlan } from '../../src/lib/server/services/submit-adaptation-plan';
import { uploadReplicationDocument } from '../../src/lib/server/services/upload-replication-document';
import { verifyReplication } from '../../src/lib/server/services/verify-replication';
import * as agencyApi from '../../src/routes/api/v1/agencies/[id]/+server';
import * as innovationApi from '../../src/routes/api/v1/innovations/[id]/+server';
import * as listApi from '../../src/routes/api/v1/replications/+server';
import * as oneApi from '../../src/routes/api/v1/replications/[id]/+server';
import * as actionApi from '../../src/routes/api/v1/replications/[id]/actions/[action]/+server';
import * as messageApi from '../../src/routes/api/v1/replications/[id]/messages/+server';
import * as homePage from '../../src/routes/+page.server';
import * as innovationPage from '../../src/routes/inovasi/[id]/+page.server';
import * as agencyPage from '../../src/routes/instansi/[id]/+page.server';
import * as notificationsPage from '../../src/routes/notifikasi/+page.server';
import * as inboxPage from '../../src/routes/replikasi/+page.server';
import * as filePage from '../../src/routes/replikasi/ajukan/+page.server';
import * as detailPage from '../../src/routes/replikasi/[id]/+page.server';
import * as documentRoute from '../../src/routes/replikasi/[id]/berkas/[documentId]/+server';
import * as agreementRoute from '../../src/routes/replikasi/[id]/kesepakatan.pdf/+server';
import * as certificateRoute from '../../src/routes/replikasi/[id]/sertifikat.pdf/+server';
import { callThroughHooks } from '../support/call-through-hooks';
import { createHub, createInnovation } from '../support/factories';
import { authenticatedEvent, outcome } from '../support/request-event';
import { createUser, signIn, type TestSession, type TestUser } from '../support/sessions';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Cross-agency isolation. Agency B is a pair of agencies replicating with each other: Kota
 * Surabaya (pemkot-35.78) gives its innovations, Kabupaten Manggarai (pemkab-53.10, in the NTT
 * hub) replicates them. Agency A is Kabupaten Ngada (pemkab-53.09, in another hub): its
 * operator, and its hub's coordinator, take part in none of B's replications. Through every
 * replication route and API endpoint they must neither read B's private data (404, as if it did
 * not exist) nor change anything (the database is compared before and after). Controls show the
 * same requests succeed for B's own people, so a refusal is never an accident of the set-up.
 */

const filesDir = mkdtempSync(path.join(tmpdir(), 'jippnas-isolasi-'));
vi.stubEnv('BASE_URL', '');
vi.stubEnv('PAGE_CACHE_SECONDS', '0');
vi.stubEnv('FILES_DIR', filesDir);

const B_ORIGINATOR = 'pemkot-35.78';
const B_REPLICATOR = 'pemkab-53.10';
const A = 'pemkab-53.09';
/** Written into every private field of B's replications: it must never reach A. */
const SECRET = 'RAHASIA-B';
const NOT_FOUND_BODY = { error: { code: 'REPLICATION_NOT_FOUND', message: 'Replikasi tidak ditemukan.' } };
const CSRF_MESSAGE =
	'Formulir ditolak: token keamanan tidak ada atau tidak cocok (mungkin halaman sudah terlalu lama dibuka). Muat ulang halaman, lalu kirim lagi.';
const PDF_BYTES = new TextEncoder().encode(`%PDF-1.4\n% ${SECRET}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

let database: TestDatabase;
let db: Kysely<DB>;
let bReplicator: TestUser;
let bOriginator: TestUser;
let bCoordinator: TestUser;
let operatorA: TestUser;
let coordinatorA: TestUser;
const sessions = new Map<string, TestSession>();

/** B's replications by state: three private ones in progress and a completed (public) one. */
const r = { minat: '', kesepakatan: '', pemantauan: '', selesai: '' };
const innovations = { minat: '', kesepakatan: '', pemantauan: '', selesai: '' };
/** B's documents (on disk) and a notification of B's. */
const documents: Array<{ replicationId: string; id: string }> = [];
let bNotificationId = '';

const privateIds = () => [r.minat, r.kesepakatan, r.pemantauan];
const outsiders = () => [
	['operator of A', operatorA],
	['coordinator of A’s hub', coordinatorA]
] as const;

const store = () => ({ store: fileStoreSettings(loadConfig()) });

const interest = (n: string) => ({
	kind: 'sebagian',
	interestScope: `${SECRET} cakupan ${n}: alur layanan jemput bola dan aplikasinya.`,
	interestReason: `${SECRET} alasan ${n}: desa kami jauh dari kantor pelayanan.`
});

/** What A could have changed: every row of B's replications and what hangs off them. */
async function snapshot() {
	const ids = Object.values(r);
	const [replications, events, docs, messages, reports, notifications, all] = await Promise.all([
		db.selectFrom('replications').selectAll().where('id', 'in', ids).orderBy('id').execute(),
		db.selectFrom('replication_events').select(['id', 'kind']).where('replication_id', 'in', ids).orderBy('id').execute(),
		db.selectFrom('replication_documents').select(['id', 'removed_at']).where('replication_id', 'in', ids).orderBy('id').execute(),
		db.selectFrom('replication_messages').select(['id', 'body']).where('replication_id', 'in', ids).orderBy('id').execute(),
		db.selectFrom('replication_reports').select(['id']).where('replication_id', 'in', ids).orderBy('id').execute(),
		db.selectFrom('notifications').select(['id', 'read_at']).orderBy('id').execute(),
		db.selectFrom('replications').select('id').orderBy('id').execute()
	]);
	return { replications, events, docs, messages, reports, notifications, all };
}

/** Runs a page load, form action or page endpoint as the signed-in user (locals.actor from the session cookie). */
async function asUser(
	user: TestUser | null,
	handler: unknown,
	target: string,
	options: { params?: Record<string, string>; form?: Record<string, string>; file?: { field: string; bytes: Uint8Array; name: string } } = {}
) {
	const built = await authenticatedEvent({
		db: database,
		path: target,
		cookie: user ? sessions.get(user.id)!.cookie : undefined,
		params: options.params,
		form: options.form
	});
	if (options.file) {
		const body = new FormData();
		for (const [k, v] of Object.entries(options.form ?? {})) body.append(k, v);
		body.append(options.file.field, new File([options.file.bytes as BlobPart], options.file.name, { type: 'application/pdf' }));
		(built.event as { request: Request }).request = new Request(built.event.url, { method: 'POST', body });
	}
	return outcome(() => (handler as (event: unknown) => unknown)(built.event));
}

const api = (user: TestUser | null, handler: unknown, target: string, options: { params?: Record<string, string>; json?: unknown } = {}) =>
	callThroughHooks(handler as never, {
		db: database,
		path: target,
		params: options.params,
		json: options.json,
		cookie: user ? sessions.get(user.id)!.cookie : undefined,
		csrf: user && options.json !== undefined ? sessions.get(user.id)!.csrf : undefined
	});

const versionOf = async (id: string) =>
	(await db.selectFrom('replications').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

/** Every body field any step takes, valid enough to reach the access check. */
async function everyField(id: string): Promise<Record<string, string>> {
	return {
		version: String(await versionOf(id)),
		note: 'Catatan.',
		reason: 'Alasan yang cukup panjang.',
		dutiesOriginator: 'Mendampingi penerapan dan membagikan SOP.',
		dutiesReplicator: 'Menerapkan inovasi dan melaporkan hasilnya.',
		validFrom: '2025-01-01',
		validUntil: '2026-12-31',
		side: 'pertama',
		changes: 'Antrean daring diganti SMS karena sinyal lemah.',
		team: 'Bagian Organisasi',
		budgetRupiah: '1000000',
		targetDate: '2025-09-30',
		startedOn: '2025-02-01',
		periodStart: '2025-02-01',
		periodEnd: '2025-04-30',
		outcomes: 'Waktu tempuh warga turun drastis di dua belas desa.',
		lessons: 'Pendampingan operator desa pada bulan pertama menentukan.',
		kind: 'lainnya',
		documentId: documents.find((d) => d.replicationId === id)?.id ?? 'dok-tidakada00000',
		body: 'Pesan dari luar.',
		id: 'ini-diabaikan'
	};
}

beforeAll(async () => {
	database = await createTestDatabase();
	provideAppDatabase(database);
	db = database.db;
	const hubB = await createHub(db, { name: 'Hub Inovasi NTT', members: [B_REPLICATOR] });
	const hubA = await createHub(db, { name: 'Hub Inovasi Flores Barat', coordinatorAgencyId: 'pemprov-53', members: [A] });
	bReplicator = await createUser(db, { role: 'operator', agencyId: B_REPLICATOR, name: 'Rina Replikator' });
	bOriginator = await createUser(db, { role: 'operator', agencyId: B_ORIGINATOR, name: 'Ilham Inovator' });
	bCoordinator = await createUser(db, { role: 'koordinator_hub', hubId: hubB.id, name: 'Fajar Fasilitator' });
	operatorA = await createUser(db, { role: 'operator', agencyId: A, name: 'Agus Ngada' });
	coordinatorA = await createUser(db, { role: 'koordinator_hub', hubId: hubA.id, name: 'Kornelis Hub Lain' });
	for (const user of [bReplicator, bOriginator, bCoordinator, operatorA, coordinatorA]) sessions.set(user.id, await signIn(db, user));

	for (const key of Object.keys(innovations) as Array<keyof typeof innovations>) {
		innovations[key] = (await createInnovation(db, { agency_id: B_ORIGINATOR, title: `Inovasi Surabaya ${key}` })).id;
		r[key] = (await fileReplicationInterest(db, bReplicator.actor, { innovationId: innovations[key], ...interest(key) })).id;
		const doc = await uploadReplicationDocument(
			db,
			bReplicator.actor,
			{ replicationId: r[key], kind: 'surat_minat', fileName: `${SECRET}-surat-minat.pdf`, bytes: PDF_BYTES },
			store()
		);
		documents.push({ replicationId: r[key], id: doc.id });
		await postReplicationMessage(db, bOriginator.actor, r[key], { body: `${SECRET}: pesan antarpihak ${key}.` });
	}
	// minat stays; the others go on.
	for (const key of ['kesepakatan', 'pemantauan', 'selesai'] as const) {
		const id = r[key];
		let v = await versionOf(id);
		v = (await verifyReplication(db, bCoordinator.actor, { id, version: v })).version;
		v = (await acceptReplication(db, bOriginator.actor, { id, version: v })).version;
		v = (
			await draftReplicationAgreement(db, bOriginator.actor, {
				id,
				version: v,
				dutiesOriginator: `${SECRET} kewajiban pertama yang panjang.`,
				dutiesReplicator: `${SECRET} kewajiban kedua yang panjang.`,
				validFrom: '2025-01-01',
				validUntil: '2026-12-31'
			})
		).version;
		if (key === 'kesepakatan') continue;
		v = (await confirmReplicationAgreement(db, bOriginator.actor, { id, version: v })).version;
		v = (await confirmReplicationAgreement(db, bReplicator.actor, { id, version: v })).version;
		await uploadReplicationDocument(db, bReplicator.actor, { replicationId: id, kind: 'kesepakatan_ditandatangani', fileName: 'ttd.pdf', bytes: PDF_BYTES }, store());
		v = (
			await submitAdaptationPlan(db, bReplicator.actor, {
				id,
				version: v,
				changes: `${SECRET} penyesuaian dengan kondisi daerah kami.`,
				team: 'Tim rahasia',
				budgetRupiah: 5_000_000,
				targetDate: '2025-09-30'
			})
		).version;
		await uploadReplicationDocument(db, bReplicator.actor, { replicationId: id, kind: 'surat_komitmen', fileName: 'komitmen.pdf', bytes: PDF_BYTES }, store());
		v = (await startReplicationImplementation(db, bReplicator.actor, { id, version: v, startedOn: '2025-01-31' })).version;
		v = (
			await fileMonitoringReport(db, bReplicator.actor, {
				id,
				version: v,
				periodStart: '2025-02-01',
				periodEnd: '2025-04-30',
				outcomes: `${SECRET} hasil replikasi di dua belas desa.`,
				lessons: `${SECRET} pelajaran dari pendampingan desa.`
			})
		).version;
		if (key === 'pemantauan') continue;
		await completeReplication(db, bCoordinator.actor, { id, version: v });
	}
	bNotificationId = String(
		(await db.selectFrom('notifications').select('id').where('user_id', '=', bReplicator.id).orderBy('id').executeTakeFirstOrThrow()).id
	);
}, 180_000);

afterAll(async () => {
	await database?.dispose();
	rmSync(filesDir, { recursive: true, force: true });
	vi.unstubAllEnvs();
});

/** Nothing of B's private data in what A was given. */
function expectNoSecrets(value: unknown, where: string) {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	expect(text, where).not.toContain(SECRET);
	for (const id of privateIds()) expect(text, `${where}: ${id}`).not.toContain(id);
}

/** Every route file of the replication pages and API; a new one must be added to the checks below. */
const COVERED_ROUTES = [
	'src/routes/api/v1/replications/+server.ts',
	'src/routes/api/v1/replications/[id]/+server.ts',
	'src/routes/api/v1/replications/[id]/actions/[action]/+server.ts',
	'src/routes/api/v1/replications/[id]/messages/+server.ts',
	'src/routes/notifikasi/+page.server.ts',
	'src/routes/replikasi/+page.server.ts',
	'src/routes/replikasi/[id]/+page.server.ts',
	'src/routes/replikasi/[id]/berkas/[documentId]/+server.ts',
	'src/routes/replikasi/[id]/kesepakatan.pdf/+server.ts',
	'src/routes/replikasi/[id]/sertifikat.pdf/+server.ts',
	'src/routes/replikasi/ajukan/+page.server.ts'
];

function serverRouteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = `${dir}/${entry.name}`;
		if (entry.isDirectory()) return serverRouteFiles(full);
		return /^\+(page\.server|server|layout\.server)\.ts$/.test(entry.name) ? [full] : [];
	});
}

it('covers every server route of the replication pages, notifications and API', () => {
	const root = path.resolve(import.meta.dirname, '../..');
	const found = ['src/routes/replikasi', 'src/routes/notifikasi', 'src/routes/api/v1/replications'].flatMap((dir) =>
		serverRouteFiles(path.join(root, dir)).map((file) => path.relative(root, file))
	);
	expect(found.sort()).toEqual([...COVERED_ROUTES].sort());
});

describe('the JSON API', () => {
	it('GET /api/v1/replications: B’s private replications are in no list or inbox of A', async () => {
		for (const [who, user] of outsiders()) {
			const all = await api(user, listApi.GET, '/api/v1/replications?limit=100');
			expect(all.status, who).toBe(200);
			expect(all.body.items.map((i: { id: string; access: string }) => [i.id, i.access]), who).toEqual([[r.selesai, 'public']]);
			expectNoSecrets(all.body, who);
			for (const query of ['tahap=berjalan', `inovasi=${innovations.minat}`, `instansi=${B_ORIGINATOR}`, `instansi=${B_REPLICATOR}`, 'jenis=sebagian']) {
				const res = await api(user, listApi.GET, `/api/v1/replications?${query}`);
				expectNoSecrets(res.body, `${who} ${query}`);
			}
		}
		for (const box of ['masuk', 'keluar']) {
			const res = await api(operatorA, listApi.GET, `/api/v1/replications?kotak=${box}`);
			expect([res.status, res.body.total], box).toEqual([200, 0]);
		}
		expect((await api(coordinatorA, listApi.GET, '/api/v1/replications?kotak=hub')).body.total).toBe(0);
		for (const [user, box] of [
			[operatorA, 'hub'],
			[operatorA, 'semua'],
			[coordinatorA, 'masuk'],
			[coordinatorA, 'semua']
		] as const) {
			expect((await api(user, listApi.GET, `/api/v1/replications?kotak=${box}`)).status, box).toBe(403);
		}
		// Control: B's replicator sees them, privately.
		const own = await api(bReplicator, listApi.GET, '/api/v1/replications?kotak=keluar');
		expect(own.body.items.map((i: { id: string }) => i.id).sort()).toEqual(Object.values(r).sort());
	});

	it('GET /api/v1/replications/{id}: 404 for each private one, the public summary of the completed one', async () => {
		for (const [who, user] of outsiders()) {
			for (const id of privateIds()) {
				const res = await api(user, oneApi.GET, `/api/v1/replications/${id}`, { params: { id } });
				expect([res.status, res.body], `${who} ${id}`).toEqual([404, NOT_FOUND_BODY]);
			}
			const done = await api(user, oneApi.GET, `/api/v1/replications/${r.selesai}`, { params: { id: r.selesai } });
			expect(done.body.access, who).toBe('public');
			expectNoSecrets(done.body, who);
		}
		expect((await api(bOriginator, oneApi.GET, `/api/v1/replications/${r.minat}`, { params: { id: r.minat } })).body.access).toBe('private');
	});

	it('POST .../actions/{action}: every step on every private replication is 404 and changes nothing', async () => {
		const before = await snapshot();
		for (const [who, user] of outsiders()) {
			for (const id of privateIds()) {
				for (const action of REPLICATION_API_ACTIONS) {
					const json = { ...(await everyField(id)), version: await versionOf(id), budgetRupiah: 1_000_000 };
					const res = await api(user, actionApi.POST, `/api/v1/replications/${id}/actions/${action}`, { params: { id, action }, json });
					expect([res.status, res.body], `${who} ${action} ${id}`).toEqual([404, NOT_FOUND_BODY]);
				}
			}
			// On the completed one A may look, but takes no step.
			for (const action of REPLICATION_API_ACTIONS) {
				const res = await api(user, actionApi.POST, `/api/v1/replications/${r.selesai}/actions/${action}`, {
					params: { id: r.selesai, action },
					json: { ...(await everyField(r.selesai)), version: await versionOf(r.selesai), budgetRupiah: 1 }
				});
				expect([res.status, res.body.error.code], `${who} ${action}`).toEqual([403, 'REPLICATION_PART_NOT_ALLOWED']);
			}
		}
		expect(await snapshot()).toEqual(before);
	});

	it('POST .../messages: 404 on every one, the completed one too (its thread is private), nothing written', async () => {
		const before = await snapshot();
		for (const [who, user] of outsiders()) {
			for (const id of Object.values(r)) {
				const res = await api(user, messageApi.POST, `/api/v1/replications/${id}/messages`, { params: { id }, json: { body: 'Halo dari luar.' } });
				expect([res.status, res.body], `${who} ${id}`).toEqual([404, NOT_FOUND_BODY]);
			}
		}
		expect(await snapshot()).toEqual(before);
	});

	it('POST /api/v1/replications: A files only for itself, never in B’s name', async () => {
		const before = await snapshot();
		const res = await api(operatorA, listApi.POST, '/api/v1/replications', {
			json: { innovationId: innovations.minat, ...interest('dari A'), replicatorAgencyId: B_REPLICATOR }
		});
		expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
		expect(await snapshot()).toEqual(before);
	});

	it('the public innovation and agency endpoints show only completed replications', async () => {
		for (const id of Object.values(innovations)) {
			expectNoSecrets((await api(operatorA, innovationApi.GET, `/api/v1/innovations/${id}`, { params: { id } })).body, id);
		}
		for (const id of [B_ORIGINATOR, B_REPLICATOR]) {
			const res = await api(operatorA, agencyApi.GET, `/api/v1/agencies/${id}`, { params: { id } });
			expect(res.status).toBe(200);
			expectNoSecrets(res.body, id);
		}
	});
});

describe('the replication pages', () => {
	it('/replikasi/[id]: 404 for each private one, the public summary of the completed one', async () => {
		for (const [who, user] of outsiders()) {
			for (const id of privateIds()) {
				expect(await asUser(user, detailPage.load, `/replikasi/${id}`, { params: { id } }), `${who} ${id}`).toEqual({
					kind: 'error',
					status: 404,
					body: { code: 'REPLICATION_NOT_FOUND', message: 'Replikasi tidak ditemukan.' }
				});
			}
			const done = await asUser(user, detailPage.load, `/replikasi/${r.selesai}`, { params: { id: r.selesai } });
			expect(done.kind === 'value' && done.value.access).toBe('public');
			expect(done.kind === 'value' && 'replication' in done.value).toBe(false);
			expectNoSecrets(done, who);
		}
		const control = await asUser(bCoordinator, detailPage.load, `/replikasi/${r.minat}`, { params: { id: r.minat } });
		expect(control.kind === 'value' && control.value.access).toBe('private');
	});

	it('/replikasi/[id] form actions: every action on every private replication is refused as not found and changes nothing', async () => {
		const actions = Object.entries(detailPage.actions);
		expect(actions.length).toBeGreaterThanOrEqual(14);
		const before = await snapshot();
		for (const [who, user] of outsiders()) {
			for (const id of Object.values(r)) {
				for (const [name, action] of actions) {
					const target = `/replikasi/${id}?/${name}`;
					const result = await asUser(user, action, target, {
						params: { id },
						form: await everyField(id),
						file: { field: 'berkas', bytes: PDF_BYTES, name: 'dari-luar.pdf' }
					});
					const where = `${who} ${name} ${id}`;
					expect(result.kind, where).toBe('failure');
					if (result.kind !== 'failure') continue;
					const expected =
						name === 'hapusDokumen'
							? [404, 'Dokumen tidak ditemukan.']
							: id === r.selesai
								? [403, 'Peran Anda dalam replikasi ini tidak mencakup langkah ini.']
								: [404, 'Replikasi tidak ditemukan.'];
					// Messages and uploads on the completed one: it is not A's to write in either.
					if (id === r.selesai && (name === 'pesan' || name === 'unggah')) expected.splice(0, 2, 404, 'Replikasi tidak ditemukan.');
					expect([result.status, result.data.message], where).toEqual(expected);
				}
			}
		}
		expect(await snapshot()).toEqual(before);
	});

	it('/replikasi/[id]/berkas/[documentId]: B’s documents are not served to A (and are to B)', async () => {
		for (const [who, user] of outsiders()) {
			for (const doc of documents) {
				const result = await asUser(user, documentRoute.GET, `/replikasi/${doc.replicationId}/berkas/${doc.id}`, {
					params: { id: doc.replicationId, documentId: doc.id }
				});
				expect(result, `${who} ${doc.id}`).toMatchObject({ kind: 'error', status: 404 });
				expectNoSecrets(result, who);
			}
		}
		const doc = documents[0]!;
		const control = await asUser(bOriginator, documentRoute.GET, `/replikasi/${doc.replicationId}/berkas/${doc.id}`, {
			params: { id: doc.replicationId, documentId: doc.id }
		});
		expect(control.kind === 'value' && (control.value as Response).status).toBe(200);
		// A document is not found under another replication's address either, even for a party.
		const crossed = await asUser(bOriginator, documentRoute.GET, `/replikasi/${r.kesepakatan}/berkas/${doc.id}`, {
			params: { id: r.kesepakatan, documentId: doc.id }
		});
		expect(crossed).toMatchObject({ kind: 'error', status: 404 });
	});

	it('/replikasi/[id]/kesepakatan.pdf: not for A; for the parties once drafted', async () => {
		for (const [who, user] of outsiders()) {
			for (const id of Object.values(r)) {
				const result = await asUser(user, agreementRoute.GET, `/replikasi/${id}/kesepakatan.pdf`, { params: { id } });
				expect(result, `${who} ${id}`).toMatchObject({ kind: 'error', status: 404 });
			}
		}
		const control = await asUser(bReplicator, agreementRoute.GET, `/replikasi/${r.kesepakatan}/kesepakatan.pdf`, { params: { id: r.kesepakatan } });
		expect(control.kind === 'value' && (control.value as Response).headers.get('content-type')).toBe('application/pdf');
	});

	it('/replikasi/[id]/sertifikat.pdf: nothing before completion for A (404) or the public; the certificate after', async () => {
		for (const user of [operatorA, coordinatorA, null]) {
			for (const id of privateIds()) {
				const result = await asUser(user, certificateRoute.GET, `/replikasi/${id}/sertifikat.pdf`, { params: { id } });
				expect(result, `${user?.name ?? 'publik'} ${id}`).toMatchObject({ kind: 'error', status: 404, body: { code: 'REPLICATION_NOT_FOUND' } });
			}
			const done = await asUser(user, certificateRoute.GET, `/replikasi/${r.selesai}/sertifikat.pdf`, { params: { id: r.selesai } });
			expect(done.kind === 'value' && (done.value as Response).status).toBe(200);
		}
		// A party is told it is not there yet.
		const early = await asUser(bReplicator, certificateRoute.GET, `/replikasi/${r.pemantauan}/sertifikat.pdf`, { params: { id: r.pemantauan } });
		expect(early).toMatchObject({ kind: 'error', status: 409 });
	});

	it('/replikasi (inbox): none of B’s in A’s boxes; boxes of other roles refused', async () => {
		for (const [who, user] of outsiders()) {
			const inbox = await asUser(user, inboxPage.load, '/replikasi');
			expect(inbox.kind, who).toBe('value');
			expect(inbox.kind === 'value' && inbox.value.items).toEqual([]);
			expectNoSecrets(inbox, who);
			for (const box of ['masuk', 'keluar', 'hub', 'semua']) {
				const result = await asUser(user, inboxPage.load, `/replikasi?kotak=${box}`);
				if (result.kind === 'value') expect(result.value.items, `${who} ${box}`).toEqual([]);
				else expect(result, `${who} ${box}`).toMatchObject({ kind: 'error', status: 403 });
				expectNoSecrets(result, `${who} ${box}`);
			}
		}
	});

	it('/replikasi/ajukan: A files only for itself, never in B’s name', async () => {
		const load = await asUser(operatorA, filePage.load, `/replikasi/ajukan?inovasi=${innovations.minat}`);
		expect(load.kind === 'value' && load.value.filing).toMatchObject({ refusal: null, openReplicationId: null });
		expectNoSecrets(load, 'ajukan');
		const before = await snapshot();
		const result = await asUser(operatorA, filePage.actions.default, `/replikasi/ajukan?inovasi=${innovations.minat}`, {
			form: { innovationId: innovations.minat, ...interest('dari A'), replicatorAgencyId: B_REPLICATOR }
		});
		expect(result).toMatchObject({ kind: 'failure', status: 403, data: { message: 'Anda tidak berwenang melakukan tindakan ini.' } });
		expect(await snapshot()).toEqual(before);
	});

	it('/notifikasi: A sees none of B’s notifications and cannot mark them read', async () => {
		const page = await asUser(operatorA, notificationsPage.load, '/notifikasi');
		expect(page.kind === 'value' && page.value.total).toBe(0);
		const before = await snapshot();
		const result = await asUser(operatorA, notificationsPage.actions.baca, '/notifikasi?/baca', { form: { id: bNotificationId } });
		expect(result).toMatchObject({ kind: 'failure', status: 404 });
		expect(await snapshot()).toEqual(before);
	});

	it('innovation, agency and home pages show A only completed replications; A cannot edit B’s innovation', async () => {
		for (const [key, id] of Object.entries(innovations)) {
			const page = await asUser(operatorA, innovationPage.load, `/inovasi/${id}`, { params: { id } });
			expect(page.kind, key).toBe('value');
			if (page.kind !== 'value') continue;
			expect(page.value.replications.map((x: { replicationId: string }) => x.replicationId), key).toEqual(key === 'selesai' ? [r.selesai] : []);
			expectNoSecrets(page, key);
		}
		for (const id of [B_ORIGINATOR, B_REPLICATOR]) {
			const page = await asUser(operatorA, agencyPage.load, `/instansi/${id}`, { params: { id } });
			expect(page.kind).toBe('value');
			expectNoSecrets(page, id);
		}
		expectNoSecrets(await asUser(operatorA, homePage.load, '/'), 'beranda');
		// The only write on an innovation's page (split a source record) is for curators.
		const split = await asUser(operatorA, innovationPage.actions.pisahkan, `/inovasi/${innovations.minat}?/pisahkan`, {
			params: { id: innovations.minat },
			form: { sumber: 'panrb', rekaman: 'P-1' }
		});
		expect(split).toMatchObject({ kind: 'error', status: 403 });
	});
});

describe('CSRF', () => {
	const formAction = (token: string | undefined, user: TestUser) =>
		callThroughHooks(() => new Response('ok'), {
			db: database,
			path: `/replikasi/${r.minat}?/pesan`,
			cookie: sessions.get(user.id)!.cookie,
			form: { ...(token === undefined ? {} : { csrf: token }), body: 'Halo.' },
			headers: { accept: 'text/html' }
		});

	it('refuses a form action with a missing or forged token before it runs', async () => {
		for (const token of [undefined, 'palsu'.padEnd(43, 'x'), sessions.get(bOriginator.id)!.csrf]) {
			// B's replicator with no token, a forged one, or another person's token.
			const res = await formAction(token, bReplicator);
			expect([res.status, res.reached]).toEqual([403, false]);
			expect(res.body).toContain(CSRF_MESSAGE);
		}
		expect((await formAction(sessions.get(bReplicator.id)!.csrf, bReplicator)).reached).toBe(true);
	});

	it('refuses a JSON write with a missing or forged x-csrf-token header before it runs', async () => {
		const id = r.minat;
		const before = await snapshot();
		const write = (csrf: string | undefined) =>
			callThroughHooks(messageApi.POST, {
				db: database,
				path: `/api/v1/replications/${id}/messages`,
				params: { id },
				cookie: sessions.get(bReplicator.id)!.cookie,
				csrf,
				json: { body: 'Halo.' }
			});
		for (const csrf of [undefined, 'palsu'.padEnd(43, 'x'), sessions.get(bOriginator.id)!.csrf]) {
			const res = await write(csrf);
			expect([res.status, res.body, res.reached]).toEqual([403, { error: { code: 'CSRF_INVALID', message: CSRF_MESSAGE } }, false]);
		}
		expect(await snapshot()).toEqual(before);
		expect((await write(sessions.get(bReplicator.id)!.csrf)).status).toBe(201);
	});
});
