import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema';
import { AppError } from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/policy';
import { confirmMatchReview } from '../../src/lib/server/services/confirm-match-review';
import { getCurationOverview } from '../../src/lib/server/services/get-curation-overview';
import { listMatchDecisions } from '../../src/lib/server/services/list-match-decisions';
import { listMatchReviews } from '../../src/lib/server/services/list-match-reviews';
import { listUnresolvedAgencies } from '../../src/lib/server/services/list-unresolved-agencies';
import { mergeInnovations } from '../../src/lib/server/services/merge-innovations';
import { rejectMatchReview } from '../../src/lib/server/services/reject-match-review';
import { resolveAgencyName } from '../../src/lib/server/services/resolve-agency-name';
import { splitSourceRecord } from '../../src/lib/server/services/split-source-record';
import { undoMatchDecision } from '../../src/lib/server/services/undo-match-decision';
import { createInnovation } from '../support/factories';
import { importLan, importPanrb, sharedStopWords } from '../support/source-files';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const curator: Actor = { id: 'kurator-1', role: 'kurator' };
const operator: Actor = { id: 'operator-1', role: 'operator', agencyId: 'pemkab-53.09' };

let database: TestDatabase;
let db: Kysely<DB>;

/** Everything a merge or split may change, to compare before and after an undo. */
async function linkState() {
	const records = await db
		.selectFrom('source_records')
		.select(['id', 'source', 'external_id', 'innovation_id', 'match_score', 'match_reasons'])
		.orderBy('id')
		.execute();
	const innovations = await db
		.selectFrom('innovations')
		.select([
			'id',
			'title',
			'acronym',
			'agency_id',
			'region_code',
			'year_started',
			'started_on',
			'stage',
			'summary',
			'aims',
			'initiator_name',
			'sdgs',
			'provenance',
			'deleted_at'
		])
		.orderBy('id')
		.execute();
	const awards = await db.selectFrom('awards').select(['id', 'innovation_id', 'programme', 'year', 'level']).orderBy('id').execute();
	return { records, innovations, awards };
}

async function recordOf(source: 'panrb' | 'lan', externalId: string) {
	return db.selectFrom('source_records').selectAll().where('source', '=', source).where('external_id', '=', externalId).executeTakeFirstOrThrow();
}

async function innovationOf(id: string) {
	return db.selectFrom('innovations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function failure(work: Promise<unknown>) {
	try {
		await work;
	} catch (error) {
		if (error instanceof AppError) return { code: error.code, message: error.message };
		throw error;
	}
	throw new Error('expected a refusal');
}

async function openReviewFor(externalIdB: string) {
	const b = await recordOf('lan', externalIdB);
	return db
		.selectFrom('match_reviews')
		.selectAll()
		.where('source_record_b', '=', b.id)
		.executeTakeFirstOrThrow();
}

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	await importPanrb(db, [
		{ id: 'SNV-1', title: 'Posyandu Keliling', level: 'Top 99', summary: 'Kader posyandu mendatangi balita di dusun terpencil setiap bulan dengan motor.' },
		{ id: 'SNV-2', title: 'Ambulans Desa Siaga', summary: 'Ambulans desa melayani warga terpencil 24 jam dengan relawan.' },
		{ id: 'SNV-3', title: 'Perpustakaan Keliling', level: 'Top 45', year: 2021, summary: 'Mobil perpustakaan mengunjungi sekolah di desa terpencil.' }
	]);
	await importLan(db, [
		{ id: 1, title: 'Posyandu Keliling Desa', description: '<p>Pelayanan posyandu bergerak ke dusun-dusun terpencil setiap bulan.</p>' },
		{ id: 2, title: 'Ambulans Desa Siaga', description: '<p>Ambulans desa melayani warga terpencil 24 jam dengan relawan desa.</p>' },
		{ id: 4, title: 'Layanan Lain', agency: 'Pemkab Ngadha', regionCode: null, province: null },
		{ id: 5, title: 'Layanan Lain Lagi', agency: 'PEMKAB  NGADHA', regionCode: null, province: null },
		{ id: 6, title: 'Sehat Bersama', agency: 'Kementrian Kesehatn', regionCode: null, province: null }
	]);
}, 180_000);

afterAll(async () => {
	await database?.dispose();
});

