/** How far one import run has come: the small answer the run page polls while it runs. */
import type { Kysely } from 'kysely';
import type { DB, ImportCounts, ImportRunStatus } from '../db/schema';
import { importProgress, type ImportProgress } from '../domain/import/import-job';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import { findImportRunProgress } from '../repositories/import-run-repository';
import { toIso } from './list-import-runs';

export interface ImportRunProgress extends ImportProgress {
	id: number;
	status: ImportRunStatus;
	counts: ImportCounts;
	finishedAt: string | null;
	error: string | null;
}

export async function getImportProgress(db: Kysely<DB>, actor: Actor, id: number): Promise<ImportRunProgress> {
	authorize(actor, 'import.run');
	const row = await findImportRunProgress(db, id);
	if (!row) throw new AppError('IMPORT_RUN_NOT_FOUND', `Impor #${id} tidak ditemukan.`);
	return {
		id: row.id,
		status: row.status,
		counts: row.counts,
		...importProgress(row.status, row.counts),
		finishedAt: toIso(row.finished_at),
		error: row.error
	};
}
