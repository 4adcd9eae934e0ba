import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Insertable } from 'kysely';
import type { ReplicationsTable } from '../../src/lib/server/db/schema';
import * as responses from '../../src/lib/server/api/responses';
import { AppError } from '../../src/lib/server/errors';
import { clearReadCaches } from '../../src/lib/server/read-cache';
import { listReplicationMessages } from '../../src/lib/server/repositories/replication-message-repository';
import { deliverQueuedMail, QUEUED_MAIL_MIN_AGE_MS } from '../../src/lib/server/services/deliver-queued-mail';
import { getAgencyProfile } from '../../src/lib/server/services/get-agency-profile';
import { getNationalStatistics } from '../../src/lib/server/services/get-national-statistics';
import { listNotifications } from '../../src/lib/server/services/list-notifications';
import { listReplicatingAgencies } from '../../src/lib/server/services/list-replicating-agencies';
import { markNotificationsRead } from '../../src/lib/server/services/mark-notifications-read';
import { notifyReplicationParties } from '../../src/lib/server/services/notify-replication-parties';
import { postReplicationMessage } from '../../src/lib/server/services/post-replication-message';
import { sendMail } from '../../src/lib/server/services/send-mail';
import { sendReplicationReminders } from '../../src/lib/server/services/send-replication-reminders';
import { createHub, createInnovation } from '../support/factories';
import { createUser, type TestUser } from '../support/sessions';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Kota Surabaya's innovation replicated by Kabupaten Ngada (member of a hub); Kabupaten
// Manggarai (pemkab-53.10) is an agency with no part in it.
const ORIGINATOR = 'pemkot-35.78';
const REPLICATOR = 'pemkab-53.09';
const OUTSIDER = 'pemkab-53.10';

let database: TestDatabase;
let innovationId: string;
let hubId: string;
let people: Record<
	'originator' | 'originatorDisabled' | 'replicator' | 'outsider' | 'coordinator' | 'otherCoordinator' | 'admin' | 'curator',
	TestUser
>;
let sequence = 0;

async function insertReplication(overrides: Partial<Insertable<ReplicationsTable>> = {}): Promise<string> {
	sequence += 1;
	const id = overrides.id ?? `rep-uji-${sequence}`;
	await database.db
		.insertInto('replications')
		.values({
			innovation_id: innovationId,
			originator_agency_id: ORIGINATOR,
			replicator_agency_id: REPLICATOR,
			hub_id: hubId,
			kind: 'penuh',
			interest_scope: 'Seluruh alur layanan jemput bola posyandu.',
			interest_reason: 'Angka kunjungan balita di desa terpencil rendah.',
			created_by: people.replicator.id,
			...overrides,
			id
		})
		.execute();
	return id;
}

const notificationsOf = (replicationId: string) =>
	database.db
		.selectFrom('notifications')
		.select(['user_id', 'kind', 'title', 'body', 'link', 'read_at'])
		.where('replication_id', '=', replicationId)
		.orderBy('user_id')
		.execute();

const mailTo = (addresses: string[]) =>
	database.db.selectFrom('outbox').selectAll().where('to_address', 'in', addresses).orderBy('id').execute();

/** The API's response schema takes the service's output as it is. */
function expectSchema(schema: { safeParse(value: unknown): { data?: unknown; error?: { issues: unknown[] } } }, output: unknown) {
	const parsed = schema.safeParse(output);
	expect(parsed.error?.issues ?? []).toEqual([]);
	expect(parsed.data).toStrictEqual(output);
}

