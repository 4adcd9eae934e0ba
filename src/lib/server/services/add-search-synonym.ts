import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema';
import { AppError, validationError } from '../errors';
import { authorize, type Actor } from '../policy';
import { appendChanges } from '../repositories/change-history-repository';
import { addSynonym, type SearchSynonymRow } from '../repositories/search-synonym-repository';

export const synonymInputSchema = z
	.object({
		term: z
			.string({ error: 'Istilah wajib diisi.' })
			.trim()
			.min(1, 'Istilah wajib diisi.')
			.max(100, 'Istilah paling panjang 100 karakter.'),
		expansion: z
			.string({ error: 'Padanan wajib diisi.' })
			.trim()
			.min(1, 'Padanan wajib diisi.')
			.max(300, 'Padanan paling panjang 300 karakter.'),
		note: z
			.string()
			.trim()
			.max(500, 'Keterangan paling panjang 500 karakter.')
			.optional()
			.transform((v) => v || null)
	})
	.refine((v) => v.term.toLowerCase() !== v.expansion.toLowerCase(), {
		message: 'Istilah dan padanan tidak boleh sama.',
		path: ['expansion']
	});

export type SynonymInput = z.input<typeof synonymInputSchema>;

/**
 * An admin or curator adds a synonym pair (search reads it both ways: the term finds the
 * expansion and the expansion finds the term). Recorded in the change history.
 */
export async function addSearchSynonym(db: Kysely<DB>, actor: Actor, input: SynonymInput): Promise<SearchSynonymRow> {
	authorize(actor, 'search.synonyms');
	const parsed = synonymInputSchema.safeParse(input);
	if (!parsed.success) throw validationError(parsed.error);
	const { term, expansion, note } = parsed.data;
	return db.transaction().execute(async (trx) => {
		const row = await addSynonym(trx, { term, expansion, note, source: 'admin', createdBy: actor.id });
		if (!row) throw new AppError('SYNONYM_EXISTS');
		await appendChanges(trx, [
			{
				entityType: 'search_synonym',
				entityId: String(row.id),
				version: null,
				action: 'create',
				actor: actor.id,
				changes: { term: { from: null, to: term }, expansion: { from: null, to: expansion }, note: { from: null, to: note } },
				snapshot: { id: row.id, term, expansion, note, source: 'admin' }
			}
		]);
		return row;
	});
}
