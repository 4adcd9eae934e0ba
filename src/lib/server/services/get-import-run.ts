/** One import run for the admin: its counts and progress, where it came from, and a page of its quarantined rows. */
import type { Kysely } from 'kysely';
import type { DB, QuarantineReason } from '../db/schema';
import { htmlToText } from '../domain/normalise/text';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import {
	countQuarantinedRows,
	findContinuationRun,
	findImportRunWithActor,
	listQuarantinedRowsPage
} from '../repositories/import-run-repository';
import { toIso, type ImportRunSummary } from './list-import-runs';
import { importProgress } from '../domain/import/import-job';

export interface QuarantinedRowView {
	rowNumber: number;
	externalId: string | null;
	reasons: QuarantineReason[];
	/** The row's source columns as plain text (markup removed), for reading beside the reasons. */
	values: Array<{ column: string; value: string }>;
}

export interface ImportRunDetail extends ImportRunSummary {
	error: string | null;
	/** The run of the same job that took over after this one was interrupted. */
	continuedBy: number | null;
	quarantine: { rows: QuarantinedRowView[]; total: number };
}

/** Long narratives are cut for the table; the download has them whole. */
const MAX_VALUE_LENGTH = 200;

export async function getImportRun(
	db: Kysely<DB>,
	actor: Actor,
	input: { id: number; limit: number; offset: number }
): Promise<ImportRunDetail> {
	authorize(actor, 'import.run');
	const row = await findImportRunWithActor(db, input.id);
	if (!row) throw new AppError('IMPORT_RUN_NOT_FOUND', `Impor #${input.id} tidak ditemukan.`);
	const [rows, total, continuedBy] = await Promise.all([
		listQuarantinedRowsPage(db, row.id, input.limit, input.offset),
		countQuarantinedRows(db, row.id),
		row.status === 'interrupted' && row.job_id !== null ? findContinuationRun(db, row.id, row.job_id) : Promise.resolve(null)
	]);
	return {
		id: row.id,
		source: row.source,
		fileName: row.file_name,
		status: row.status,
		counts: row.counts,
		progress: importProgress(row.status, row.counts),
		actor: row.actor_name ?? row.actor,
		startedAt: toIso(row.started_at)!,
		finishedAt: toIso(row.finished_at),
		jobId: row.job_id,
		error: row.error,
		continuedBy,
		quarantine: {
			total,
			rows: rows.map((r) => ({
				rowNumber: r.row_number,
				externalId: r.external_id,
				reasons: r.reasons,
				values: Object.entries(r.raw)
					.map(([column, value]) => ({ column, value: plainText(value) }))
					.filter((entry) => entry.value !== '')
			}))
		}
	};
}

/** Source values are shown as text only: narrative HTML loses its markup, nothing is rendered raw. */
function plainText(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = htmlToText(typeof value === 'string' ? value : JSON.stringify(value)).replace(/\s+/g, ' ').trim();
	return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}
