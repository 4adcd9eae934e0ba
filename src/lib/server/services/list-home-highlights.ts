import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { excerpt } from '../presenters/innovation-presenter';
import { readCache } from '../read-cache';
import { listAwardWinningInnovations, listNewestInnovations } from '../repositories/innovation-repository';

export interface HighlightedInnovation {
	id: string;
	title: string;
	yearStarted: number | null;
	stage: string;
	summary: string | null;
	agencyName: string;
	regionName: string | null;
	/** The most recent award, e.g. "KIPP Top 45 2023" (award-winning list only). */
	awards: string | null;
}

/**
 * The home page's two lists: the newest innovations and the latest award winners, each
 * innovation once (an innovation with several awards is listed by its latest).
 */
export function listHomeHighlights(
	db: Kysely<DB>,
	options: { limit?: number } = {}
): Promise<HomeHighlights> {
	const limit = options.limit ?? 6;
	return readCache<HomeHighlights>(db, 'home-highlights', 30_000, 4).get(String(limit), () =>
		computeHomeHighlights(db, limit)
	);
}

interface HomeHighlights {
	newest: HighlightedInnovation[];
	awarded: HighlightedInnovation[];
}

async function computeHomeHighlights(db: Kysely<DB>, limit: number): Promise<HomeHighlights> {
	// Award rows repeat innovations; fetch extra so that `limit` distinct ones remain.
	const [newest, awardRows] = await Promise.all([
		listNewestInnovations(db, limit),
		listAwardWinningInnovations(db, limit * 4)
	]);
	const awarded = new Map<string, HighlightedInnovation>();
	for (const row of awardRows) {
		if (awarded.size >= limit) break;
		if (awarded.has(row.id)) continue;
		awarded.set(row.id, {
			id: row.id,
			title: row.title,
			yearStarted: row.year_started,
			stage: row.stage,
			summary: null,
			agencyName: row.agency_name,
			regionName: row.region_name,
			awards: `${row.programme} ${row.level} ${row.award_year}`
		});
	}
	return {
		newest: newest.map((row) => ({
			id: row.id,
			title: row.title,
			yearStarted: row.year_started,
			stage: row.stage,
			summary: excerpt(row.summary, 160),
			agencyName: row.agency_name,
			regionName: row.region_name,
			awards: null
		})),
		awarded: [...awarded.values()]
	};
}