describe('review queue', () => {
	it('lists open pairs first with both records and the reasons', async () => {
		const { items, total } = await listMatchReviews(db, curator, { limit: 20, offset: 0 });
		expect(total).toBe(items.length);
		expect(items.map((i) => i.score)).toEqual(items.map((i) => i.score).sort((x, y) => y - x));
		const posyandu = items.find((i) => i.b?.externalId === '1')!;
		expect(posyandu.status).toBe('open');
		expect(posyandu.a).toMatchObject({ source: 'panrb', externalId: 'SNV-1', title: 'Posyandu Keliling', agencyId: 'pemkab-53.09', regionCode: '53.09' });
		expect(posyandu.b).toMatchObject({ source: 'lan', title: 'Posyandu Keliling Desa' });
		expect(posyandu.score).toBeGreaterThanOrEqual(0.5);
		// Grey zone: below the link threshold, or above it with narratives that share no figure.
		expect(posyandu.score).toBeLessThan(0.9);
		expect((posyandu.reasons as { feature: string }[]).map((r) => r.feature).sort()).toEqual(['acronym', 'agency', 'region', 'text', 'title', 'year']);
		expect(posyandu.sameInnovation).toBe(false);
	});

	it('is for curators only', async () => {
		expect(await failure(listMatchReviews(db, operator, { limit: 5, offset: 0 }))).toEqual({
			code: 'FORBIDDEN',
			message: 'Anda tidak berwenang melakukan tindakan ini.'
		});
		expect(await failure(confirmMatchReview(db, operator, { reviewId: 1 }))).toMatchObject({ code: 'FORBIDDEN' });
	});
});