async function expectAppError(promise: Promise<unknown>, code: string, message?: string) {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(AppError);
	expect((error as AppError).code).toBe(code);
	if (message) expect((error as AppError).message).toBe(message);
}

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	innovationId = (await createInnovation(db, { agency_id: ORIGINATOR, title: 'Posyandu Keliling' })).id;
	hubId = (await createHub(db, { members: [REPLICATOR] })).id;
	const otherHubId = (await createHub(db, { members: [OUTSIDER] })).id;
	people = {
		originator: await createUser(db, { role: 'operator', agencyId: ORIGINATOR, name: 'Operator Surabaya' }),
		originatorDisabled: await createUser(db, { role: 'operator', agencyId: ORIGINATOR, name: 'Operator Lama' }),
		replicator: await createUser(db, { role: 'operator', agencyId: REPLICATOR, name: 'Operator Ngada' }),
		outsider: await createUser(db, { role: 'operator', agencyId: OUTSIDER, name: 'Operator Manggarai' }),
		coordinator: await createUser(db, { role: 'koordinator_hub', hubId, name: 'Koordinator Hub' }),
		otherCoordinator: await createUser(db, { role: 'koordinator_hub', hubId: otherHubId, name: 'Koordinator Lain' }),
		admin: await createUser(db, { role: 'admin', name: 'Admin Nasional' }),
		curator: await createUser(db, { role: 'kurator', name: 'Kurator Data' })
	};
	await db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', people.originatorDisabled.id).execute();
});

afterAll(async () => {
	await database?.dispose();
});

describe('notifyReplicationParties', () => {
	it('notifies the operators of both agencies and the hub coordinator, not the actor, the disabled, admins or outsiders', async () => {
		const id = await insertReplication();
		const notified = await notifyReplicationParties(database.db, { replicationId: id, eventKind: 'file', actorUserId: people.replicator.id });
		expect(notified).toBe(2);
		const rows = await notificationsOf(id);
		expect(rows.map((r) => r.user_id).sort()).toEqual([people.originator.id, people.coordinator.id].sort());
		for (const row of rows) {
			expect(row).toMatchObject({
				kind: 'file',
				title: 'Minat replikasi baru',
				link: `/replikasi/${id}`,
				read_at: null
			});
			expect(row.body).toContain('"Posyandu Keliling"');
		}
		const mail = await mailTo([people.originator.email, people.coordinator.email]);
		expect(mail).toHaveLength(2);
		for (const message of mail) {
			expect(message.status).toBe('pending');
			expect(message.subject).toBe('[JIPPNas] Minat replikasi baru');
			expect(message.body).toContain(`/replikasi/${id}`);
		}
		const others = [people.replicator, people.originatorDisabled, people.outsider, people.otherCoordinator, people.admin, people.curator];
		expect(await mailTo(others.map((p) => p.email))).toEqual([]);
	});

	it('notifies the national admins when the replication has no hub, and everyone involved for the system', async () => {
		const id = await insertReplication({ hub_id: null });
		await notifyReplicationParties(
			database.db,
			{ replicationId: id, eventKind: 'decline', actorUserId: null, note: 'Anggaran belum tersedia.' },
			{ baseUrl: 'https://jippnas.example.go.id' }
		);
		const rows = await notificationsOf(id);
		expect(rows.map((r) => r.user_id).sort()).toEqual([people.originator.id, people.replicator.id, people.admin.id].sort());
		expect(rows[0]!.body).toMatch(/Catatan: Anggaran belum tersedia\.$/);
		const [adminMail] = await database.db
			.selectFrom('outbox')
			.selectAll()
			.where('to_address', '=', people.admin.email)
			.execute();
		expect(adminMail!.body).toContain(`https://jippnas.example.go.id/replikasi/${id}`);
		expect(adminMail!.body.startsWith('Yth. Admin Nasional,')).toBe(true);
	});

	it('writes within the caller’s transaction and leaves nothing when it rolls back', async () => {
		const id = await insertReplication();
		const outboxBefore = await database.db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
		await expect(
			database.db.transaction().execute(async (trx) => {
				await notifyReplicationParties(trx, { replicationId: id, eventKind: 'accept', actorUserId: people.originator.id });
				expect(await trx.selectFrom('notifications').select('id').where('replication_id', '=', id).execute()).toHaveLength(2);
				throw new Error('rollback');
			})
		).rejects.toThrow('rollback');
		expect(await notificationsOf(id)).toEqual([]);
		const outboxAfter = await database.db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
		expect(Number(outboxAfter.n)).toBe(Number(outboxBefore.n));
	});
});

