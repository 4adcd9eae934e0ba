import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { authorize, type Actor } from '../policy';
import { searchAgencies } from '../repositories/curation-repository';

/** Agencies by name, abbreviation, alias or id, for a curator mapping an unknown name. */
export async function searchAgenciesForCuration(db: Kysely<DB>, actor: Actor, text: string) {
	authorize(actor, 'agency.curate');
	const query = text.trim();
	if (!query) return [];
	return searchAgencies(db, query, 20);
}
