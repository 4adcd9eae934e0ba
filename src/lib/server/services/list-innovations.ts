import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { InnovationFilters } from '../domain/innovation-filters';
import { presentInnovationSummary, type InnovationSummary } from '../presenters/innovation-presenter';
import * as innovations from '../repositories/innovation-repository';

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
	const { rows, total } = await innovations.listInnovations(db, filters, window);
	return { items: rows.map(presentInnovationSummary), total, limit: window.limit, offset: window.offset };
}