describe('replication messages', () => {
	let id: string;
	beforeAll(async () => {
		id = await insertReplication({ state: 'kesepakatan' });
	});

	it('lets the replicator write: message, timeline event and notifications for the others', async () => {
		const posted = await postReplicationMessage(database.db, people.replicator.actor, id, { body: '  Kapan kita rapat daring?  ' });
		expect(posted.replicationId).toBe(id);
		const messages = await listReplicationMessages(database.db, id);
		expect(messages).toMatchObject([{ id: posted.id, author_id: people.replicator.id, author_name: 'Operator Ngada', body: 'Kapan kita rapat daring?' }]);
		const events = await database.db.selectFrom('replication_events').selectAll().where('replication_id', '=', id).execute();
		expect(events).toMatchObject([
			{ kind: 'message', actor: people.replicator.id, actor_part: 'replikator', from_state: 'kesepakatan', to_state: 'kesepakatan' }
		]);
		expect(events[0]!.payload).toEqual({ messageId: posted.id });
		const rows = await notificationsOf(id);
		expect(rows.map((r) => r.user_id).sort()).toEqual([people.originator.id, people.coordinator.id].sort());
		expect(rows[0]).toMatchObject({ kind: 'message', title: 'Pesan baru tentang replikasi' });
		expect(rows[0]!.body).toMatch(/Pesan: Kapan kita rapat daring\?$/);
	});

	it('lets the originator, the hub coordinator and an admin write, in their parts', async () => {
		await postReplicationMessage(database.db, people.originator.actor, id, { body: 'Minggu depan.' });
		await postReplicationMessage(database.db, people.coordinator.actor, id, { body: 'Saya ikut.' });
		await postReplicationMessage(database.db, people.admin.actor, id, { body: 'Dicatat.' });
		const messages = await listReplicationMessages(database.db, id);
		expect(messages.map((m) => [m.author_name, m.body])).toEqual([
			['Operator Ngada', 'Kapan kita rapat daring?'],
			['Operator Surabaya', 'Minggu depan.'],
			['Koordinator Hub', 'Saya ikut.'],
			['Admin Nasional', 'Dicatat.']
		]);
		const parts = await database.db
			.selectFrom('replication_events')
			.select('actor_part')
			.where('replication_id', '=', id)
			.orderBy('id')
			.execute();
		expect(parts.map((p) => p.actor_part)).toEqual(['replikator', 'inovator', 'fasilitator', 'fasilitator']);
	});

	it('refuses a curator (reads, does not write), hides the replication from outsiders, and asks to sign in', async () => {
		await expectAppError(
			postReplicationMessage(database.db, people.curator.actor, id, { body: 'Halo.' }),
			'REPLICATION_PART_NOT_ALLOWED'
		);
		await expectAppError(postReplicationMessage(database.db, people.outsider.actor, id, { body: 'Halo.' }), 'REPLICATION_NOT_FOUND');
		await expectAppError(
			postReplicationMessage(database.db, people.otherCoordinator.actor, id, { body: 'Halo.' }),
			'REPLICATION_NOT_FOUND'
		);
		await expectAppError(postReplicationMessage(database.db, people.replicator.actor, 'rep-tidak-ada', { body: 'Halo.' }), 'REPLICATION_NOT_FOUND');
		await expectAppError(postReplicationMessage(database.db, null, id, { body: 'Halo.' }), 'UNAUTHENTICATED');
		expect(await listReplicationMessages(database.db, id)).toHaveLength(4);
	});

	it('checks the message length', async () => {
		await expectAppError(postReplicationMessage(database.db, people.replicator.actor, id, { body: '   ' }), 'VALIDATION_FAILED', 'Pesan wajib diisi.');
		await expectAppError(
			postReplicationMessage(database.db, people.replicator.actor, id, { body: 'x'.repeat(4001) }),
			'VALIDATION_FAILED',
			'Pesan paling panjang 4000 karakter.'
		);
		await postReplicationMessage(database.db, people.replicator.actor, id, { body: 'y'.repeat(4000) });
	});
});

