import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Kysely } from 'kysely';
import { provideAppDatabase } from '../../src/lib/server/app-database';
import type { DB } from '../../src/lib/server/db/schema';
import { AppError } from '../../src/lib/server/errors';
import { createInnovation } from '../../src/lib/server/services/create-innovation';
import { searchInnovations } from '../../src/lib/server/services/search-innovations';
import { updateInnovation } from '../../src/lib/server/services/update-innovation';
import * as listApi from '../../src/routes/api/v1/innovations/+server';
import * as oneApi from '../../src/routes/api/v1/innovations/[id]/+server';
import * as innovationPage from '../../src/routes/inovasi/[id]/+page.server';
import * as editPage from '../../src/routes/inovasi/[id]/ubah/+page.server';
import * as newPage from '../../src/routes/inovasi/baru/+page.server';
import { callEndpoint } from '../support/call-endpoint';
import { callThroughHooks } from '../support/call-through-hooks';
import { createInnovation as insertInnovation } from '../support/factories';
import { authenticatedEvent, outcome } from '../support/request-event';
import { createUser, signIn, type TestSession, type TestUser } from '../support/sessions';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Entering and editing innovations by hand: the service, every page load and form action
 * (/inovasi/baru, /inovasi/[id]/ubah, ?/hapus and ?/pulihkan on /inovasi/[id]) and every write
 * of the API (POST, PATCH, DELETE /api/v1/innovations). Agency A is Kabupaten Ngada
 * (pemkab-53.09), agency B Kota Surabaya (pemkot-35.78): A's operator must not create for B,
 * nor edit, delete or restore B's innovations, whatever route is used; the database shows
 * nothing changed. Controls show the same requests succeed for those allowed.
 */

vi.stubEnv('BASE_URL', '');
vi.stubEnv('PAGE_CACHE_SECONDS', '0');

const A = 'pemkab-53.09';
const B = 'pemkot-35.78';
const B_TITLE = 'Antrean Puskesmas Daring Surabaya';
const STALE_MESSAGE =
	'Inovasi ini sudah diubah oleh orang lain sejak Anda membukanya. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda.';
const FORBIDDEN = { error: { code: 'FORBIDDEN', message: 'Anda tidak berwenang melakukan tindakan ini.' } };
const CSRF_MESSAGE =
	'Formulir ditolak: token keamanan tidak ada atau tidak cocok (mungkin halaman sudah terlalu lama dibuka). Muat ulang halaman, lalu kirim lagi.';

let database: TestDatabase;
let db: Kysely<DB>;
let operatorA: TestUser;
let operatorB: TestUser;
let admin: TestUser;
let coordinator: TestUser;
const sessions = new Map<string, TestSession>();
/** B's innovation, which A's operator keeps trying to change. */
let bInnovation: string;

const summary = (what: string) => `${what}: warga mengambil nomor antrean dari rumah lewat SMS, lalu datang saat gilirannya tiba.`;

/** A form as the innovation form sends it (every field present, most empty). */
function innovationForm(fields: Record<string, string>): Record<string, string> {
	return {
		title: '',
		acronym: '',
		yearStarted: '',
		startedOn: '',
		stage: 'penciptaan',
		mainAffair: '',
		isDigital: '',
		summary: '',
		problem: '',
		aims: '',
		novelty: '',
		implementation: '',
		results: '',
		transferability: '',
		resources: '',
		sustainabilityStrategy: '',
		sustainabilityStatus: '',
		statusVerifiedOn: '',
		regulationRef: '',
		budgetLine: '',
		sopRef: '',
		videoUrl: '',
		...fields
	};
}

/** A page load or form action as this user (locals.actor from the session cookie), or signed out. */
async function asUser(user: TestUser | null, handler: unknown, target: string, options: { params?: Record<string, string>; form?: Record<string, string> } = {}) {
	const built = await authenticatedEvent({
		db: database,
		path: target,
		cookie: user ? sessions.get(user.id)!.cookie : undefined,
		params: options.params,
		form: options.form
	});
	return outcome(() => (handler as (event: unknown) => unknown)(built.event));
}

