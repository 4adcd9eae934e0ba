import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema';
import { yearInIndonesia } from '../../src/lib/server/domain/replication/replication-numbers';
import { AppError } from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/policy';
import { acceptReplication } from '../../src/lib/server/services/accept-replication';
import { cancelReplication } from '../../src/lib/server/services/cancel-replication';
import { completeReplication } from '../../src/lib/server/services/complete-replication';
import { confirmReplicationAgreement } from '../../src/lib/server/services/confirm-replication-agreement';
import { declineReplication } from '../../src/lib/server/services/decline-replication';
import { draftReplicationAgreement } from '../../src/lib/server/services/draft-replication-agreement';
import { fileMonitoringReport } from '../../src/lib/server/services/file-monitoring-report';
import { fileReplicationInterest } from '../../src/lib/server/services/file-replication-interest';
import { getReplication } from '../../src/lib/server/services/get-replication';
import { listReplicationInbox } from '../../src/lib/server/services/list-replication-inbox';
import { startReplicationImplementation } from '../../src/lib/server/services/start-replication-implementation';
import { stopReplication } from '../../src/lib/server/services/stop-replication';
import { submitAdaptationPlan } from '../../src/lib/server/services/submit-adaptation-plan';
import { verifyReplication } from '../../src/lib/server/services/verify-replication';
import { createHub, createInnovation, createReplication, createReplicationDocument, type CreatedHub } from '../support/factories';
import { createUser, type TestUser } from '../support/sessions';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The replication workflow through its services: Kota Surabaya (pemkot-35.78) has an innovation;
 * Kabupaten Manggarai (pemkab-53.10, a spoke of the NTT hub) replicates it; Kabupaten Ngada
 * (pemkab-53.09) is a third agency that takes no part.
 */
const ORIGINATOR = 'pemkot-35.78';
const REPLICATOR = 'pemkab-53.10';
const THIRD = 'pemkab-53.09';

let database: TestDatabase;
let db: Kysely<DB>;
let hub: CreatedHub;
let otherHub: CreatedHub;
let replicator: TestUser;
let originator: TestUser;
let coordinator: TestUser;
let otherCoordinator: TestUser;
let admin: TestUser;
let curator: TestUser;
let outsider: TestUser;
let innovationId: string;

const year = yearInIndonesia(new Date());

const goodInterest = {
	kind: 'sebagian',
	interestScope: 'Alur layanan jemput bola dan aplikasi antreannya, tanpa modul pembayaran.',
	interestReason: 'Desa-desa kami jauh dari kantor pelayanan, persis seperti masalah yang diselesaikan inovasi ini.'
};
const agreement = {
	dutiesOriginator: 'Mendampingi penerapan dan membagikan SOP serta kode aplikasi.',
	dutiesReplicator: 'Menerapkan inovasi, menyediakan anggaran, dan melaporkan hasilnya tiap tiga bulan.',
	validFrom: '2025-01-01',
	validUntil: '2026-12-31'
};
const plan = {
	changes: 'Antrean daring diganti SMS karena sinyal data lemah di sebagian besar desa.',
	team: 'Bagian Organisasi dan Dinas Kominfo',
	budgetRupiah: 'Rp 150.000.000',
	targetDate: '2025-09-30'
};
const report = {
	periodStart: '2025-04-01',
	periodEnd: '2025-06-30',
	outcomes: 'Waktu tempuh warga turun dari tiga jam menjadi tiga puluh menit di dua belas desa.',
	lessons: 'Pendampingan operator desa pada bulan pertama menentukan keberhasilan penerapan.'
};

async function refusal(work: Promise<unknown>): Promise<{ code: string; message: string }> {
	const error = await work.then(
		() => null,
		(e: unknown) => e
	);
	expect(error, 'the step should have been refused').toBeInstanceOf(AppError);
	return { code: (error as AppError).code, message: (error as AppError).message };
}