describe('own notifications', () => {
	it('lists newest first with the unread count, and marks one or all read, only one’s own', async () => {
		const page = await listNotifications(database.db, people.coordinator.actor, { perPage: 2 });
		expect(page.total).toBeGreaterThan(2);
		expect(page.items).toHaveLength(2);
		expect(page.unread).toBe(page.total);
		expect(page.pages).toBe(Math.ceil(page.total / 2));
		expect(page.items[0]!.createdAt >= page.items[1]!.createdAt).toBe(true);

		const first = page.items[0]!;
		expect(await markNotificationsRead(database.db, people.coordinator.actor, { id: first.id })).toEqual({ marked: 1 });
		expect((await listNotifications(database.db, people.coordinator.actor)).unread).toBe(page.total - 1);
		// Someone else's notification is as unknown as a missing one.
		await expectAppError(
			markNotificationsRead(database.db, people.originator.actor, { id: first.id }),
			'NOT_FOUND',
			'Notifikasi tidak ditemukan.'
		);
		await expectAppError(markNotificationsRead(database.db, people.originator.actor, { id: 'abc' }), 'VALIDATION_FAILED');
		await expect(markNotificationsRead(database.db, people.originator.actor, { id: 'abc' })).rejects.toMatchObject({ message: 'Notifikasi tidak dikenal.' });
		await expect(markNotificationsRead(database.db, people.originator.actor, {})).rejects.toMatchObject({ message: 'Notifikasi tidak dikenal.' });
		await expectAppError(listNotifications(database.db, null), 'UNAUTHENTICATED');

		expect(await markNotificationsRead(database.db, people.coordinator.actor, { all: true })).toEqual({ marked: page.total - 1 });
		expect((await listNotifications(database.db, people.coordinator.actor)).unread).toBe(0);
		expect((await listNotifications(database.db, people.originator.actor)).unread).toBeGreaterThan(0);
	});
});

describe('queued notification mail', () => {
	it('is held in the outbox without SMTP, sent with it, and a failure is kept with its error', async () => {
		const later = new Date(Date.now() + QUEUED_MAIL_MIN_AGE_MS + 60_000);
		const sent: string[] = [];
		const transport = {
			async send(mail: { to: string }) {
				if (mail.to === people.coordinator.email) throw new Error('550 kotak surat penuh');
				sent.push(mail.to);
			}
		};
		// Mail that sendMail is delivering right now (young 'pending' rows) is left to it.
		const young = await deliverQueuedMail(database.db, { transport, from: 'JIPPNas <noreply@uji.go.id>' });
		expect(young).toEqual({ sent: 0, failed: 0, held: 0 });

		const outcome = await deliverQueuedMail(database.db, { transport, from: 'JIPPNas <noreply@uji.go.id>' }, { now: later, limit: 1000 });
		expect(outcome.sent).toBeGreaterThan(0);
		expect(outcome.failed).toBeGreaterThan(0);
		expect(sent).toContain(people.originator.email);
		const failed = await database.db.selectFrom('outbox').selectAll().where('to_address', '=', people.coordinator.email).execute();
		expect(failed.every((m) => m.status === 'failed' && m.error === '550 kotak surat penuh')).toBe(true);
		expect(await database.db.selectFrom('outbox').select('id').where('status', '=', 'pending').execute()).toEqual([]);

		await sendMail(database.db, { to: 'lain@uji.go.id', subject: 'Lain', body: 'Isi' });
		const id = await insertReplication();
		await notifyReplicationParties(database.db, { replicationId: id, eventKind: 'verify', actorUserId: people.coordinator.id });
		expect(await deliverQueuedMail(database.db, { transport: null, from: 'x@uji.go.id' }, { now: later })).toEqual({
			sent: 0,
			failed: 0,
			held: 2
		});
	});
});