describe('confirm, then undo', () => {
	it('merges the pair, rebuilds fields by source priority, and undo restores links, fields and provenance exactly', async () => {
		const review = await openReviewFor('1');
		const a = await recordOf('panrb', 'SNV-1');
		const b = await recordOf('lan', '1');
		const before = await linkState();
		const survivorBefore = await innovationOf(a.innovation_id!);
		expect(survivorBefore.stage).toBe('penciptaan');

		const result = await confirmMatchReview(db, curator, { reviewId: review.id, note: 'Sama: posyandu keliling Ngada' });
		expect(result).toMatchObject({ survivorId: a.innovation_id, loserId: b.innovation_id, movedRecords: 1 });

		const movedB = await recordOf('lan', '1');
		expect(movedB.innovation_id).toBe(a.innovation_id);
		expect(Number(movedB.match_score)).toBe(Number(review.score));
		const survivor = await innovationOf(a.innovation_id!);
		// PANRB wins the title; LAN supplies what PANRB lacks (stage, initiator), with provenance.
		expect(survivor.title).toBe('Posyandu Keliling');
		expect(survivor.provenance.title).toEqual({ source: 'panrb', externalId: 'SNV-1' });
		expect(survivor.stage).toBe('pengembangan');
		expect(survivor.provenance.stage).toEqual({ source: 'lan', externalId: '1' });
		expect(survivor.initiator_name).toBe('Maria Goreti');
		const loser = await innovationOf(b.innovation_id!);
		expect(loser.deleted_at).not.toBeNull();
		expect(loser.deleted_by).toBe(curator.id);
		const loserHistory = await db.selectFrom('change_history').select(['action', 'actor', 'reason']).where('entity_id', '=', loser.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
		expect(loserHistory).toMatchObject({ action: 'delete', actor: curator.id });
		expect(loserHistory.reason).toContain(`keputusan kurasi #${result.decisionId}`);
		expect((await db.selectFrom('match_reviews').select('status').where('id', '=', review.id).executeTakeFirstOrThrow()).status).toBe('confirmed');

		// Asked twice (another tab, a double click): refused, nothing changes.
		expect(await failure(confirmMatchReview(db, curator, { reviewId: review.id }))).toEqual({
			code: 'REVIEW_ALREADY_DECIDED',
			message: `Pasangan #${review.id} sudah dikonfirmasi sebagai duplikat oleh kurator-1. Batalkan keputusan itu di log keputusan bila perlu diubah.`
		});
		expect(await failure(rejectMatchReview(db, curator, { reviewId: review.id }))).toMatchObject({ code: 'REVIEW_ALREADY_DECIDED' });

		const log = await listMatchDecisions(db, curator, { limit: 10, offset: 0 });
		expect(log.items[0]).toMatchObject({ id: result.decisionId, kind: 'confirm', reviewId: review.id, movedRecords: 1, actor: curator.id, undoneAt: null });

		await undoMatchDecision(db, curator, { decisionId: result.decisionId, note: 'Keliru' });
		expect(await linkState()).toEqual(before);
		expect((await db.selectFrom('match_reviews').select('status').where('id', '=', review.id).executeTakeFirstOrThrow()).status).toBe('open');
		const restoredHistory = await db.selectFrom('change_history').select(['action']).where('entity_id', '=', loser.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
		expect(restoredHistory.action).toBe('restore');

		expect(await failure(undoMatchDecision(db, curator, { decisionId: result.decisionId }))).toEqual({
			code: 'DECISION_ALREADY_UNDONE',
			message: `Keputusan #${result.decisionId} sudah dibatalkan oleh kurator-1.`
		});
		expect(await failure(undoMatchDecision(db, curator, { decisionId: 999_999 }))).toEqual({
			code: 'DECISION_NOT_FOUND',
			message: 'Keputusan kurasi tidak ditemukan.'
		});
	});
});

describe('reject', () => {
	it('keeps the pair apart, and re-importing the file never proposes it again', async () => {
		// The pair confirmed and undone above is open again.
		const review = await openReviewFor('1');
		const before = await linkState();
		await rejectMatchReview(db, curator, { reviewId: review.id, note: 'Dua layanan berbeda' });
		expect(await linkState()).toEqual(before);
		expect(await db.selectFrom('match_reviews').select(['status', 'decided_by']).where('id', '=', review.id).executeTakeFirstOrThrow()).toEqual({
			status: 'rejected',
			decided_by: curator.id
		});
		expect(await failure(rejectMatchReview(db, curator, { reviewId: review.id }))).toMatchObject({
			code: 'REVIEW_ALREADY_DECIDED',
			message: `Pasangan #${review.id} sudah ditolak (bukan duplikat) oleh kurator-1. Batalkan keputusan itu di log keputusan bila perlu diubah.`
		});

		const again = await importLan(db, [
			{ id: 1, title: 'Posyandu Keliling Desa', description: '<p>Pelayanan posyandu bergerak ke dusun-dusun terpencil setiap bulan.</p>' }
		]);
		expect(again.counts).toMatchObject({ review: 0, linked: 0, unchanged: 1 });
		const reviews = await db.selectFrom('match_reviews').select(['id', 'status']).where('id', '=', review.id).execute();
		expect(reviews).toEqual([{ id: review.id, status: 'rejected' }]);
		expect(await linkState()).toEqual(before);
	});

	it('refuses an unknown pair and a too long note', async () => {
		expect(await failure(rejectMatchReview(db, curator, { reviewId: 999_999 }))).toEqual({
			code: 'REVIEW_NOT_FOUND',
			message: 'Pasangan tinjauan tidak ditemukan.'
		});
		const review = await openReviewFor('1');
		expect(await failure(confirmMatchReview(db, curator, { reviewId: review.id, note: 'x'.repeat(1001) }))).toEqual({
			code: 'VALIDATION_FAILED',
			message: 'Catatan paling panjang 1000 karakter.'
		});
	});
});

describe('split, then undo', () => {
	it('moves one record into a new innovation and undo puts everything back', async () => {
		const panrb = await recordOf('panrb', 'SNV-2');
		const lan = await recordOf('lan', '2');
		// The importer linked these two automatically.
		expect(lan.innovation_id).toBe(panrb.innovation_id);
		const original = await innovationOf(panrb.innovation_id!);
		expect(original.provenance.stage).toEqual({ source: 'lan', externalId: '2' });
		const before = await linkState();

		const result = await splitSourceRecord(db, curator, { source: 'lan', externalId: '2', fromInnovationId: original.id, note: 'Bukan inovasi yang sama' });
		const created = await innovationOf(result.innovationId);
		expect(created).toMatchObject({ title: 'Ambulans Desa Siaga', agency_id: 'pemkab-53.09', stage: 'pengembangan', version: 1, deleted_at: null });
		expect(created.provenance.title).toEqual({ source: 'lan', externalId: '2' });
		const rest = await innovationOf(original.id);
		// What only the LAN record supplied is gone from the original; its own values stay.
		expect(rest.stage).toBe('penciptaan');
		expect(rest.provenance.stage).toBeUndefined();
		expect(rest.initiator_name).toBeNull();
		expect(rest.provenance.title).toEqual({ source: 'panrb', externalId: 'SNV-2' });
		const moved = await recordOf('lan', '2');
		expect(moved).toMatchObject({ innovation_id: created.id, match_score: null, match_reasons: [] });
		const createdHistory = await db.selectFrom('change_history').select(['action', 'actor', 'version']).where('entity_id', '=', created.id).execute();
		expect(createdHistory).toEqual([{ action: 'create', actor: curator.id, version: 1 }]);

		await undoMatchDecision(db, curator, { decisionId: result.decisionId });
		const after = await linkState();
		// The split-off innovation stays, soft-deleted; everything else is as before.
		const deleted = after.innovations.find((i) => i.id === created.id)!;
		expect(deleted.deleted_at).not.toBeNull();
		expect({ ...after, innovations: after.innovations.filter((i) => i.id !== created.id) }).toEqual(before);
	});

	it('refuses to split an innovation\'s only record, an unknown record, and a record that moved', async () => {
		expect(await failure(splitSourceRecord(db, curator, { source: 'panrb', externalId: 'SNV-3' }))).toEqual({
			code: 'SPLIT_NOT_POSSIBLE',
			message: 'Rekaman sumber ini satu-satunya rekaman inovasi ini; tidak ada yang perlu dipisahkan.'
		});
		expect(await failure(splitSourceRecord(db, curator, { source: 'lan', externalId: 'tidak-ada' }))).toEqual({
			code: 'SOURCE_RECORD_NOT_FOUND',
			message: 'Rekaman sumber lan tidak-ada tidak ditemukan.'
		});
		expect(await failure(splitSourceRecord(db, curator, { source: 'lan', externalId: '2', fromInnovationId: 'inv-0000000000' }))).toEqual({
			code: 'SPLIT_NOT_POSSIBLE',
			message: 'Rekaman sumber ini sudah tidak berada di inovasi tersebut. Muat ulang halaman untuk melihat keadaan terbaru.'
		});
	});
});

describe('direct merge and dependent decisions', () => {
	it('moves records and awards, and refuses to undo a merge while a later merge depends on it', async () => {
		const target = await createInnovation(db, {
			title: 'Sekolah Lapang Iklim',
			sources: [{ source: 'panrb', externalId: 'M-1' }],
			awards: [{ programme: 'KIPP', year: 2020, level: 'Top 99' }]
		});
		const other = await createInnovation(db, {
			title: 'Sekolah Lapang Iklim Desa',
			sources: [{ source: 'lan', externalId: 'M-2' }],
			awards: [
				{ programme: 'KIPP', year: 2020, level: 'Top 99' },
				{ programme: 'IGA', year: 2021, level: 'Terbaik' }
			]
		});
		const third = await createInnovation(db, { title: 'SLI Ngada', sources: [{ source: 'lan', externalId: 'M-3' }] });
		const before = await linkState();
		const merge = await mergeInnovations(db, curator, { targetId: target.id, sourceId: other.id, note: 'Duplikat' });
		const awards = await db.selectFrom('awards').select(['innovation_id', 'programme']).where('innovation_id', 'in', [target.id, other.id]).orderBy('id').execute();
		// The award the target lacked moves; the duplicate stays with the soft-deleted innovation.
		expect(awards).toEqual([
			{ innovation_id: target.id, programme: 'KIPP' },
			{ innovation_id: other.id, programme: 'KIPP' },
			{ innovation_id: target.id, programme: 'IGA' }
		]);
		expect((await innovationOf(other.id)).deleted_at).not.toBeNull();
		// Records stored without a normalised candidate keep the values they own.
		expect((await innovationOf(target.id)).title).toBe('Sekolah Lapang Iklim');

		expect(await failure(mergeInnovations(db, curator, { targetId: target.id, sourceId: other.id }))).toEqual({
			code: 'MERGE_NOT_POSSIBLE',
			message: `Inovasi "Sekolah Lapang Iklim Desa" (${other.id}) sudah dihapus.`
		});
		expect(await failure(mergeInnovations(db, curator, { targetId: target.id, sourceId: target.id }))).toEqual({
			code: 'MERGE_NOT_POSSIBLE',
			message: 'Inovasi tidak dapat digabungkan dengan dirinya sendiri.'
		});
		expect(await failure(mergeInnovations(db, curator, { targetId: target.id, sourceId: 'bukan-id' }))).toEqual({
			code: 'VALIDATION_FAILED',
			message: '"bukan-id" bukan ID inovasi yang sah (contoh: inv-0123456789).'
		});
		expect(await failure(splitSourceRecord(db, curator, { source: 'lan', externalId: 'M-2' }))).toEqual({
			code: 'SPLIT_NOT_POSSIBLE',
			message:
				'Rekaman sumber ini disimpan tanpa data hasil normalisasi, sehingga inovasi baru tidak dapat dibentuk darinya. Impor ulang berkas sumbernya terlebih dahulu.'
		});

		const later = await mergeInnovations(db, curator, { targetId: target.id, sourceId: third.id });
		expect(await failure(undoMatchDecision(db, curator, { decisionId: merge.decisionId }))).toEqual({
			code: 'DECISION_HAS_DEPENDENTS',
			message: `Keputusan #${merge.decisionId} tidak dapat dibatalkan karena keputusan #${later.decisionId} yang dibuat sesudahnya bergantung padanya. Batalkan keputusan #${later.decisionId} terlebih dahulu.`
		});
		await undoMatchDecision(db, curator, { decisionId: later.decisionId });
		await undoMatchDecision(db, curator, { decisionId: merge.decisionId });
		expect(await linkState()).toEqual(before);
	});
});

describe('agency queue', () => {
	it('groups unknown agency names with counts and sensible suggestions', async () => {
		const queue = await listUnresolvedAgencies(db, curator);
		const ngadha = queue.items.find((i) => i.key === queue.items.find((x) => /ngadha/i.test(x.name))?.key)!;
		expect(ngadha).toMatchObject({ count: 2, sources: ['lan'] });
		expect(ngadha.suggestions[0]).toMatchObject({ agencyId: 'pemkab-53.09', name: 'Pemerintah Kabupaten Ngada' });
		expect(ngadha.suggestions).toHaveLength(3);
		expect(ngadha.message).toContain('tidak dikenali');
		const kemenkes = queue.items.find((i) => /kesehatn/i.test(i.name))!;
		expect(kemenkes.suggestions[0]?.agencyId).toBe('kemenkes');
		expect(await failure(listUnresolvedAgencies(db, operator))).toMatchObject({ code: 'FORBIDDEN' });
	});

	it('a resolved name becomes an alias with history, its rows are imported again, and it leaves the queue', async () => {
		const result = await resolveAgencyName(db, curator, { name: 'Pemkab Ngadha', agencyId: 'pemkab-53.09', note: 'Ejaan lama', stopWords: sharedStopWords() });
		expect(result).toMatchObject({ agencyId: 'pemkab-53.09', aliasAdded: true, quarantinedRows: 2 });
		expect(result.runs).toEqual([{ source: 'lan', runId: expect.any(Number), imported: 2, quarantined: 0 }]);
		const agency = await db.selectFrom('agencies').select('aliases').where('id', '=', 'pemkab-53.09').executeTakeFirstOrThrow();
		expect(agency.aliases).toContain('Pemkab Ngadha');
		const history = await db.selectFrom('change_history').select(['action', 'actor', 'reason']).where('entity_type', '=', 'agency').where('entity_id', '=', 'pemkab-53.09').execute();
		expect(history).toEqual([{ action: 'update', actor: curator.id, reason: 'Nama "Pemkab Ngadha" dipetakan oleh kurator. Catatan: Ejaan lama' }]);
		expect((await recordOf('lan', '4')).innovation_id).not.toBeNull();
		expect((await recordOf('lan', '5')).innovation_id).not.toBeNull();

		const queue = await listUnresolvedAgencies(db, curator);
		expect(queue.items.some((i) => /ngadha/i.test(i.name))).toBe(false);
		expect(queue.items.map((i) => i.name)).toEqual(['Kementrian Kesehatn']);

		expect(await failure(resolveAgencyName(db, curator, { name: 'PEMKAB NGADHA', agencyId: 'pemkab-53.09' }))).toEqual({
			code: 'AGENCY_NAME_ALREADY_RESOLVED',
			message: 'Nama "Pemkab Ngadha" sudah dipetakan ke Pemerintah Kabupaten Ngada oleh kurator-1.'
		});
		expect(await failure(resolveAgencyName(db, curator, { name: 'Kementrian Kesehatn', agencyId: 'tidak-ada' }))).toEqual({
			code: 'AGENCY_NOT_FOUND',
			message: 'Instansi "tidak-ada" tidak ditemukan.'
		});
		expect(await failure(resolveAgencyName(db, curator, { name: '  ', agencyId: 'kemenkes' }))).toEqual({
			code: 'VALIDATION_FAILED',
			message: 'Nama instansi yang dipetakan kosong.'
		});
	});

	it('shows the queues in the overview', async () => {
		const overview = await getCurationOverview(db, curator);
		const open = await listMatchReviews(db, curator, { status: 'open', limit: 1, offset: 0 });
		expect(overview.reviews).toEqual({ open: open.total, confirmed: 0, rejected: 1 });
		expect(overview.agencies).toMatchObject({ unresolvedNames: 1 });
		expect(overview.decisions.total).toBeGreaterThanOrEqual(5);
	});
});