async function rowOf(id: string) {
	return db.selectFrom('replications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function addDocument(id: string, kind: DB['replication_documents']['kind'], by: TestUser) {
	return createReplicationDocument(db, id, kind, by.id);
}

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	hub = await createHub(db, { name: 'Hub Inovasi NTT', members: [REPLICATOR] });
	otherHub = await createHub(db, { name: 'Hub Inovasi Jawa Timur', coordinatorAgencyId: 'pemprov-35', regionCode: '35', members: [ORIGINATOR] });
	replicator = await createUser(db, { role: 'operator', agencyId: REPLICATOR, name: 'Rina Replikator' });
	originator = await createUser(db, { role: 'operator', agencyId: ORIGINATOR, name: 'Ilham Inovator' });
	coordinator = await createUser(db, { role: 'koordinator_hub', hubId: hub.id, name: 'Fajar Fasilitator' });
	otherCoordinator = await createUser(db, { role: 'koordinator_hub', hubId: otherHub.id });
	admin = await createUser(db, { role: 'admin', name: 'Ani Admin' });
	curator = await createUser(db, { role: 'kurator' });
	outsider = await createUser(db, { role: 'operator', agencyId: THIRD });
	innovationId = (await createInnovation(db, { agency_id: ORIGINATOR, title: 'Jemput Bola Adminduk' })).id;
});
afterAll(async () => database?.dispose());

