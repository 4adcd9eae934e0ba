import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplicationState } from '../../src/lib/server/db/schema';
import { AppError } from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/policy';
import { listReplicationDocuments } from '../../src/lib/server/repositories/replication-document-repository';
import { getReplicationDocument } from '../../src/lib/server/services/get-replication-document';
import { loadRegionBoundaries, loadRegionBoundariesIfEmpty } from '../../src/lib/server/services/load-region-boundaries';
import { removeReplicationDocument } from '../../src/lib/server/services/remove-replication-document';
import { renderReplicationAgreement } from '../../src/lib/server/services/render-replication-agreement';
import { renderReplicationCertificate } from '../../src/lib/server/services/render-replication-certificate';
import { renderReplicationMap } from '../../src/lib/server/services/render-replication-map';
import { uploadReplicationDocument } from '../../src/lib/server/services/upload-replication-document';
import type { FileStoreSettings } from '../../src/lib/server/storage/file-store';
import { createHub, createInnovation } from '../support/factories';
import { extractPdfText } from '../support/pdf-text';
import { runCli } from '../support/run-cli';
import { createUser, type TestUser } from '../support/sessions';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Replication documents (upload, download, soft removal), the agreement and certificate PDFs,
 * and the map's boundaries. Replications are inserted as rows here: the workflow's own services
 * are tested in their own files.
 */
const BOUNDARY_DIR = path.resolve(import.meta.dirname, '../../../shared/data/batas-wilayah');
const REPLICATOR = 'pemkab-53.09'; // Kabupaten Ngada
const ORIGINATOR = 'pemkot-35.78'; // Kota Surabaya

let database: TestDatabase;
let filesDir: string;
let store: FileStoreSettings;
let replikator: TestUser;
let inovator: TestUser;
let coordinator: TestUser;
let otherCoordinator: TestUser;
let outsider: TestUser;
let kurator: TestUser;
let admin: TestUser;
let innovationId: string;
let hubId: string;
let sequence = 0;

