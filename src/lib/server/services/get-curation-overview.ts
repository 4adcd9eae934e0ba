import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { can, authorize, type Actor } from '../policy';
import { countMatchDecisions, countMatchReviewsByStatus } from '../repositories/curation-repository';
import { listUnresolvedAgencies } from './list-unresolved-agencies';

/** Figures for the curator's start page: the review queue, the decision log and the agency queue. */
export async function getCurationOverview(db: Kysely<DB>, actor: Actor) {
	authorize(actor, 'import.review');
	const [reviews, decisions, agencies] = await Promise.all([
		countMatchReviewsByStatus(db),
		countMatchDecisions(db),
		can(actor, 'agency.curate') ? listUnresolvedAgencies(db, actor, { limit: 0 }) : Promise.resolve(null)
	]);
	return {
		reviews,
		decisions,
		agencies: agencies
			? { unresolvedNames: agencies.total, pendingNames: agencies.pending.length, rows: agencies.rows, withoutName: agencies.withoutName }
			: null
	};
}