describe('the whole path: minat -> selesai', () => {
	it('runs every step with its guards, events, history and the innovation count', async () => {
		const filed = await fileReplicationInterest(db, replicator.actor, { innovationId, ...goodInterest });
		expect(filed).toMatchObject({ state: 'minat', version: 1 });
		const id = filed.id;
		expect(await rowOf(id)).toMatchObject({
			originator_agency_id: ORIGINATOR,
			replicator_agency_id: REPLICATOR,
			hub_id: hub.id,
			kind: 'sebagian',
			created_by: replicator.id
		});

		// The replicator cannot verify its own interest.
		expect(await refusal(verifyReplication(db, replicator.actor, { id, version: 1 }))).toEqual({
			code: 'REPLICATION_PART_NOT_ALLOWED',
			message: 'Peran Anda dalam replikasi ini tidak mencakup langkah ini.'
		});
		// Verified first: still minat until the originator accepts.
		let step = await verifyReplication(db, coordinator.actor, { id, version: '1', note: '' });
		expect(step).toMatchObject({ state: 'minat', version: 2 });
		expect(await refusal(verifyReplication(db, admin.actor, { id, version: 2 }))).toEqual({
			code: 'REPLICATION_ALREADY_VERIFIED',
			message: 'Minat replikasi ini sudah diverifikasi fasilitator.'
		});
		step = await acceptReplication(db, originator.actor, { id, version: 2, note: 'Kami siap mendampingi.' });
		expect(step).toMatchObject({ state: 'diverifikasi', version: 3 });

		const drafted = await draftReplicationAgreement(db, originator.actor, { id, version: 3, ...agreement });
		expect(drafted).toMatchObject({ state: 'kesepakatan', version: 4, agreementNumber: `001/KS-REP/JIPPNAS/${year}` });

		expect(await refusal(submitAdaptationPlan(db, replicator.actor, { id, version: 4, ...plan }))).toEqual({
			code: 'REPLICATION_AGREEMENT_NOT_CONFIRMED',
			message: 'Kesepakatan belum dikonfirmasi oleh kedua pihak (PIHAK PERTAMA dan PIHAK KEDUA).'
		});
		step = await confirmReplicationAgreement(db, originator.actor, { id, version: 4 });
		expect(await refusal(confirmReplicationAgreement(db, originator.actor, { id, version: step.version }))).toEqual({
			code: 'REPLICATION_AGREEMENT_ALREADY_CONFIRMED',
			message: 'Pihak ini sudah mengonfirmasi kesepakatan.'
		});
		step = await confirmReplicationAgreement(db, replicator.actor, { id, version: step.version });
		expect(step).toMatchObject({ state: 'kesepakatan', version: 6 });
		expect(await rowOf(id)).toMatchObject({ agreement_confirmed_by_originator: originator.id, agreement_confirmed_by_replicator: replicator.id });

		expect(await refusal(submitAdaptationPlan(db, replicator.actor, { id, version: 6, ...plan }))).toEqual({
			code: 'REPLICATION_SIGNED_AGREEMENT_MISSING',
			message: 'Unggah dahulu pindaian kesepakatan yang sudah ditandatangani kedua pihak.'
		});
		// A removed scan does not count.
		await createReplicationDocument(db, id, 'kesepakatan_ditandatangani', replicator.id, { removed: true });
		expect((await refusal(submitAdaptationPlan(db, replicator.actor, { id, version: 6, ...plan }))).code).toBe('REPLICATION_SIGNED_AGREEMENT_MISSING');
		await addDocument(id, 'kesepakatan_ditandatangani', originator);
		step = await submitAdaptationPlan(db, replicator.actor, { id, version: 6, ...plan });
		expect(step).toMatchObject({ state: 'persiapan', version: 7 });
		expect(await rowOf(id)).toMatchObject({ plan_budget_rupiah: 150_000_000, plan_target_date: '2025-09-30', plan_team: plan.team });

		expect(await refusal(startReplicationImplementation(db, replicator.actor, { id, version: 7, startedOn: '2025-01-31' }))).toEqual({
			code: 'REPLICATION_COMMITMENT_MISSING',
			message: 'Unggah dahulu surat komitmen pelaksanaan replikasi sebelum memulai implementasi.'
		});
		await addDocument(id, 'surat_komitmen', replicator);
		const started = await startReplicationImplementation(db, replicator.actor, { id, version: 7, startedOn: '2025-01-31' });
		expect(started).toMatchObject({ state: 'implementasi', version: 8, nextReportDueOn: '2025-04-30' });

		expect(await refusal(completeReplication(db, coordinator.actor, { id, version: 8 }))).toEqual({
			code: 'REPLICATION_STEP_NOT_ALLOWED',
			message: 'Langkah ini tidak dapat dilakukan pada tahap replikasi saat ini. Muat ulang halaman untuk melihat tahap terbaru.'
		});
		const filedReport = await fileMonitoringReport(db, replicator.actor, { id, version: 8, ...report });
		expect(filedReport).toMatchObject({ state: 'pemantauan', version: 9, nextReportDueOn: '2025-07-30' });
		expect(await db.selectFrom('replication_reports').selectAll().where('replication_id', '=', id).execute()).toEqual([
			expect.objectContaining({ id: filedReport.reportId, period_start: '2025-04-01', period_end: '2025-06-30', filed_by: replicator.id })
		]);

		const seqBefore = (await db.selectFrom('innovations').select('search_seq').where('id', '=', innovationId).executeTakeFirstOrThrow()).search_seq;
		const completed = await completeReplication(db, coordinator.actor, { id, version: 9, note: 'Diverifikasi di lapangan.' });
		expect(completed).toMatchObject({
			state: 'selesai',
			version: 10,
			certificateNumber: `001/SRT-REP/JIPPNAS/${year}`,
			replicationCount: 1
		});
		const innovation = await db.selectFrom('innovations').select(['replication_count', 'search_seq', 'version']).where('id', '=', innovationId).executeTakeFirstOrThrow();
		expect(innovation.replication_count).toBe(1);
		expect(Number(innovation.search_seq)).toBeGreaterThan(Number(seqBefore));
		// Not an edit of the innovation: forms open on it stay valid.
		expect(innovation.version).toBe(1);
		expect((await rowOf(id)).completed_at).not.toBeNull();

		// The others involved were told (in the app and by e-mail), never the actor.
		const notified = await db
			.selectFrom('notifications')
			.select(['user_id', 'kind'])
			.where('replication_id', '=', id)
			.where('kind', 'in', ['file', 'complete'])
			.orderBy('id')
			.execute();
		expect(notified.filter((n) => n.kind === 'file').map((n) => n.user_id).sort()).toEqual([originator.id, coordinator.id].sort());
		expect(notified.filter((n) => n.kind === 'complete').map((n) => n.user_id).sort()).toEqual([originator.id, replicator.id].sort());

		// The timeline: one event per step, with the part each actor played.
		const events = await db
			.selectFrom('replication_events')
			.select(['kind', 'from_state', 'to_state', 'actor', 'actor_part', 'note'])
			.where('replication_id', '=', id)
			.orderBy('id')
			.execute();
		expect(events.map((e) => [e.kind, e.from_state, e.to_state, e.actor_part])).toEqual([
			['file', null, 'minat', 'replikator'],
			['verify', 'minat', 'minat', 'fasilitator'],
			['accept', 'minat', 'diverifikasi', 'inovator'],
			['draftAgreement', 'diverifikasi', 'kesepakatan', 'inovator'],
			['confirmAgreement', 'kesepakatan', 'kesepakatan', 'inovator'],
			['confirmAgreement', 'kesepakatan', 'kesepakatan', 'replikator'],
			['submitPlan', 'kesepakatan', 'persiapan', 'replikator'],
			['startImplementation', 'persiapan', 'implementasi', 'replikator'],
			['fileReport', 'implementasi', 'pemantauan', 'replikator'],
			['complete', 'pemantauan', 'selesai', 'fasilitator']
		]);
		expect(events[2]).toMatchObject({ actor: originator.id, note: 'Kami siap mendampingi.' });

		// The history: created once, then one entry per version with what changed.
		const history = await db
			.selectFrom('change_history')
			.select(['version', 'action', 'actor', 'changes', 'snapshot'])
			.where('entity_type', '=', 'replication')
			.where('entity_id', '=', id)
			.orderBy('id')
			.execute();
		expect(history.map((h) => [h.version, h.action])).toEqual([
			[1, 'create'],
			...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((v) => [v, 'update'])
		]);
		expect(history[2]!.changes).toMatchObject({ state: { from: 'minat', to: 'diverifikasi' }, accepted_by: { from: null, to: originator.id } });
		expect(history[9]!.snapshot).toMatchObject({ state: 'selesai', certificate_number: `001/SRT-REP/JIPPNAS/${year}` });

		// Completed: the summary is public; the rest stays with the parties.
		const publicView = await getReplication(db, null, id);
		expect(publicView).toEqual({
			access: 'public',
			replication: {
				id,
				innovation: { id: innovationId, title: 'Jemput Bola Adminduk' },
				originator: { id: ORIGINATOR, name: expect.any(String) },
				replicator: { id: REPLICATOR, name: expect.any(String) },
				kind: 'sebagian',
				state: 'selesai',
				completedAt: expect.any(String),
				certificateNumber: `001/SRT-REP/JIPPNAS/${year}`
			}
		});
		expect((await getReplication(db, outsider.actor, id)).access).toBe('public');
		expect(await refusal(stopReplication(db, outsider.actor, { id, version: 10, reason: 'Coba-coba saja' }))).toMatchObject({
			code: 'REPLICATION_PART_NOT_ALLOWED'
		});

		const privateView = await getReplication(db, replicator.actor, id);
		if (privateView.access !== 'private') throw new Error('expected the private view');
		const detail = privateView.replication;
		expect(detail.hub).toEqual({ id: hub.id, name: 'Hub Inovasi NTT' });
		expect(detail.accepted).toEqual({ at: expect.any(String), by: { id: originator.id, name: 'Ilham Inovator' } });
		expect(detail.agreement).toMatchObject({
			number: `001/KS-REP/JIPPNAS/${year}`,
			validFrom: '2025-01-01',
			validUntil: '2026-12-31',
			confirmedByReplicator: { at: expect.any(String), by: { id: replicator.id, name: 'Rina Replikator' } }
		});
		expect(detail.plan).toEqual({ changes: plan.changes, team: plan.team, budgetRupiah: 150_000_000, targetDate: '2025-09-30' });
		expect(detail.reports).toHaveLength(1);
		expect(detail.documents.map((d) => d.kind)).toEqual(['kesepakatan_ditandatangani', 'surat_komitmen']);
		expect(detail.timeline).toHaveLength(10);
		expect(detail.timeline[9]).toMatchObject({ kind: 'complete', actor: { id: coordinator.id, name: 'Fajar Fasilitator' }, actorPart: 'fasilitator' });
		expect(detail.viewer).toEqual({ parts: ['replikator'], allowedActions: ['postMessage'], blockedActions: [], documentKinds: [] });
		expect(detail.version).toBe(10);
	});
});