const PDF = (text = 'surat') => new Uint8Array(Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\n%%EOF\n`, 'latin1'));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
	database = await createTestDatabase();
	filesDir = mkdtempSync(path.join(tmpdir(), 'jippnas-berkas-'));
	store = { dir: filesDir, maxBytes: 1024 * 1024 };
	const hub = await createHub(database.db, { members: [REPLICATOR] });
	hubId = hub.id;
	replikator = await createUser(database, { role: 'operator', agencyId: REPLICATOR, name: 'Yohanes Bei' });
	inovator = await createUser(database, { role: 'operator', agencyId: ORIGINATOR, name: 'Siti Rahmawati' });
	coordinator = await createUser(database, { role: 'koordinator_hub', hubId });
	otherCoordinator = await createUser(database, { role: 'koordinator_hub' });
	outsider = await createUser(database, { role: 'operator', agencyId: 'pemprov-53' });
	kurator = await createUser(database, { role: 'kurator' });
	admin = await createUser(database, { role: 'admin' });
	innovationId = (await createInnovation(database.db, { agency_id: ORIGINATOR, title: 'Sistem Antrean Puskesmas Daring' })).id;
});

afterAll(async () => {
	await database?.dispose();
	if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

async function insertReplication(state: ReplicationState, columns: Record<string, unknown> = {}): Promise<string> {
	sequence += 1;
	const id = `rep-uji-${sequence}`;
	await database.db
		.insertInto('replications')
		.values({
			id,
			innovation_id: innovationId,
			originator_agency_id: ORIGINATOR,
			replicator_agency_id: REPLICATOR,
			hub_id: hubId,
			kind: 'penuh',
			state,
			interest_scope: 'Aplikasi antrean dan pelatihan petugas loket.',
			interest_reason: 'Antrean panjang di puskesmas kami setiap pagi.',
			created_by: replikator.id,
			...columns
		})
		.execute();
	return id;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(AppError);
	return error as AppError;
}

const upload = (actor: Actor | null, replicationId: string, input: { kind?: string; fileName?: string; bytes?: Uint8Array } = {}) =>
	uploadReplicationDocument(
		database.db,
		actor,
		{ replicationId, kind: input.kind ?? 'lainnya', fileName: input.fileName ?? 'surat.pdf', bytes: input.bytes ?? PDF() },
		{ store }
	);

describe('uploadReplicationDocument', () => {
	it('stores a letter of interest by its SHA-256, records it, puts it on the timeline and tells the others', async () => {
		const id = await insertReplication('minat');
		const bytes = PDF('surat minat');
		const document = await upload(replikator.actor, id, { kind: 'surat_minat', fileName: 'C:\\berkas\\Surat Minat.PDF', bytes });
		const checksum = sha256(bytes);
		expect(document).toMatchObject({
			replication_id: id,
			kind: 'surat_minat',
			file_name: 'Surat Minat.pdf',
			media_type: 'application/pdf',
			size_bytes: bytes.byteLength,
			sha256: checksum,
			storage_path: `${checksum.slice(0, 2)}/${checksum.slice(2, 4)}/${checksum}`,
			uploaded_by: replikator.id,
			removed_at: null
		});
		expect(readFileSync(path.join(filesDir, document.storage_path))).toEqual(Buffer.from(bytes));

		const events = await database.db.selectFrom('replication_events').selectAll().where('replication_id', '=', id).execute();
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ kind: 'document_uploaded', actor: replikator.id, actor_part: 'replikator' });
		expect(events[0]!.payload).toEqual({ documentId: document.id, kind: 'surat_minat', fileName: 'Surat Minat.pdf' });
		const history = await database.db.selectFrom('change_history').selectAll().where('entity_id', '=', document.id).execute();
		expect(history.map((h) => [h.entity_type, h.action])).toEqual([['replication_document', 'create']]);
		const notified = await database.db.selectFrom('notifications').select('user_id').where('replication_id', '=', id).execute();
		expect(notified.map((n) => n.user_id)).toContain(inovator.id);
		expect(notified.map((n) => n.user_id)).not.toContain(replikator.id);
	});

	it('takes a PNG or JPEG whatever its name, and keeps one file for the same content', async () => {
		const id = await insertReplication('persiapan');
		const first = await upload(inovator.actor, id, { kind: 'lainnya', fileName: 'foto.pdf', bytes: PNG });
		expect(first).toMatchObject({ media_type: 'image/png', file_name: 'foto.png' });
		const second = await upload(coordinator.actor, id, { kind: 'rencana_adaptasi', fileName: 'rencana', bytes: PNG });
		expect(second.storage_path).toBe(first.storage_path);
		expect(second.id).not.toBe(first.id);
		const jpeg = await upload(admin.actor, id, { kind: 'surat_komitmen', fileName: 'komitmen.jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 1, 2]) });
		expect(jpeg).toMatchObject({ media_type: 'image/jpeg', file_name: 'komitmen.jpg' });
		const events = await database.db.selectFrom('replication_events').select('actor_part').where('replication_id', '=', id).orderBy('id').execute();
		expect(events.map((e) => e.actor_part)).toEqual(['inovator', 'fasilitator', 'fasilitator']);
	});

	it('refuses content that is not PDF, JPEG or PNG, empty files and files over the limit, storing nothing', async () => {
		const id = await insertReplication('kesepakatan');
		const html = await failure(upload(replikator.actor, id, { fileName: 'kesepakatan.pdf', bytes: new Uint8Array(Buffer.from('<!doctype html><p>%PDF-1.4</p>')) }));
		expect(html.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
		expect(html.status).toBe(415);
		expect(html.message).toBe('Berkas harus PDF, JPEG atau PNG. Isi berkas ini bukan salah satunya (nama berkas tidak menentukan jenisnya).');
		const exe = await failure(upload(replikator.actor, id, { fileName: 'scan.png', bytes: new Uint8Array(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')) }));
		expect(exe.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
		const empty = await failure(upload(replikator.actor, id, { bytes: new Uint8Array() }));
		expect(empty.code).toBe('UPLOAD_EMPTY');
		expect(empty.message).toBe('Berkas kosong. Pilih berkas yang berisi dokumennya.');
		const big = new Uint8Array(store.maxBytes + 1);
		big.set(PDF());
		const tooLarge = await failure(upload(replikator.actor, id, { bytes: big }));
		expect(tooLarge.code).toBe('UPLOAD_TOO_LARGE');
		expect(tooLarge.message).toBe('Berkas terlalu besar: maksimal 1 MB.');
		expect(await listReplicationDocuments(database.db, id)).toEqual([]);
		expect(existsSync(path.join(filesDir, sha256(big).slice(0, 2), sha256(big).slice(2, 4), sha256(big)))).toBe(false);
	});

	it('takes each kind only at its step, and nothing once the replication is closed', async () => {
		const minat = await insertReplication('minat');
		const early = await failure(upload(replikator.actor, minat, { kind: 'surat_komitmen' }));
		expect(early.code).toBe('DOCUMENT_KIND_NOT_ALLOWED');
		expect(early.message).toBe(
			'Surat komitmen hanya dapat diunggah pada tahap persiapan atau implementasi; replikasi ini sedang pada tahap minat.'
		);
		const signed = await insertReplication('kesepakatan');
		await expect(upload(inovator.actor, signed, { kind: 'kesepakatan_ditandatangani' })).resolves.toMatchObject({ kind: 'kesepakatan_ditandatangani' });
		const done = await insertReplication('selesai');
		const closed = await failure(upload(replikator.actor, done, { kind: 'lainnya' }));
		expect(closed.code).toBe('DOCUMENT_KIND_NOT_ALLOWED');
		expect(closed.message).toBe('Replikasi ini sudah ditutup (selesai); dokumen tidak dapat diunggah lagi.');
		const unknown = await failure(upload(replikator.actor, minat, { kind: 'foto' }));
		expect(unknown.code).toBe('VALIDATION_FAILED');
		expect(unknown.message).toBe('Pilih jenis dokumen.');
	});

	it('refuses whoever is no party: the public, other agencies and hubs (as not found), curators (forbidden)', async () => {
		const id = await insertReplication('persiapan');
		expect((await failure(upload(null, id))).code).toBe('UNAUTHENTICATED');
		const stranger = await failure(upload(outsider.actor, id));
		expect([stranger.code, stranger.status, stranger.message]).toEqual(['REPLICATION_NOT_FOUND', 404, 'Replikasi tidak ditemukan.']);
		expect((await failure(upload(otherCoordinator.actor, id))).code).toBe('REPLICATION_NOT_FOUND');
		expect((await failure(upload(replikator.actor, 'rep-tidak-ada'))).code).toBe('REPLICATION_NOT_FOUND');
		expect((await failure(upload(kurator.actor, id))).code).toBe('FORBIDDEN');
		expect(await listReplicationDocuments(database.db, id)).toEqual([]);
	});
});

describe('getReplicationDocument', () => {
	it('gives the bytes to parties, facilitators and staff, checked against the checksum; others learn nothing', async () => {
		const id = await insertReplication('implementasi');
		const bytes = PDF('komitmen');
		const document = await upload(replikator.actor, id, { kind: 'surat_komitmen', fileName: 'komitmen.pdf', bytes });
		for (const reader of [replikator, inovator, coordinator, kurator, admin]) {
			const file = await getReplicationDocument(database.db, reader.actor, document.id, { store });
			expect(file).toMatchObject({ fileName: 'komitmen.pdf', mediaType: 'application/pdf', sha256: sha256(bytes), sizeBytes: bytes.byteLength });
			expect(Buffer.from(file.bytes).equals(Buffer.from(bytes))).toBe(true);
		}
		for (const reader of [outsider.actor, otherCoordinator.actor, null]) {
			const refused = await failure(getReplicationDocument(database.db, reader, document.id, { store }));
			expect([refused.code, refused.status, refused.message]).toEqual(['DOCUMENT_NOT_FOUND', 404, 'Dokumen tidak ditemukan.']);
		}
		expect((await failure(getReplicationDocument(database.db, admin.actor, 'dok-tidak-ada', { store }))).code).toBe('DOCUMENT_NOT_FOUND');
	});

	it('refuses a stored file that changed since it was uploaded', async () => {
		const id = await insertReplication('implementasi');
		const document = await upload(replikator.actor, id, { bytes: PDF('akan rusak') });
		writeFileSync(path.join(filesDir, document.storage_path), PDF('diganti'));
		const damaged = await failure(getReplicationDocument(database.db, replikator.actor, document.id, { store }));
		expect(damaged.code).toBe('STORED_FILE_UNREADABLE');
		expect(damaged.message).toContain('checksum tidak cocok');
		// Uploading the same content again repairs the stored copy.
		await upload(replikator.actor, id, { bytes: PDF('akan rusak') });
		await expect(getReplicationDocument(database.db, replikator.actor, document.id, { store })).resolves.toMatchObject({ id: document.id });
	});
});

describe('removeReplicationDocument', () => {
	it('removes softly: by its uploader or a facilitator, once, kept for staff and on the timeline', async () => {
		const id = await insertReplication('pemantauan');
		const own = await upload(replikator.actor, id, { kind: 'laporan_pemantauan', fileName: 'laporan-1.pdf', bytes: PDF('laporan 1') });
		const theirs = await upload(inovator.actor, id, { fileName: 'catatan.pdf', bytes: PDF('catatan') });

		expect((await failure(removeReplicationDocument(database.db, inovator.actor, { documentId: own.id }))).code).toBe('FORBIDDEN');
		expect((await failure(removeReplicationDocument(database.db, kurator.actor, { documentId: own.id }))).code).toBe('FORBIDDEN');
		expect((await failure(removeReplicationDocument(database.db, outsider.actor, { documentId: own.id }))).code).toBe('DOCUMENT_NOT_FOUND');

		await expect(removeReplicationDocument(database.db, replikator.actor, { documentId: own.id, reason: 'Salah berkas' })).resolves.toEqual({
			id: own.id,
			replicationId: id
		});
		await removeReplicationDocument(database.db, coordinator.actor, { documentId: theirs.id });
		const again = await failure(removeReplicationDocument(database.db, admin.actor, { documentId: own.id }));
		expect([again.code, again.message]).toEqual(['DOCUMENT_ALREADY_REMOVED', 'Dokumen ini sudah dihapus.']);

		const listed = await listReplicationDocuments(database.db, id);
		expect(listed.map((d) => [d.file_name, d.removed, d.removed_by])).toEqual([
			['laporan-1.pdf', true, replikator.id],
			['catatan.pdf', true, coordinator.id]
		]);
		expect(listed[0]!.uploader_name).toBe('Yohanes Bei');
		expect((await failure(getReplicationDocument(database.db, replikator.actor, own.id, { store }))).code).toBe('DOCUMENT_REMOVED');
		await expect(getReplicationDocument(database.db, kurator.actor, own.id, { store })).resolves.toMatchObject({ id: own.id });
		expect(existsSync(path.join(filesDir, own.storage_path))).toBe(true);

		const closedId = await insertReplication('implementasi');
		const late = await upload(replikator.actor, closedId);
		await database.db.updateTable('replications').set({ state: 'dihentikan' }).where('id', '=', closedId).execute();
		const frozen = await failure(removeReplicationDocument(database.db, admin.actor, { documentId: late.id }));
		expect([frozen.code, frozen.message]).toEqual(['REPLICATION_STEP_NOT_ALLOWED', 'Replikasi ini sudah ditutup; dokumennya tidak dapat dihapus lagi.']);

		const events = await database.db
			.selectFrom('replication_events')
			.select(['kind', 'actor_part', 'note'])
			.where('replication_id', '=', id)
			.where('kind', '=', 'document_removed')
			.orderBy('id')
			.execute();
		expect(events).toEqual([
			{ kind: 'document_removed', actor_part: 'replikator', note: 'Salah berkas' },
			{ kind: 'document_removed', actor_part: 'fasilitator', note: null }
		]);
	});
});

describe('agreement and certificate PDFs', () => {
	it('renders the agreement for the parties once drafted, and hides it from others', async () => {
		const id = await insertReplication('diverifikasi');
		expect((await failure(renderReplicationAgreement(database.db, replikator.actor, id))).code).toBe('AGREEMENT_NOT_DRAFTED');
		await database.db
			.updateTable('replications')
			.set({
				state: 'kesepakatan',
				agreement_number: '001/KS-REP/JIPPNAS/2026',
				agreement_duties_originator: 'Menyerahkan kode sumber dan melatih petugas.',
				agreement_duties_replicator: 'Menyiapkan server dan melaporkan hasil setiap tiga bulan.',
				agreement_valid_from: '2026-12-01',
				agreement_valid_until: '2027-11-30',
				agreement_confirmed_by_originator_at: new Date('2026-11-21T02:00:00Z'),
				agreement_confirmed_by_originator: inovator.id
			})
			.where('id', '=', id)
			.execute();
		const rendered = await renderReplicationAgreement(database.db, coordinator.actor, id);
		expect(rendered).toMatchObject({ fileName: 'kesepakatan-replikasi-001-KS-REP-JIPPNAS-2026.pdf', mediaType: 'application/pdf' });
		const pdf = await extractPdfText(rendered.bytes);
		expect(pdf.text).toContain('Nomor: 001/KS-REP/JIPPNAS/2026');
		expect(pdf.text).toContain('Pemerintah Kota Surabaya, selaku pemilik inovasi, selanjutnya disebut PIHAK PERTAMA');
		expect(pdf.text).toContain('Pemerintah Kabupaten Ngada, selaku pereplikasi inovasi, selanjutnya disebut PIHAK KEDUA');
		expect(pdf.text).toContain('Sistem Antrean Puskesmas Daring');
		expect(pdf.text).toContain('berlaku sejak 1 Desember 2026 sampai dengan 30 November 2027');
		expect(pdf.text).toContain('PIHAK PERTAMA: telah dikonfirmasi di JIPPNas oleh Siti Rahmawati pada 21 November 2026.');
		expect(pdf.text).toContain('DRAF');
		for (const reader of [outsider.actor, null]) {
			expect((await failure(renderReplicationAgreement(database.db, reader, id))).code).toBe('REPLICATION_NOT_FOUND');
		}
	});

	it('gives everyone the certificate of a completed replication, and nobody one before', async () => {
		const id = await insertReplication('pemantauan');
		expect((await failure(renderReplicationCertificate(database.db, null, id))).code).toBe('REPLICATION_NOT_FOUND');
		const early = await failure(renderReplicationCertificate(database.db, replikator.actor, id));
		expect([early.code, early.status]).toEqual(['CERTIFICATE_NOT_AVAILABLE', 409]);
		await database.db
			.updateTable('replications')
			.set({ state: 'selesai', certificate_number: '004/SRT-REP/JIPPNAS/2027', completed_at: new Date('2027-06-15T03:00:00Z') })
			.where('id', '=', id)
			.execute();
		const rendered = await renderReplicationCertificate(database.db, null, id, { baseUrl: 'https://jippnas.example.go.id' });
		expect(rendered.fileName).toBe('sertifikat-replikasi-004-SRT-REP-JIPPNAS-2027.pdf');
		const pdf = await extractPdfText(rendered.bytes);
		expect(pdf.text).toContain('Nomor: 004/SRT-REP/JIPPNAS/2027');
		expect(pdf.text).toContain('Pemerintah Kabupaten Ngada telah menyelesaikan replikasi inovasi “Sistem Antrean Puskesmas Daring” dari Pemerintah Kota Surabaya');
		expect(pdf.text).toContain('selesai pada 15 Juni 2027');
		expect(pdf.text).toContain(`https://jippnas.example.go.id/replikasi/${id}`);
	});
});