describe('sendReplicationReminders', () => {
	// 1 March 2025, 09:00 WIB.
	const now = new Date('2025-03-01T02:00:00Z');
	let soon: string, late: string, ending: string;

	beforeAll(async () => {
		soon = await insertReplication({ state: 'implementasi', implementation_started_on: '2024-12-10', next_report_due_on: '2025-03-10' });
		late = await insertReplication({ state: 'pemantauan', implementation_started_on: '2024-08-28', next_report_due_on: '2025-02-28', hub_id: null });
		ending = await insertReplication({ state: 'persiapan', agreement_valid_from: '2024-03-31', agreement_valid_until: '2025-03-31' });
		// Not due: too far ahead, or closed.
		await insertReplication({ state: 'implementasi', next_report_due_on: '2025-03-16' });
		await insertReplication({ state: 'selesai', next_report_due_on: '2025-01-01', agreement_valid_until: '2025-03-05' });
		await insertReplication({ state: 'dihentikan', next_report_due_on: '2025-01-01' });
	});

	it('sends each due reminder once, as notifications and a system event, however often it runs', async () => {
		const first = await sendReplicationReminders(database.db, now);
		expect(first.today).toBe('2025-03-01');
		expect(first.alreadySent).toBe(0);
		expect(first.sent.map(({ replicationId, kind, dueOn }) => ({ replicationId, kind, dueOn })).sort((a, b) => a.replicationId.localeCompare(b.replicationId))).toEqual(
			[
				{ replicationId: soon, kind: 'laporan_segera', dueOn: '2025-03-10' },
				{ replicationId: late, kind: 'laporan_terlambat', dueOn: '2025-02-28' },
				{ replicationId: ending, kind: 'kesepakatan_berakhir', dueOn: '2025-03-31' }
			].sort((a, b) => a.replicationId.localeCompare(b.replicationId))
		);
		// Hub replication: both agencies' operators and the coordinator; without a hub: the admin.
		expect(first.sent.find((s) => s.replicationId === soon)!.notified).toBe(3);
		expect((await notificationsOf(late)).map((r) => r.user_id).sort()).toEqual(
			[people.originator.id, people.replicator.id, people.admin.id].sort()
		);
		const [lateNotice] = await notificationsOf(late);
		expect(lateNotice).toMatchObject({ kind: 'laporan_terlambat', title: 'Laporan pemantauan terlambat' });
		expect(lateNotice!.body).toContain('28 Februari 2025');

		const events = await database.db
			.selectFrom('replication_events')
			.selectAll()
			.where('replication_id', 'in', [soon, late, ending])
			.orderBy('id')
			.execute();
		expect(events).toHaveLength(3);
		for (const event of events) expect(event).toMatchObject({ actor: 'system', actor_part: 'sistem' });
		expect(events.find((e) => e.replication_id === soon)).toMatchObject({ kind: 'laporan_segera', payload: { dueOn: '2025-03-10' } });

		const again = await sendReplicationReminders(database.db, new Date(now.getTime() + 3_600_000));
		expect(again.sent).toEqual([]);
		expect(again.alreadySent).toBe(3);
		expect(await database.db.selectFrom('replication_reminders').select('id').execute()).toHaveLength(3);
		expect(await notificationsOf(soon)).toHaveLength(3);
	});

	it('reminds again for the next deadline', async () => {
		await database.db.updateTable('replications').set({ next_report_due_on: '2025-06-10' }).where('id', '=', soon).execute();
		const june = await sendReplicationReminders(database.db, new Date('2025-06-01T02:00:00Z'));
		expect(june.sent.filter((s) => s.replicationId === soon)).toMatchObject([{ kind: 'laporan_segera', dueOn: '2025-06-10' }]);
	});
});