describe('filing an interest', () => {
	it('refuses the originator\'s own innovation', async () => {
		expect(await refusal(fileReplicationInterest(db, originator.actor, { innovationId, ...goodInterest }))).toEqual({
			code: 'REPLICATION_OWN_INNOVATION',
			message: 'Instansi tidak dapat mereplikasi inovasinya sendiri. Pilih inovasi dari instansi lain.'
		});
	});

	it('refuses a second open replication of the same innovation by the same agency, and allows one after closing', async () => {
		const innovation = (await createInnovation(db, { agency_id: ORIGINATOR })).id;
		const first = await fileReplicationInterest(db, outsider.actor, { innovationId: innovation, ...goodInterest });
		expect(await refusal(fileReplicationInterest(db, outsider.actor, { innovationId: innovation, ...goodInterest }))).toEqual({
			code: 'REPLICATION_ALREADY_OPEN',
			message:
				'Instansi ini sudah memiliki replikasi yang sedang berjalan untuk inovasi yang sama. Lanjutkan replikasi tersebut.'
		});
		// Another agency may file for the same innovation.
		await fileReplicationInterest(db, replicator.actor, { innovationId: innovation, ...goodInterest });
		await cancelReplication(db, outsider.actor, { id: first.id, version: first.version, reason: 'Anggaran tahun ini tidak tersedia.' });
		expect((await fileReplicationInterest(db, outsider.actor, { innovationId: innovation, ...goodInterest })).state).toBe('minat');
	});

	it('refuses deleted and unknown innovations', async () => {
		const deleted = (await createInnovation(db, { agency_id: ORIGINATOR, deleted_at: new Date() })).id;
		for (const id of [deleted, 'inv-tidakada00']) {
			expect(await refusal(fileReplicationInterest(db, replicator.actor, { innovationId: id, ...goodInterest }))).toEqual({
				code: 'INNOVATION_NOT_FOUND',
				message: 'Inovasi tidak ditemukan.'
			});
		}
	});

	it('lets an admin file on behalf of an agency, and nobody else but operators', async () => {
		const innovation = (await createInnovation(db, { agency_id: ORIGINATOR })).id;
		expect(await refusal(fileReplicationInterest(db, admin.actor, { innovationId: innovation, ...goodInterest }))).toEqual({
			code: 'REPLICATION_AGENCY_REQUIRED',
			message: 'Pilih instansi replikator yang diwakili.'
		});
		expect((await refusal(fileReplicationInterest(db, admin.actor, { innovationId: innovation, ...goodInterest, replicatorAgencyId: 'tidak-ada' }))).code).toBe(
			'AGENCY_NOT_FOUND'
		);
		const filed = await fileReplicationInterest(db, admin.actor, { innovationId: innovation, ...goodInterest, replicatorAgencyId: REPLICATOR });
		expect(await rowOf(filed.id)).toMatchObject({ replicator_agency_id: REPLICATOR, hub_id: hub.id, created_by: admin.id });
		const event = await db.selectFrom('replication_events').select('actor_part').where('replication_id', '=', filed.id).executeTakeFirstOrThrow();
		expect(event.actor_part).toBe('fasilitator');
		for (const actor of [curator.actor, coordinator.actor]) {
			expect((await refusal(fileReplicationInterest(db, actor, { innovationId: innovation, ...goodInterest, replicatorAgencyId: THIRD }))).code).toBe('FORBIDDEN');
		}
		// An operator files for their own agency only.
		expect((await refusal(fileReplicationInterest(db, outsider.actor, { innovationId: innovation, ...goodInterest, replicatorAgencyId: REPLICATOR }))).code).toBe(
			'FORBIDDEN'
		);
	});

	it('gives no hub to an agency outside every hub, and the exact message for invalid input', async () => {
		const innovation = (await createInnovation(db, { agency_id: REPLICATOR })).id;
		const filed = await fileReplicationInterest(db, outsider.actor, { innovationId: innovation, ...goodInterest });
		expect((await rowOf(filed.id)).hub_id).toBeNull();
		expect(await refusal(fileReplicationInterest(db, outsider.actor, { innovationId: innovation, ...goodInterest, interestScope: 'Semuanya' }))).toEqual({
			code: 'VALIDATION_FAILED',
			message: 'Cakupan yang ingin direplikasi minimal 20 karakter.'
		});
		expect(await refusal(fileReplicationInterest(db, outsider.actor, { innovationId: innovation, ...goodInterest, kind: 'total' }))).toEqual({
			code: 'VALIDATION_FAILED',
			message: 'Jenis replikasi tidak dikenal. Pilih penuh, sebagian (adaptasi/modifikasi) atau perluasan.'
		});
	});
});

