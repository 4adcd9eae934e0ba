import type { Kysely } from 'kysely';
import type { DB, Stage } from '../db/schema';
import { AppError } from '../errors';
import { presentInnovationDetails, type InnovationDetails } from '../presenters/innovation-presenter';
import * as innovations from '../repositories/innovation-repository';
import { findSimilarInnovations } from './search-innovations';

export interface SimilarInnovation {
	id: string;
	title: string;
	yearStarted: number | null;
	stage: Stage;
	agencyName: string;
	regionName: string | null;
}

/**
 * One innovation with its awards, source records and similar innovations. Contact data is
 * personal and only included when the caller may see it; deleted innovations only for admins.
 */
export async function getInnovationDetails(
	db: Kysely<DB>,
	id: string,
	options: { includeContact?: boolean; includeDeleted?: boolean; similarLimit?: number } = {}
): Promise<{ innovation: InnovationDetails; similar: SimilarInnovation[] }> {
	const row = await innovations.findInnovation(db, id, { includeDeleted: options.includeDeleted });
	if (!row) throw new AppError('INNOVATION_NOT_FOUND');
	const [awards, sources, similar] = await Promise.all([
		innovations.listAwardsOf(db, [id]),
		innovations.listSourceRecordsOf(db, id),
		options.similarLimit === 0
			? Promise.resolve([])
			: // "Inovasi serupa" from the search engine: more like this (title and summary terms), same affair boosted.
				findSimilarInnovations(db, { id: row.id, title: row.title, summary: row.summary }, options.similarLimit ?? 5)
	]);
	return {
		innovation: presentInnovationDetails(row, awards, sources, { includeContact: options.includeContact ?? false }),
		similar: similar.map((s) => ({
			id: s.id,
			title: s.title,
			yearStarted: s.yearStarted,
			stage: s.stage,
			agencyName: s.agency.name,
			regionName: s.region?.name ?? null
		}))
	};
}