/** An API call through the hooks, with the user's session and CSRF header (signed out: neither). */
const api = (user: TestUser | null, handler: unknown, target: string, options: { method?: string; params?: Record<string, string>; json?: unknown } = {}) =>
	callThroughHooks(handler as never, {
		db: database,
		path: target,
		method: options.method,
		params: options.params,
		json: options.json,
		cookie: user ? sessions.get(user.id)!.cookie : undefined,
		csrf: user ? sessions.get(user.id)!.csrf : undefined
	});

const row = (id: string) => db.selectFrom('innovations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const historyOf = (id: string) =>
	db.selectFrom('change_history').select(['action', 'version', 'actor', 'changes', 'reason']).where('entity_id', '=', id).orderBy('id').execute();
const countInnovations = async () => Number((await db.selectFrom('innovations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const found = async (q: string) => (await searchInnovations(db, { q, limit: 5, facets: false })).ids;

async function codeOf(work: Promise<unknown>): Promise<string> {
	try {
		await work;
		return 'ok';
	} catch (error) {
		if (error instanceof AppError) return error.code;
		throw error;
	}
}

beforeAll(async () => {
	database = await createTestDatabase();
	provideAppDatabase(database);
	db = database.db;
	operatorA = await createUser(db, { role: 'operator', agencyId: A, name: 'Agus Ngada' });
	operatorB = await createUser(db, { role: 'operator', agencyId: B, name: 'Siti Surabaya' });
	admin = await createUser(db, { role: 'admin', name: 'Admin Nasional' });
	coordinator = await createUser(db, { role: 'koordinator_hub', name: 'Koordinator Hub' });
	for (const user of [operatorA, operatorB, admin, coordinator]) sessions.set(user.id, await signIn(db, user));
	bInnovation = (await insertInnovation(db, { agency_id: B, title: B_TITLE, summary: summary('Antrean puskesmas') })).id;
}, 120_000);

afterAll(async () => {
	await database?.dispose();
	vi.unstubAllEnvs();
});

describe('createInnovation', () => {
	it('creates for the operator’s own agency in its region, marked as entered by hand, with a create entry, found by search', async () => {
		const done = await createInnovation(db, operatorA.actor, {
			title: 'Gerai Akta Lahir Bajawa',
			summary: 'Akta kelahiran diterbitkan langsung di puskesmas saat bayi lahir, tanpa ke kantor dinas.',
			yearStarted: 2023,
			mainAffair: 'administrasi_kependudukan_dan_pencatatan_sipil',
			sdgs: [16],
			isDigital: false
		});
		expect(done.created).toBe(true);
		if (!done.created) return;
		const stored = await row(done.id);
		expect([stored.agency_id, stored.region_code, stored.version, stored.year_started, stored.is_digital]).toEqual([A, '53.09', 1, 2023, false]);
		expect(stored.provenance.title).toEqual({ source: 'manual' });
		expect(stored.provenance.region_code).toEqual({ source: 'manual' });
		const history = await historyOf(done.id);
		expect(history.map((h) => [h.action, h.version, h.actor])).toEqual([['create', 1, operatorA.id]]);
		expect(history[0]!.changes.title).toEqual({ from: null, to: 'Gerai Akta Lahir Bajawa' });
		expect(history[0]!.changes.agency_id).toEqual({ from: null, to: A });
		expect(await found('gerai akta lahir bajawa')).toContain(done.id);
	});

	it('lets admins choose the agency, and refuses those who may not create for it', async () => {
		const input = { title: 'Layanan Rujukan Daring Nasional', summary: summary('Rujukan') };
		expect(await codeOf(createInnovation(db, null, input))).toBe('UNAUTHENTICATED');
		expect(await codeOf(createInnovation(db, operatorA.actor, { ...input, agencyId: B }))).toBe('FORBIDDEN');
		expect(await codeOf(createInnovation(db, coordinator.actor, { ...input, agencyId: A }))).toBe('FORBIDDEN');
		expect(await codeOf(createInnovation(db, admin.actor, input))).toBe('INNOVATION_AGENCY_REQUIRED');
		expect(await codeOf(createInnovation(db, admin.actor, { ...input, agencyId: 'tidak-ada' }))).toBe('AGENCY_NOT_FOUND');
		const done = await createInnovation(db, admin.actor, { ...input, agencyId: 'kemenkes' });
		expect(done.created).toBe(true);
		if (done.created) expect(await row(done.id)).toMatchObject({ agency_id: 'kemenkes', region_code: null });
	});

	it('refuses invalid input with the Indonesian message of the first problem and every problem listed', async () => {
		const error = await createInnovation(db, operatorA.actor, { title: 'AB', summary: '' }).catch((e: unknown) => e as AppError);
		expect(error).toBeInstanceOf(AppError);
		expect([(error as AppError).code, (error as AppError).message]).toEqual(['VALIDATION_FAILED', 'Judul minimal 3 karakter']);
		expect((error as AppError).details).toEqual([
			{ path: 'title', message: 'Judul minimal 3 karakter' },
			{ path: 'summary', message: 'Ringkasan wajib diisi' }
		]);
	});

	it('stops at a strong match (same title) unless confirmed, listing it first', async () => {
		const before = await countInnovations();
		const input = { title: 'antrean puskesmas daring surabaya', summary: summary('Antrean') };
		const stopped = await createInnovation(db, operatorA.actor, input);
		expect(stopped).toMatchObject({ created: false, strong: true });
		expect(stopped.similar[0]).toMatchObject({ id: bInnovation, strong: true, reason: 'Judulnya sama', agency: { id: B } });
		expect(stopped.similar.length).toBeLessThanOrEqual(5);
		expect(await countInnovations()).toBe(before);
		const saved = await createInnovation(db, operatorA.actor, input, { stopOn: 'never' });
		expect(saved.created).toBe(true);
		expect(await countInnovations()).toBe(before + 1);
	});
});

describe('/inovasi/baru', () => {
	it('sends the signed-out to sign in, refuses hub coordinators, and shows operators their agency', async () => {
		expect(await asUser(null, newPage.load, '/inovasi/baru')).toEqual({ kind: 'redirect', status: 303, location: '/masuk?kembali=%2Finovasi%2Fbaru' });
		expect(await asUser(coordinator, newPage.load, '/inovasi/baru')).toMatchObject({ kind: 'error', status: 403 });
		const page = await asUser(operatorA, newPage.load, '/inovasi/baru');
		expect(page).toMatchObject({ kind: 'value', value: { creation: { agency: { id: A, name: 'Pemerintah Kabupaten Ngada' }, agencyRequired: false } } });
		expect(await asUser(admin, newPage.load, '/inovasi/baru')).toMatchObject({ kind: 'value', value: { creation: { agency: null, agencyRequired: true } } });
	});

	it('refuses the signed-out, another agency and invalid input, keeping what was typed', async () => {
		const before = await countInnovations();
		const form = innovationForm({ title: 'Pojok Baca Desa Ngada', summary: summary('Pojok baca') });
		expect(await asUser(null, newPage.actions.default, '/inovasi/baru', { form })).toMatchObject({ kind: 'redirect', status: 303 });
		const other = await asUser(operatorA, newPage.actions.default, '/inovasi/baru', { form: { ...form, agencyId: B, langkah: 'tetap-simpan' } });
		expect(other).toMatchObject({ kind: 'failure', status: 403, data: { message: 'Anda tidak berwenang melakukan tindakan ini.' } });
		const invalid = await asUser(operatorA, newPage.actions.default, '/inovasi/baru', {
			form: innovationForm({ title: 'AB', summary: 'Pendek.', yearStarted: '1900', sdgs: '3' })
		});
		expect(invalid).toMatchObject({
			kind: 'failure',
			status: 400,
			data: {
				action: 'simpan',
				message: 'Judul minimal 3 karakter; Tahun mulai minimal 1945; Ringkasan minimal 20 karakter',
				values: { title: 'AB', yearStarted: '1900', sdgs: ['3'] }
			}
		});
		expect(await countInnovations()).toBe(before);
	});

	it('shows similar innovations first, asks for "Tetap simpan" on a strong match, then saves', async () => {
		const before = await countInnovations();
		const form = innovationForm({ title: B_TITLE, summary: summary('Antrean puskesmas di Ngada'), mainAffair: 'kesehatan', sdgs: '3', isDigital: 'ya' });
		const checked = await asUser(operatorA, newPage.actions.default, '/inovasi/baru', { form: { ...form, langkah: 'periksa' } });
		expect(checked).toMatchObject({ kind: 'value', value: { review: true, strong: true, values: { title: B_TITLE } } });
		const similar = (checked as { value: { similar: Array<{ id: string; strong: boolean }> } }).value.similar;
		expect(similar.length).toBeLessThanOrEqual(5);
		expect(similar[0]!.strong).toBe(true);
		expect(similar.filter((s) => s.strong).map((s) => s.id)).toContain(bInnovation);
		// "Simpan" is not enough while a strong match stands.
		const again = await asUser(operatorA, newPage.actions.default, '/inovasi/baru', { form: { ...form, langkah: 'simpan' } });
		expect(again).toMatchObject({ kind: 'value', value: { review: true, strong: true } });
		expect(await countInnovations()).toBe(before);

		const saved = await asUser(operatorA, newPage.actions.default, '/inovasi/baru', { form: { ...form, langkah: 'tetap-simpan' } });
		expect(saved).toMatchObject({ kind: 'redirect', status: 303 });
		const id = /^\/inovasi\/(inv-[0-9a-z]{10})\?dibuat=1$/.exec((saved as { location: string }).location)![1]!;
		expect(await row(id)).toMatchObject({ agency_id: A, title: B_TITLE, main_affair: 'kesehatan', sdgs: [3], is_digital: true });
		expect((await historyOf(id)).map((h) => h.action)).toEqual(['create']);
		const page = await asUser(operatorA, innovationPage.load, `/inovasi/${id}?dibuat=1`, { params: { id } });
		expect(page).toMatchObject({ kind: 'value', value: { notice: 'innovation.createdNotice', manage: { canEdit: true, canDelete: true } } });
	});

	it('saves at once when nothing similar exists', async () => {
		const saved = await asUser(operatorA, newPage.actions.default, '/inovasi/baru', {
			form: innovationForm({ title: 'Zxqv Wobblenest Kromulent', summary: 'Qorvath plimbus zendarik vulpex tramonel sqeuble.', langkah: 'periksa' })
		});
		expect(saved).toMatchObject({ kind: 'redirect', status: 303 });
	});
});

describe('/inovasi/[id]/ubah', () => {
	async function ownInnovation(title: string) {
		return (await insertInnovation(db, { agency_id: A, title, summary: summary(title) })).id;
	}

	it('sends the signed-out to sign in and refuses another agency’s operator', async () => {
		const target = `/inovasi/${bInnovation}/ubah`;
		expect(await asUser(null, editPage.load, target, { params: { id: bInnovation } })).toEqual({
			kind: 'redirect',
			status: 303,
			location: `/masuk?kembali=${encodeURIComponent(target)}`
		});
		expect(await asUser(operatorA, editPage.load, target, { params: { id: bInnovation } })).toMatchObject({ kind: 'error', status: 403 });
		const before = await row(bInnovation);
		const form = innovationForm({ title: 'Diambil alih Ngada', summary: summary('Diambil alih'), version: String(before.version) });
		expect(await asUser(null, editPage.actions.default, target, { params: { id: bInnovation }, form })).toMatchObject({ kind: 'redirect', status: 303 });
		expect(await asUser(operatorA, editPage.actions.default, target, { params: { id: bInnovation }, form })).toMatchObject({
			kind: 'failure',
			status: 403,
			data: { message: 'Anda tidak berwenang melakukan tindakan ini.' }
		});
		expect(await row(bInnovation)).toEqual(before);
		expect(await asUser(operatorB, editPage.load, target, { params: { id: bInnovation } })).toMatchObject({
			kind: 'value',
			value: { innovation: { id: bInnovation, version: before.version }, values: { title: B_TITLE } }
		});
	});

	it('refuses invalid input with the exact message and keeps what was typed', async () => {
		const id = await ownInnovation('Mobil Layanan Keliling Ngada');
		const result = await asUser(operatorA, editPage.actions.default, `/inovasi/${id}/ubah`, {
			params: { id },
			form: innovationForm({ title: 'Mobil Layanan Keliling Ngada', summary: summary('Mobil'), videoUrl: 'ftp://contoh', version: '1' })
		});
		expect(result).toMatchObject({ kind: 'failure', status: 400, data: { message: 'Tautan video harus berupa URL http(s)', values: { videoUrl: 'ftp://contoh' } } });
		expect((await row(id)).version).toBe(1);
	});

	it('on a stale version shows the message, the values saved now and the new version, keeping what was typed', async () => {
		const id = await ownInnovation('Posyandu Digital Bajawa');
		const opened = await asUser(operatorA, editPage.load, `/inovasi/${id}/ubah`, { params: { id } });
		const { innovation, values } = (opened as { value: { innovation: { version: number }; values: Record<string, string | string[]> } }).value;
		const version = innovation.version;
		await updateInnovation(db, admin.actor, { id, expectedVersion: version, changes: { title: 'Posyandu Digital Kabupaten Ngada' } });
		// The form as it was opened (one SDG), with the title changed.
		const asOpened = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join() : v]));
		const result = await asUser(operatorA, editPage.actions.default, `/inovasi/${id}/ubah`, {
			params: { id },
			form: { ...asOpened, title: 'Posyandu Digital Bajawa Sehat', version: String(version), alasan: 'Judul resmi' }
		});
		expect(result).toMatchObject({
			kind: 'failure',
			status: 409,
			data: {
				message: STALE_MESSAGE,
				values: { title: 'Posyandu Digital Bajawa Sehat', alasan: 'Judul resmi' },
				stale: { version: version + 1, differences: [{ column: 'title', value: 'Posyandu Digital Kabupaten Ngada' }] }
			}
		});
		expect((await row(id)).title).toBe('Posyandu Digital Kabupaten Ngada');
	});

	it('saves an edit: history with the reason, the page and the search index show the new title', async () => {
		const id = await ownInnovation('Sekolah Lapang Kopi Arabika');
		const result = await asUser(operatorA, editPage.actions.default, `/inovasi/${id}/ubah`, {
			params: { id },
			form: innovationForm({
				title: 'Sekolah Lapang Kopi Arabika Flores Bajawa',
				summary: summary('Sekolah Lapang Kopi Arabika'),
				stage: 'penciptaan',
				mainAffair: 'kesehatan',
				sdgs: '3',
				isDigital: 'ya',
				version: '1',
				alasan: 'Nama lengkap program'
			})
		});
		expect(result).toEqual({ kind: 'redirect', status: 303, location: `/inovasi/${id}?diubah=1` });
		const history = await historyOf(id);
		expect(history.map((h) => [h.action, h.version, h.reason])).toEqual([['update', 2, 'Nama lengkap program']]);
		expect(history[0]!.changes.title).toEqual({ from: 'Sekolah Lapang Kopi Arabika', to: 'Sekolah Lapang Kopi Arabika Flores Bajawa' });
		expect(await found('kopi arabika flores bajawa')).toContain(id);
		const page = await asUser(operatorA, innovationPage.load, `/inovasi/${id}?diubah=1`, { params: { id } });
		expect(page).toMatchObject({ kind: 'value', value: { innovation: { title: 'Sekolah Lapang Kopi Arabika Flores Bajawa', version: 2 }, notice: 'innovation.updatedNotice' } });
	});
});

describe('delete and restore on /inovasi/[id]', () => {
	it('shows "Ubah" and "Hapus" only to those allowed', async () => {
		const manage = async (user: TestUser | null) =>
			((await asUser(user, innovationPage.load, `/inovasi/${bInnovation}`, { params: { id: bInnovation } })) as { value: { manage: object } }).value.manage;
		expect(await manage(null)).toMatchObject({ canEdit: false, canDelete: false, canRestore: false });
		expect(await manage(operatorA)).toMatchObject({ canEdit: false, canDelete: false });
		expect(await manage(coordinator)).toMatchObject({ canEdit: false, canDelete: false });
		expect(await manage(operatorB)).toMatchObject({ canEdit: true, canDelete: true });
		expect(await manage(admin)).toMatchObject({ canEdit: true, canDelete: true, canRestore: false });
	});

	it('refuses the signed-out, another agency, a short reason and a stale version; then deletes and an admin restores', async () => {
		const id = (await insertInnovation(db, { agency_id: B, title: 'Kampung Tangguh Surabaya' })).id;
		const target = `/inovasi/${id}`;
		const hapus = (user: TestUser | null, form: Record<string, string>) => asUser(user, innovationPage.actions.hapus, `${target}?/hapus`, { params: { id }, form });
		const pulihkan = (user: TestUser | null) => asUser(user, innovationPage.actions.pulihkan, `${target}?/pulihkan`, { params: { id }, form: { alasan: '' } });
		const before = await row(id);

		expect(await hapus(null, { version: '1', alasan: 'Tercatat dua kali.' })).toMatchObject({ kind: 'redirect', status: 303 });
		expect(await hapus(operatorA, { version: '1', alasan: 'Tercatat dua kali.' })).toMatchObject({
			kind: 'failure',
			status: 403,
			data: { action: 'hapus', message: 'Anda tidak berwenang melakukan tindakan ini.' }
		});
		expect(await hapus(operatorB, { version: '1', alasan: 'dup' })).toMatchObject({
			kind: 'failure',
			status: 400,
			data: { action: 'hapus', message: 'Alasan penghapusan minimal 5 karakter.', values: { alasan: 'dup' } }
		});
		expect(await hapus(operatorB, { version: '7', alasan: 'Tercatat dua kali.' })).toMatchObject({ kind: 'failure', status: 409, data: { message: STALE_MESSAGE } });
		expect(await row(id)).toEqual(before);

		expect(await hapus(operatorB, { version: '1', alasan: 'Tercatat dua kali.' })).toEqual({ kind: 'redirect', status: 303, location: `${target}?dihapus=1` });
		expect((await row(id)).delete_reason).toBe('Tercatat dua kali.');
		// Gone for the public and other agencies; its own operator sees it marked deleted.
		expect(await asUser(null, innovationPage.load, target, { params: { id } })).toMatchObject({ kind: 'error', status: 404 });
		expect(await asUser(operatorA, innovationPage.load, target, { params: { id } })).toMatchObject({ kind: 'error', status: 404 });
		expect(await asUser(operatorB, innovationPage.load, target, { params: { id } })).toMatchObject({
			kind: 'value',
			value: { manage: { canEdit: false, canDelete: false, canRestore: false, deletedAt: expect.any(String) } }
		});
		expect(await found('kampung tangguh surabaya')).not.toContain(id);

		expect(await pulihkan(null)).toMatchObject({ kind: 'redirect', status: 303 });
		expect(await pulihkan(operatorA)).toMatchObject({ kind: 'failure', status: 403 });
		expect(await pulihkan(operatorB)).toMatchObject({ kind: 'failure', status: 403 });
		expect((await row(id)).deleted_at).not.toBeNull();
		expect(await asUser(admin, innovationPage.load, target, { params: { id } })).toMatchObject({ kind: 'value', value: { manage: { canRestore: true } } });
		expect(await pulihkan(admin)).toEqual({ kind: 'redirect', status: 303, location: `${target}?dipulihkan=1` });
		expect((await row(id)).deleted_at).toBeNull();
		expect((await historyOf(id)).map((h) => h.action)).toEqual(['delete', 'restore']);
		expect(await found('kampung tangguh surabaya')).toContain(id);
	});
});

describe('POST /api/v1/innovations', () => {
	const body = { title: 'Bank Sampah Digital Ngada', summary: summary('Bank sampah'), sdgs: [11, 12], isDigital: true };

	it('answers the signed-out 403 at the hooks (401 at the endpoint), another agency 403 and invalid input 400 with the exact message', async () => {
		const before = await countInnovations();
		const signedOut = await api(null, listApi.POST, '/api/v1/innovations', { json: body });
		expect([signedOut.status, signedOut.body.error.code, signedOut.reached]).toEqual([403, 'CSRF_INVALID', false]);
		const direct = await callEndpoint(listApi.POST, '/api/v1/innovations', { db: database, method: 'POST' });
		expect([direct.status, direct.body]).toEqual([401, { error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' } }]);
		const other = await api(operatorA, listApi.POST, '/api/v1/innovations', { json: { ...body, agencyId: B } });
		expect([other.status, other.body]).toEqual([403, FORBIDDEN]);
		const invalid = await api(operatorA, listApi.POST, '/api/v1/innovations', { json: { title: 'AB', summary: 'Pendek.' } });
		expect(invalid.status).toBe(400);
		expect(invalid.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Judul minimal 3 karakter' });
		const unknown = await api(operatorA, listApi.POST, '/api/v1/innovations', { json: { ...body, contactEmail: 'x@y.id' } });
		expect([unknown.status, unknown.body.error.message]).toEqual([400, 'Kolom tidak dikenal: contactEmail']);
		expect(await countInnovations()).toBe(before);
	});

	it('creates (201) with history, found by search; a same-title innovation needs confirmSimilar', async () => {
		const created = await api(operatorA, listApi.POST, '/api/v1/innovations', { json: body });
		expect(created.status).toBe(201);
		expect(created.body).toEqual({ id: expect.stringMatching(/^inv-/), version: 1, url: `/api/v1/innovations/${created.body.id}` });
		expect(await row(created.body.id)).toMatchObject({ agency_id: A, region_code: '53.09', sdgs: [11, 12] });
		expect((await historyOf(created.body.id)).map((h) => h.action)).toEqual(['create']);
		expect(await found('bank sampah digital ngada')).toContain(created.body.id);

		const twice = await api(operatorA, listApi.POST, '/api/v1/innovations', { json: body });
		expect(twice.status).toBe(409);
		expect(twice.body.error.code).toBe('SIMILAR_INNOVATIONS_FOUND');
		expect(twice.body.error.details).toEqual([{ path: created.body.id, message: 'Bank Sampah Digital Ngada — Pemerintah Kabupaten Ngada (Judulnya sama)' }]);
		const confirmed = await api(operatorA, listApi.POST, '/api/v1/innovations', { json: { ...body, confirmSimilar: true } });
		expect(confirmed.status).toBe(201);
	});
});

describe('PATCH and DELETE /api/v1/innovations/{id}', () => {
	const path = () => `/api/v1/innovations/${bInnovation}`;

	it('answer the signed-out 403 at the hooks (401 at the endpoint) and another agency’s operator 403, changing nothing', async () => {
		const before = await row(bInnovation);
		const params = { id: bInnovation };
		for (const [handler, method, target, json] of [
			[oneApi.PATCH, 'PATCH', path(), { version: before.version, title: 'Diambil alih' }],
			[oneApi.DELETE, 'DELETE', `${path()}?version=${before.version}&reason=Dihapus+orang+lain`, undefined]
		] as const) {
			const res = await api(null, handler, target, { method, params, json });
			expect([res.status, res.body.error.code, res.reached]).toEqual([403, 'CSRF_INVALID', false]);
			const direct = await callEndpoint(handler, target, { db: database, method, params });
			expect([direct.status, (direct.body as { error: { code: string } }).error.code]).toEqual([401, 'UNAUTHENTICATED']);
		}
		const patch = await api(operatorA, oneApi.PATCH, path(), { method: 'PATCH', params, json: { version: before.version, title: 'Diambil alih Ngada' } });
		expect([patch.status, patch.body]).toEqual([403, FORBIDDEN]);
		const del = await api(operatorA, oneApi.DELETE, `${path()}?version=${before.version}&reason=Dihapus+orang+lain`, { method: 'DELETE', params });
		expect([del.status, del.body]).toEqual([403, FORBIDDEN]);
		expect(await row(bInnovation)).toEqual(before);
	});

	it('refuse invalid input with the exact message, and a stale version', async () => {
		const params = { id: bInnovation };
		const version = (await row(bInnovation)).version;
		const badVersion = await api(operatorB, oneApi.PATCH, path(), { method: 'PATCH', params, json: { version: 'dua', title: 'Judul Baru' } });
		expect([badVersion.status, badVersion.body.error.message]).toEqual([400, 'Versi inovasi harus berupa angka']);
		const badTitle = await api(operatorB, oneApi.PATCH, path(), { method: 'PATCH', params, json: { version, title: 'AB' } });
		expect([badTitle.status, badTitle.body.error.message]).toEqual([400, 'Judul minimal 3 karakter']);
		const shortReason = await api(operatorB, oneApi.DELETE, `${path()}?version=${version}&reason=dup`, { method: 'DELETE', params });
		expect([shortReason.status, shortReason.body.error.message]).toEqual([400, 'Alasan penghapusan minimal 5 karakter.']);
		const stale = await api(operatorB, oneApi.PATCH, path(), { method: 'PATCH', params, json: { version: version + 5, title: 'Judul Baru Sekali' } });
		expect([stale.status, stale.body.error]).toEqual([409, { code: 'STALE_VERSION', message: STALE_MESSAGE }]);
		const staleDelete = await api(operatorB, oneApi.DELETE, `${path()}?version=${version + 5}&reason=Tercatat+dua+kali`, { method: 'DELETE', params });
		expect(staleDelete.status).toBe(409);
		expect((await row(bInnovation)).version).toBe(version);
	});

	it('edit with history and the new title in search, then delete (soft, with the reason)', async () => {
		const id = (await insertInnovation(db, { agency_id: B, title: 'Taman Baca Kampung Surabaya' })).id;
		const params = { id };
		const edited = await api(operatorB, oneApi.PATCH, `/api/v1/innovations/${id}`, {
			method: 'PATCH',
			params,
			json: { version: 1, title: 'Taman Baca Kampung Arek Suroboyo', stage: 'pengembangan', reason: 'Nama resmi' }
		});
		expect([edited.status, edited.body]).toEqual([200, { id, version: 2, changed: ['title', 'stage'], url: `/api/v1/innovations/${id}` }]);
		expect((await historyOf(id)).map((h) => [h.action, h.version, h.reason])).toEqual([['update', 2, 'Nama resmi']]);
		expect(await found('taman baca arek suroboyo')).toContain(id);

		const deleted = await api(operatorB, oneApi.DELETE, `/api/v1/innovations/${id}?version=2&reason=Digabung+dengan+inovasi+lain`, { method: 'DELETE', params });
		expect([deleted.status, deleted.body]).toEqual([200, { id, version: 3, url: `/api/v1/innovations/${id}` }]);
		expect((await row(id)).delete_reason).toBe('Digabung dengan inovasi lain');
		expect((await api(null, oneApi.GET, `/api/v1/innovations/${id}`, { params })).status).toBe(404);
		expect(await found('taman baca arek suroboyo')).not.toContain(id);
	});
});

describe('CSRF', () => {
	it('refuses a form action with a missing or forged token before it runs', async () => {
		const send = (token: string | undefined) =>
			callThroughHooks(() => new Response('ok'), {
				db: database,
				path: `/inovasi/${bInnovation}?/hapus`,
				cookie: sessions.get(operatorB.id)!.cookie,
				form: { ...(token === undefined ? {} : { csrf: token }), version: '1', alasan: 'Tercatat dua kali.' },
				headers: { accept: 'text/html' }
			});
		for (const token of [undefined, 'palsu'.padEnd(43, 'x'), sessions.get(operatorA.id)!.csrf]) {
			const res = await send(token);
			expect([res.status, res.reached]).toEqual([403, false]);
			expect(res.body).toContain(CSRF_MESSAGE);
		}
		expect((await send(sessions.get(operatorB.id)!.csrf)).reached).toBe(true);
	});

	it('refuses a JSON write with a missing or forged x-csrf-token header before it runs', async () => {
		const before = await countInnovations();
		const write = (csrf: string | undefined) =>
			callThroughHooks(listApi.POST, {
				db: database,
				path: '/api/v1/innovations',
				cookie: sessions.get(operatorA.id)!.cookie,
				csrf,
				json: { title: 'Inovasi Lewat Situs Lain', summary: summary('Situs lain'), confirmSimilar: true }
			});
		for (const csrf of [undefined, 'palsu'.padEnd(43, 'x'), sessions.get(operatorB.id)!.csrf]) {
			const res = await write(csrf);
			expect([res.status, res.body, res.reached]).toEqual([403, { error: { code: 'CSRF_INVALID', message: CSRF_MESSAGE } }, false]);
		}
		expect(await countInnovations()).toBe(before);
		expect((await write(sessions.get(operatorA.id)!.csrf)).status).toBe(201);
	});
});