describe('steps and guards', () => {
	async function freshReplication() {
		const innovation = (await createInnovation(db, { agency_id: ORIGINATOR })).id;
		return fileReplicationInterest(db, replicator.actor, { innovationId: innovation, ...goodInterest });
	}

	it('refuses a form drawn from an older version', async () => {
		const filed = await freshReplication();
		await acceptReplication(db, originator.actor, { id: filed.id, version: 1 });
		expect(await refusal(verifyReplication(db, coordinator.actor, { id: filed.id, version: 1 }))).toEqual({
			code: 'STALE_VERSION',
			message:
				'Replikasi ini sudah diubah oleh orang lain sejak Anda membukanya. Muat ulang halaman untuk melihat keadaan terbaru, lalu ulangi langkah Anda.'
		});
		expect((await rowOf(filed.id)).verified_at).toBeNull();
	});

	it('declines with a reason, and refuses a missing one with its message', async () => {
		const filed = await freshReplication();
		expect(await refusal(declineReplication(db, originator.actor, { id: filed.id, version: 1, reason: '' }))).toEqual({
			code: 'VALIDATION_FAILED',
			message: 'Alasan penolakan wajib diisi.'
		});
		const declined = await declineReplication(db, coordinator.actor, { id: filed.id, version: 1, reason: 'Inovasi belum cocok untuk wilayah kepulauan.' });
		expect(declined.state).toBe('ditolak');
		expect(await rowOf(filed.id)).toMatchObject({ closed_reason: 'Inovasi belum cocok untuk wilayah kepulauan.', closed_at: expect.any(Date) });
		expect((await refusal(acceptReplication(db, originator.actor, { id: filed.id, version: 2 }))).code).toBe('REPLICATION_STEP_NOT_ALLOWED');
	});

	it('lets an admin step in for the originator and for either side of the agreement', async () => {
		const filed = await freshReplication();
		let step = await acceptReplication(db, admin.actor, { id: filed.id, version: 1 });
		step = await verifyReplication(db, admin.actor, { id: filed.id, version: step.version });
		expect(step.state).toBe('diverifikasi');
		step = await draftReplicationAgreement(db, replicator.actor, { id: filed.id, version: step.version, ...agreement });
		expect(await refusal(confirmReplicationAgreement(db, admin.actor, { id: filed.id, version: step.version }))).toEqual({
			code: 'REPLICATION_AGREEMENT_SIDE_REQUIRED',
			message: 'Pilih pihak yang dikonfirmasi: PIHAK PERTAMA (instansi inovator) atau PIHAK KEDUA (instansi replikator).'
		});
		expect((await refusal(confirmReplicationAgreement(db, coordinator.actor, { id: filed.id, version: step.version, side: 'pertama' }))).code).toBe(
			'REPLICATION_PART_NOT_ALLOWED'
		);
		step = await confirmReplicationAgreement(db, admin.actor, { id: filed.id, version: step.version, side: 'kedua' });
		expect(await rowOf(filed.id)).toMatchObject({ agreement_confirmed_by_replicator: admin.id, agreement_confirmed_by_originator: null });
		const event = await db
			.selectFrom('replication_events')
			.select(['actor_part', 'payload'])
			.where('replication_id', '=', filed.id)
			.where('kind', '=', 'confirmAgreement')
			.executeTakeFirstOrThrow();
		expect(event).toEqual({ actor_part: 'fasilitator', payload: { side: 'kedua' } });
	});

	it('keeps the agreement number on an edit, withdraws both confirmations, and numbers the next agreement', async () => {
		const filed = await freshReplication();
		let step = await acceptReplication(db, originator.actor, { id: filed.id, version: 1 });
		step = await verifyReplication(db, coordinator.actor, { id: filed.id, version: step.version });
		const drafted = await draftReplicationAgreement(db, coordinator.actor, { id: filed.id, version: step.version, ...agreement });
		expect(drafted.agreementNumber).toMatch(new RegExp(`^\\d{3}/KS-REP/JIPPNAS/${year}$`));
		step = await confirmReplicationAgreement(db, originator.actor, { id: filed.id, version: drafted.version });
		step = await confirmReplicationAgreement(db, replicator.actor, { id: filed.id, version: step.version });
		const edited = await draftReplicationAgreement(db, replicator.actor, {
			id: filed.id,
			version: step.version,
			...agreement,
			validUntil: '2027-06-30'
		});
		expect(edited.agreementNumber).toBe(drafted.agreementNumber);
		expect(await rowOf(filed.id)).toMatchObject({
			agreement_valid_until: '2027-06-30',
			agreement_confirmed_by_originator: null,
			agreement_confirmed_by_originator_at: null,
			agreement_confirmed_by_replicator: null
		});
		const numbers = await db.selectFrom('replications').select('agreement_number').where('agreement_number', 'is not', null).execute();
		expect(new Set(numbers.map((n) => n.agreement_number)).size).toBe(numbers.length);
		expect(await refusal(draftReplicationAgreement(db, replicator.actor, { id: filed.id, version: edited.version, ...agreement, validUntil: '2024-12-31' }))).toEqual({
			code: 'VALIDATION_FAILED',
			message: 'Tanggal akhir berlaku harus sesudah tanggal mulai berlaku.'
		});
	});

	it('refuses to start without a plan, and to complete without a report', async () => {
		const noPlan = await createReplication(db, { innovationId, replicatorAgencyId: THIRD, createdBy: outsider.id, state: 'persiapan' });
		await createReplicationDocument(db, noPlan.id, 'surat_komitmen', outsider.id);
		expect(await refusal(startReplicationImplementation(db, outsider.actor, { id: noPlan.id, version: 1, startedOn: '2025-02-01' }))).toEqual({
			code: 'REPLICATION_PLAN_MISSING',
			message: 'Rencana adaptasi belum diisi.'
		});
		const noReport = await createReplication(db, { innovationId, replicatorAgencyId: REPLICATOR, createdBy: replicator.id, state: 'pemantauan' });
		expect(await refusal(completeReplication(db, coordinator.actor, { id: noReport.id, version: 1 }))).toEqual({
			code: 'REPLICATION_REPORT_MISSING',
			message: 'Replikasi belum dapat dinyatakan selesai: belum ada laporan pemantauan.'
		});
		// Stopped instead, with the reason kept.
		const stopped = await stopReplication(db, replicator.actor, { id: noReport.id, version: 1, reason: 'Anggaran dialihkan untuk penanganan bencana.' });
		expect(stopped.state).toBe('dihentikan');
		expect((await rowOf(noReport.id)).closed_reason).toBe('Anggaran dialihkan untuk penanganan bencana.');
	});
});