describe('region boundaries and the replication map', () => {
	it('draws dots on a blank frame before any boundary is loaded', async () => {
		const svg = await renderReplicationMap(database.db, [
			{ agencyName: 'Pemerintah Kabupaten Ngada', agencyId: REPLICATOR, state: 'selesai' },
			{ agencyName: 'Pemerintah Kota Kupang', regionCode: '53.71', state: 'persiapan', point: { lat: -10.17, lng: 123.6 } }
		]);
		expect(svg).not.toContain('<path');
		// No centroids loaded either: an agency whose position the caller knows is placed, the other listed only.
		expect(svg).toContain('2 instansi (1 selesai, 1 sedang berjalan); 1 tanpa lokasi di peta.');
		expect(svg).toContain('<title>Pemerintah Kota Kupang — Persiapan</title>');
		expect(svg).not.toContain('<title>Pemerintah Kabupaten Ngada');
	});

	it('loads outlines and centroids once; loading again changes nothing', async () => {
		const first = await loadRegionBoundaries(database.db, BOUNDARY_DIR);
		expect(first).toMatchObject({
			boundaryFile: 'provinsi-38-simplified.geojson',
			centroidFile: 'centroid_wilayah.csv',
			boundaries: { read: 38, inserted: 38, updated: 0, unchanged: 0 },
			centroids: { read: 552, inserted: 552, updated: 0, unchanged: 0 },
			problems: []
		});
		const second = await loadRegionBoundaries(database.db, BOUNDARY_DIR);
		expect(second.boundaries).toEqual({ read: 38, inserted: 0, updated: 0, unchanged: 38 });
		expect(second.centroids).toEqual({ read: 552, inserted: 0, updated: 0, unchanged: 552 });
		expect(await loadRegionBoundariesIfEmpty(database.db, BOUNDARY_DIR)).toEqual({ skipped: 'not-empty' });
		const history = await database.db.selectFrom('change_history').select('action').where('entity_type', '=', 'region_boundaries').execute();
		expect(history).toEqual([{ action: 'import' }]);
	});

	it('draws the provinces and a dot per agency at its region (central agencies in Jakarta)', async () => {
		const svg = await renderReplicationMap(
			database.db,
			[
				{ agencyName: 'Pemerintah Kabupaten Ngada', agencyId: REPLICATOR, state: 'selesai', detail: 'Replikasi penuh' },
				{ agencyName: 'Kementerian Kesehatan', agencyId: 'kemenkes', state: 'implementasi' },
				{ agencyName: 'Pemerintah Kota Surabaya', regionCode: '35.78', state: 'dibatalkan' }
			],
			{ title: 'Sistem Antrean Puskesmas Daring' }
		);
		expect(svg.match(/<path /g)).toHaveLength(38);
		expect(svg.length).toBeLessThan(60_000);
		expect(svg).toContain('aria-label="Peta replikasi Sistem Antrean Puskesmas Daring: 3 instansi (1 selesai, 1 sedang berjalan, 1 berhenti)."');
		expect(svg).toContain('<title>Pemerintah Kabupaten Ngada — Replikasi penuh — Selesai</title>');
		expect(svg).toContain('<title>Kementerian Kesehatan — Implementasi</title>');
	});

	it('jippnas load-boundaries loads a folder and refuses a missing one', async () => {
		const workDir = mkdtempSync(path.join(tmpdir(), 'jippnas-batas-cli-'));
		try {
			const env = { DATA_DIR: './data', DATABASE_URL: '', SEED_DEMO: 'never' };
			const loaded = await runCli(['load-boundaries', BOUNDARY_DIR], { cwd: workDir, env });
			expect(loaded.stdout).toContain(
				'Selesai: batas wilayah dari provinsi-38-simplified.geojson: 38 dibaca, 38 baru, 0 diperbarui, 0 tetap; titik tengah dari centroid_wilayah.csv: 552 dibaca, 552 baru, 0 diperbarui, 0 tetap.'
			);
			expect(loaded.code).toBe(0);
			const missing = await runCli(['load-boundaries', path.join(workDir, 'tidak-ada')], { cwd: workDir, env });
			expect(missing.stderr).toContain('tidak-ada tidak ditemukan.');
			expect(missing.code).toBe(1);
		} finally {
			rmSync(workDir, { recursive: true, force: true });
		}
	}, 120_000);
});

