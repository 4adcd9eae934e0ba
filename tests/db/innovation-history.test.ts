import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { innovationId } from '../../src/lib/server/domain/ids';
import { AppError } from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/policy';
import { deleteInnovation } from '../../src/lib/server/services/delete-innovation';
import { getInnovationDetails } from '../../src/lib/server/services/get-innovation-details';
import { listInnovationHistory } from '../../src/lib/server/services/list-innovation-history';
import { listInnovations } from '../../src/lib/server/services/list-innovations';
import { restoreInnovation } from '../../src/lib/server/services/restore-innovation';
import { updateInnovation } from '../../src/lib/server/services/update-innovation';
import { innovationFiltersSchema } from '../../src/lib/server/domain/innovation-filters';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

const admin: Actor = { id: 'admin@panrb', role: 'admin' };
const curator: Actor = { id: 'kurator@panrb', role: 'kurator' };
const ngadaOperator: Actor = { id: 'op@ngada', role: 'operator', agencyId: 'pemkab-53.09' };
const otherOperator: Actor = { id: 'op@sikka', role: 'operator', agencyId: 'pemkab-53.10' };

async function newInnovation(title = 'GERAI DUKCAPIL KELILING') {
	const id = innovationId();
	await database.db
		.insertInto('innovations')
		.values({ id, title, agency_id: 'pemkab-53.09', region_code: '53.09', summary: 'Layanan KTP-el keliling desa.', sdgs: [16] })
		.execute();
	return id;
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

describe('editing an innovation', () => {
	it('keeps every earlier version: who, when, what changed', async () => {
		const id = await newInnovation();
		const first = await updateInnovation(database.db, ngadaOperator, {
			id,
			expectedVersion: 1,
			changes: { title: 'GERAI DUKCAPIL KELILING DESA', sdgs: [16, 10] },
			reason: 'Perbaikan judul'
		});
		expect(first).toEqual({ version: 2, changed: ['title', 'sdgs'] });
		await updateInnovation(database.db, curator, { id, expectedVersion: 2, changes: { stage: 'pengembangan' } });

		const history = await listInnovationHistory(database.db, id);
		expect(history.map((h) => [h.version, h.action, h.actor])).toEqual([
			[3, 'update', 'kurator@panrb'],
			[2, 'update', 'op@ngada']
		]);
		expect(history[1]?.changes).toEqual({
			title: { from: 'GERAI DUKCAPIL KELILING', to: 'GERAI DUKCAPIL KELILING DESA' },
			sdgs: { from: [16], to: [16, 10] }
		});
		expect(history[1]?.reason).toBe('Perbaikan judul');
		const { innovation } = await getInnovationDetails(database.db, id);
		expect(innovation.version).toBe(3);
		expect(innovation.provenance.title).toEqual({ source: 'manual' });
	});

	it('refuses a stale edit with a clear message and changes nothing', async () => {
		const id = await newInnovation();
		await updateInnovation(database.db, admin, { id, expectedVersion: 1, changes: { title: 'Versi dari admin' } });
		await expectAppError(
			updateInnovation(database.db, curator, { id, expectedVersion: 1, changes: { title: 'Versi lama kurator' } }),
			'STALE_VERSION',
			'Inovasi ini sudah diubah oleh orang lain sejak Anda membukanya. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda.'
		);
		const { innovation } = await getInnovationDetails(database.db, id);
		expect(innovation.title).toBe('Versi dari admin');
		expect(await listInnovationHistory(database.db, id)).toHaveLength(1);
	});

	it('refuses invalid changes in Indonesian and writes nothing', async () => {
		const id = await newInnovation();
		await expectAppError(
			updateInnovation(database.db, admin, { id, expectedVersion: 1, changes: { stage: 'selesai' } }),
			'VALIDATION_FAILED',
			'Tahap inovasi tidak dikenal'
		);
		await expectAppError(
			updateInnovation(database.db, admin, { id, expectedVersion: 1, changes: { title: 'ab' } }),
			'VALIDATION_FAILED',
			'Judul minimal 3 karakter'
		);
		expect(await listInnovationHistory(database.db, id)).toEqual([]);
	});

	it('an unchanged edit records nothing', async () => {
		const id = await newInnovation('SAMA SAJA');
		expect(await updateInnovation(database.db, admin, { id, expectedVersion: 1, changes: { title: 'SAMA SAJA' } })).toEqual({
			version: 1,
			changed: []
		});
	});

	it('an operator may only edit innovations of their own agency', async () => {
		const id = await newInnovation();
		await expectAppError(
			updateInnovation(database.db, otherOperator, { id, expectedVersion: 1, changes: { title: 'Bukan milik saya' } }),
			'FORBIDDEN'
		);
	});
});

describe('deleting and restoring', () => {
	it('soft-deletes, hides the innovation, and lets an admin undo it', async () => {
		const id = await newInnovation('INOVASI AKAN DIHAPUS');
		const filters = innovationFiltersSchema.parse({ q: 'akan dihapus' });
		await deleteInnovation(database.db, ngadaOperator, { id, expectedVersion: 1, reason: 'Data ganda dengan entri lain' });

		await expectAppError(getInnovationDetails(database.db, id), 'INNOVATION_NOT_FOUND');
		expect((await listInnovations(database.db, filters, { limit: 10, offset: 0 })).total).toBe(0);
		const stillThere = await getInnovationDetails(database.db, id, { includeDeleted: true });
		expect(stillThere.innovation.deletedAt).not.toBeNull();

		await expectAppError(restoreInnovation(database.db, curator, { id }), 'FORBIDDEN');
		await restoreInnovation(database.db, admin, { id, reason: 'Ternyata bukan duplikat' });
		expect((await listInnovations(database.db, filters, { limit: 10, offset: 0 })).total).toBe(1);
		const history = await listInnovationHistory(database.db, id);
		expect(history.map((h) => h.action)).toEqual(['restore', 'delete']);
		expect(history[1]?.reason).toBe('Data ganda dengan entri lain');
	});

	it('asks for a reason and refuses deleting twice', async () => {
		const id = await newInnovation();
		await expectAppError(
			deleteInnovation(database.db, admin, { id, expectedVersion: 1, reason: ' ' }),
			'VALIDATION_FAILED',
			'Alasan penghapusan minimal 5 karakter.'
		);
		await deleteInnovation(database.db, admin, { id, expectedVersion: 1, reason: 'Tidak relevan' });
		await expectAppError(deleteInnovation(database.db, admin, { id, expectedVersion: 2, reason: 'Tidak relevan' }), 'ALREADY_DELETED');
		await expectAppError(restoreInnovation(database.db, admin, { id: 'inv-0000000000' }), 'INNOVATION_NOT_FOUND');
	});
});