describe('an agency that is not a party', () => {
	let id: string;
	beforeAll(async () => {
		const innovation = (await createInnovation(db, { agency_id: ORIGINATOR })).id;
		id = (await fileReplicationInterest(db, replicator.actor, { innovationId: innovation, ...goodInterest })).id;
	});

	const steps: Array<[string, (actor: Actor) => Promise<unknown>]> = [
		['verify', (actor) => verifyReplication(db, actor, { id, version: 1 })],
		['accept', (actor) => acceptReplication(db, actor, { id, version: 1 })],
		['decline', (actor) => declineReplication(db, actor, { id, version: 1, reason: 'Tidak sesuai kebutuhan.' })],
		['draftAgreement', (actor) => draftReplicationAgreement(db, actor, { id, version: 1, ...agreement })],
		['confirmAgreement', (actor) => confirmReplicationAgreement(db, actor, { id, version: 1, side: 'pertama' })],
		['submitPlan', (actor) => submitAdaptationPlan(db, actor, { id, version: 1, ...plan })],
		['startImplementation', (actor) => startReplicationImplementation(db, actor, { id, version: 1, startedOn: '2025-02-01' })],
		['fileReport', (actor) => fileMonitoringReport(db, actor, { id, version: 1, ...report })],
		['complete', (actor) => completeReplication(db, actor, { id, version: 1 })],
		['stop', (actor) => stopReplication(db, actor, { id, version: 1, reason: 'Tidak sesuai kebutuhan.' })],
		['cancel', (actor) => cancelReplication(db, actor, { id, version: 1, reason: 'Tidak sesuai kebutuhan.' })]
	];

	it('cannot read it: an operator of a third agency and another hub\'s coordinator get REPLICATION_NOT_FOUND', async () => {
		for (const actor of [outsider.actor, otherCoordinator.actor, null]) {
			expect(await refusal(getReplication(db, actor, id))).toEqual({ code: 'REPLICATION_NOT_FOUND', message: 'Replikasi tidak ditemukan.' });
		}
		expect(await refusal(getReplication(db, admin.actor, 'rep-tidakada00'))).toEqual({ code: 'REPLICATION_NOT_FOUND', message: 'Replikasi tidak ditemukan.' });
	});

	for (const [name, run] of steps) {
		it(`cannot ${name}: REPLICATION_NOT_FOUND for outsiders, REPLICATION_PART_NOT_ALLOWED for a curator`, async () => {
			expect((await refusal(run(outsider.actor))).code).toBe('REPLICATION_NOT_FOUND');
			expect((await refusal(run(otherCoordinator.actor))).code).toBe('REPLICATION_NOT_FOUND');
			expect((await refusal(run(curator.actor))).code).toBe('REPLICATION_PART_NOT_ALLOWED');
		});
	}

	it('was left untouched, and the curator reads it without being offered any step', async () => {
		expect(await rowOf(id)).toMatchObject({ state: 'minat', version: 1 });
		const view = await getReplication(db, curator.actor, id);
		if (view.access !== 'private') throw new Error('expected the private view');
		expect(view.replication.viewer).toEqual({ parts: [], allowedActions: [], blockedActions: [], documentKinds: [] });
		const forCoordinator = await getReplication(db, coordinator.actor, id);
		if (forCoordinator.access !== 'private') throw new Error('expected the private view');
		expect(forCoordinator.replication.viewer.allowedActions).toEqual(['verify', 'decline', 'uploadDocument', 'removeDocument', 'cancel', 'postMessage']);
		expect(forCoordinator.replication.viewer.documentKinds).toEqual(['surat_minat', 'lainnya']);
	});
});

