import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { InnovationFilters } from '../domain/innovation-filters';
import { presentInnovationSummary, type InnovationSummary } from '../presenters/innovation-presenter';
import { readCache } from '../read-cache';
import * as innovations from '../repositories/innovation-repository';

/** Counting a broad filter scans many rows; the same filter's total is reused for a few seconds. */
const COUNT_TTL_MS = 15_000;

export interface InnovationPage {
	items: InnovationSummary[];
	total: number;
	limit: number;
	offset: number;
}

/** The catalogue: live innovations matching the filters, one page of them. */
export async function listInnovations(
	db: Kysely<DB>,
	filters: InnovationFilters,
	window: { limit: number; offset: number }
): Promise<InnovationPage> {
	const { urutan: _sort, ...counted } = filters;
	const [rows, total] = await Promise.all([
		innovations.listInnovations(db, filters, window),
		readCache<number>(db, 'innovation-counts', COUNT_TTL_MS, 2000).get(JSON.stringify(counted), () =>
			innovations.countInnovations(db, filters)
		)
	]);
	return { items: rows.map(presentInnovationSummary), total, limit: window.limit, offset: window.offset };
}
