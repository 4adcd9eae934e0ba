import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import { appendChanges } from '../repositories/change-history-repository';
import { findSynonym, removeSynonym, type SearchSynonymRow } from '../repositories/search-synonym-repository';

/**
 * Removes a synonym pair from search. The row stays (soft delete, who and when) and the change
 * history keeps it; loading the abbreviation CSV again does not bring it back.
 */
export async function removeSearchSynonym(db: Kysely<DB>, actor: Actor, id: number): Promise<SearchSynonymRow> {
	authorize(actor, 'search.synonyms');
	return db.transaction().execute(async (trx) => {
		const row = await findSynonym(trx, id);
		if (!row) throw new AppError('SYNONYM_NOT_FOUND');
		if (row.deleted_at !== null || !(await removeSynonym(trx, id, actor.id))) throw new AppError('SYNONYM_ALREADY_REMOVED');
		await appendChanges(trx, [
			{
				entityType: 'search_synonym',
				entityId: String(id),
				version: null,
				action: 'delete',
				actor: actor.id,
				snapshot: { id, term: row.term, expansion: row.expansion, note: row.note, source: row.source }
			}
		]);
		return row;
	});
}