describe('inboxes', () => {
	let inboxDb: TestDatabase;
	let idb: Kysely<DB>;
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		// A database of its own, so the counts are exact.
		inboxDb = await createTestDatabase();
		idb = inboxDb.db;
		await createHub(idb, { id: hub.id, name: hub.name, members: [REPLICATOR] });
		for (const user of [replicator, originator, coordinator, admin, curator, outsider]) {
			await idb
				.insertInto('users')
				.values({ id: user.id, email: user.email, name: user.name, role: user.role, agency_id: user.agencyId, hub_id: user.hubId })
				.execute();
		}
		const fromSurabaya = (await createInnovation(idb, { agency_id: ORIGINATOR })).id;
		const fromManggarai = (await createInnovation(idb, { agency_id: REPLICATOR })).id;
		const at = (day: number) => new Date(Date.UTC(2025, 4, day));
		ids.made1 = (await createReplication(idb, { innovationId: fromSurabaya, replicatorAgencyId: REPLICATOR, createdBy: replicator.id, updated_at: at(1) })).id;
		ids.made2 = (await createReplication(idb, { innovationId: fromSurabaya, replicatorAgencyId: REPLICATOR, createdBy: replicator.id, state: 'selesai', updated_at: at(3) })).id;
		ids.received = (await createReplication(idb, { innovationId: fromManggarai, replicatorAgencyId: THIRD, createdBy: outsider.id, state: 'kesepakatan', updated_at: at(2) })).id;
		ids.elsewhere = (await createReplication(idb, { innovationId: fromSurabaya, replicatorAgencyId: THIRD, createdBy: outsider.id, state: 'dibatalkan', updated_at: at(4) })).id;
	});
	afterAll(async () => inboxDb?.dispose());

	it('gives an operator what their agency made and received, newest activity first', async () => {
		const made = await listReplicationInbox(idb, replicator.actor, { box: 'made' });
		expect(made.items.map((i) => i.id)).toEqual([ids.made2, ids.made1]);
		expect(made.total).toBe(2);
		expect(made.boxes).toEqual([
			{ box: 'received', total: 1, open: 1 },
			{ box: 'made', total: 2, open: 1 }
		]);
		expect(made.items[1]).toMatchObject({
			innovation: { id: expect.any(String), title: expect.any(String) },
			originator: { id: ORIGINATOR, name: expect.any(String) },
			replicator: { id: REPLICATOR, name: expect.any(String) },
			hub: { id: hub.id, name: hub.name },
			kind: 'penuh',
			state: 'minat',
			version: 1
		});
		// The first box by default.
		const received = await listReplicationInbox(idb, replicator.actor);
		expect(received.box).toBe('received');
		expect(received.items.map((i) => i.id)).toEqual([ids.received]);
		// Filtered by state, and paged.
		expect((await listReplicationInbox(idb, replicator.actor, { box: 'made', state: 'berjalan' })).items.map((i) => i.id)).toEqual([ids.made1]);
		expect((await listReplicationInbox(idb, replicator.actor, { box: 'made', state: 'selesai' })).items.map((i) => i.id)).toEqual([ids.made2]);
		const page2 = await listReplicationInbox(idb, replicator.actor, { box: 'made', limit: '1', offset: '1' });
		expect(page2).toMatchObject({ total: 2, limit: 1, offset: 1 });
		expect(page2.items.map((i) => i.id)).toEqual([ids.made1]);
	});

	it('gives a hub coordinator everything in the hub and staff everything', async () => {
		const forHub = await listReplicationInbox(idb, coordinator.actor);
		expect(forHub.box).toBe('hub');
		expect(forHub.items.map((i) => i.id)).toEqual([ids.made2, ids.made1]);
		expect(forHub.boxes).toEqual([{ box: 'hub', total: 2, open: 1 }]);
		for (const staff of [admin.actor, curator.actor]) {
			const all = await listReplicationInbox(idb, staff);
			expect(all.items.map((i) => i.id)).toEqual([ids.elsewhere, ids.made2, ids.received, ids.made1]);
			expect(all.boxes).toEqual([{ box: 'all', total: 4, open: 2 }]);
		}
	});

	it('refuses a box one does not have, and an unknown filter with its message', async () => {
		expect(await refusal(listReplicationInbox(idb, replicator.actor, { box: 'all' }))).toEqual({
			code: 'FORBIDDEN',
			message: 'Kotak replikasi ini tidak tersedia untuk peran Anda.'
		});
		expect(await refusal(listReplicationInbox(idb, coordinator.actor, { state: 'hilang' }))).toEqual({
			code: 'VALIDATION_FAILED',
			message: 'Tahap replikasi tidak dikenal.'
		});
		const empty = await listReplicationInbox(idb, originator.actor, { box: 'made' });
		expect(empty).toMatchObject({ items: [], total: 0 });
	});
});