describe('figures', () => {
	it('counts innovations replicated and agencies replicating from completed replications only', async () => {
		const second = (await createInnovation(database.db, { agency_id: ORIGINATOR, title: 'Ambulans Desa' })).id;
		const before = await getNationalStatistics(database.db);
		await insertReplication({ state: 'selesai', completed_at: new Date() });
		await insertReplication({ state: 'selesai', completed_at: new Date(), replicator_agency_id: OUTSIDER, hub_id: null });
		await insertReplication({ state: 'selesai', completed_at: new Date(), innovation_id: second });
		await insertReplication({ state: 'minat', innovation_id: second, replicator_agency_id: OUTSIDER, hub_id: null });
		clearReadCaches(database.db);
		const after = (await getNationalStatistics(database.db)).replication;
		expect(after.innovationsReplicated).toBe(2);
		expect(after.agenciesReplicating).toBe(2);
		expect(after.byState.selesai).toBe(before.replication.byState.selesai + 3);
		expect(after.byState.minat).toBe(before.replication.byState.minat + 1);
		expect(after.inProgress).toBe(before.replication.inProgress + 1);
		const rows = await database.db.selectFrom('replications').select('state').execute();
		const open = rows.filter((r) => !['selesai', 'ditolak', 'dihentikan', 'dibatalkan'].includes(r.state)).length;
		expect(after.inProgress).toBe(open);
		expect(Object.keys(after.byState)).toHaveLength(10);
		expectSchema(responses.Statistics, await getNationalStatistics(database.db));
	});

	it('shows an agency’s replications given and received: completed to the public, all to those involved', async () => {
		const publicView = await getAgencyProfile(database.db, ORIGINATOR, { innovationLimit: 0 });
		expect(publicView.replicationsGiven.length).toBeGreaterThan(0);
		expect(publicView.replicationsGiven.every((r) => r.state === 'selesai')).toBe(true);
		expect(publicView.replicationsReceived).toEqual([]);
		expect(publicView.replicationsGiven[0]).toMatchObject({
			innovation: { id: expect.any(String), title: expect.any(String) },
			otherAgency: { id: expect.any(String), name: expect.any(String) },
			kind: 'penuh',
			state: 'selesai'
		});

		const own = await getAgencyProfile(database.db, ORIGINATOR, { innovationLimit: 0, actor: people.originator.actor });
		expect(own.replicationsGiven.length).toBeGreaterThan(publicView.replicationsGiven.length);
		expect(own.replicationsGiven.some((r) => r.state === 'kesepakatan')).toBe(true);
		expectSchema(responses.AgencyProfile, own);

		// Kabupaten Manggarai's operator sees Surabaya's replications with Manggarai, not Ngada's in progress.
		const outsider = await getAgencyProfile(database.db, ORIGINATOR, { innovationLimit: 0, actor: people.outsider.actor });
		expect(outsider.replicationsGiven.filter((r) => r.state !== 'selesai').every((r) => r.otherAgency.id === OUTSIDER)).toBe(true);
		expect(outsider.replicationsGiven.some((r) => r.state === 'minat' && r.otherAgency.id === OUTSIDER)).toBe(true);

		const received = await getAgencyProfile(database.db, REPLICATOR, { innovationLimit: 0 });
		expect(received.replicationsReceived.length).toBeGreaterThan(0);
		expect(received.replicationsReceived.every((r) => r.state === 'selesai' && r.otherAgency.id === ORIGINATOR)).toBe(true);
	});

	it('lists the agencies replicating an innovation with their region centroid for the map', async () => {
		await database.db
			.insertInto('region_characteristics')
			.values({ region_code: '53.09', latitude: -8.7, longitude: 121.0, source: 'uji' })
			.onConflict((oc) => oc.column('region_code').doUpdateSet({ latitude: -8.7, longitude: 121.0 }))
			.execute();
		const publicList = await listReplicatingAgencies(database.db, innovationId);
		expect(publicList.length).toBe(3);
		expect(publicList.every((r) => r.state === 'selesai')).toBe(true);
		const ngada = publicList.find((r) => r.agency.id === REPLICATOR)!;
		expect(ngada).toMatchObject({ kind: 'penuh', region: { code: '53.09' }, point: { lat: -8.7, lng: 121 } });
		const manggarai = publicList.find((r) => r.agency.id === OUTSIDER)!;
		expect(manggarai.region?.code).toBe('53.10');

		const forCoordinator = await listReplicatingAgencies(database.db, innovationId, people.coordinator.actor);
		expect(forCoordinator.length).toBeGreaterThan(publicList.length);
		expect(forCoordinator[0]!.state).toBe('selesai');
		expect(await listReplicatingAgencies(database.db, innovationId, people.curator.actor)).toHaveLength(
			(await database.db.selectFrom('replications').select('id').where('innovation_id', '=', innovationId).execute()).length
		);
	});
});
