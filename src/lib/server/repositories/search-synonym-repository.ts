import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, SearchSynonymsTable } from '../db/schema';

export type SearchSynonymRow = Selectable<SearchSynonymsTable>;
export type SynonymSource = 'csv' | 'admin';

export interface NewSynonym {
	term: string;
	expansion: string;
	source: SynonymSource;
	note?: string | null;
	createdBy?: string | null;
}

/** Active synonyms (not removed), oldest first; `includeRemoved` also lists removed ones. */
export async function listSynonyms(
	db: Kysely<DB>,
	options: { includeRemoved?: boolean } = {}
): Promise<SearchSynonymRow[]> {
	let query = db.selectFrom('search_synonyms').selectAll();
	if (!options.includeRemoved) query = query.where('deleted_at', 'is', null);
	return query.orderBy(sql`lower(term)`).orderBy(sql`lower(expansion)`).orderBy('id').execute();
}

export async function findSynonym(db: Kysely<DB>, id: number): Promise<SearchSynonymRow | undefined> {
	return db.selectFrom('search_synonyms').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Adds pairs that are not active yet (term and expansion compared without case); pairs already
 * there are left alone, so loading the same CSV twice changes nothing.
 */
export async function upsertSynonyms(
	db: Kysely<DB>,
	rows: NewSynonym[]
): Promise<{ inserted: number; unchanged: number }> {
	let inserted = 0;
	const seen = new Set<string>();
	const unique: NewSynonym[] = [];
	for (const row of rows) {
		const term = row.term.trim();
		const expansion = row.expansion.trim();
		const key = `${term.toLowerCase()}\u0000${expansion.toLowerCase()}`;
		if (!term || !expansion || seen.has(key)) continue;
		seen.add(key);
		unique.push({ ...row, term, expansion });
	}
	for (let start = 0; start < unique.length; start += 500) {
		const batch = unique.slice(start, start + 500);
		const result = await sql<{ id: number }>`
			insert into search_synonyms (term, expansion, source, note, created_by)
			select v.term, v.expansion, v.source, v.note, v.created_by
			from jsonb_to_recordset(${JSON.stringify(
				batch.map((row) => ({
					term: row.term,
					expansion: row.expansion,
					source: row.source,
					note: row.note ?? null,
					created_by: row.createdBy ?? null
				}))
			)}::jsonb) as v(term text, expansion text, source text, note text, created_by text)
			on conflict (lower(term), lower(expansion)) where deleted_at is null do nothing
			returning id`.execute(db);
		inserted += result.rows.length;
	}
	return { inserted, unchanged: rows.length - inserted };
}

/** Adds one pair; undefined when the same pair is already active. */
export async function addSynonym(db: Kysely<DB>, row: NewSynonym): Promise<SearchSynonymRow | undefined> {
	return db
		.insertInto('search_synonyms')
		.values({
			term: row.term.trim(),
			expansion: row.expansion.trim(),
			source: row.source,
			note: row.note ?? null,
			created_by: row.createdBy ?? null
		})
		.onConflict((oc) =>
			oc.expression(sql`lower(term), lower(expansion)`).where('deleted_at', 'is', null).doNothing()
		)
		.returningAll()
		.executeTakeFirst();
}

/** Soft-removes a synonym; false when it does not exist or was already removed. */
export async function removeSynonym(db: Kysely<DB>, id: number, actor: string): Promise<boolean> {
	const result = await db
		.updateTable('search_synonyms')
		.set({ deleted_at: sql<Date>`now()`, deleted_by: actor, updated_at: sql<Date>`now()` })
		.where('id', '=', id)
		.where('deleted_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** A fingerprint that changes whenever a synonym is added or removed (the search index polls it). */
export async function synonymsVersion(db: Kysely<DB>): Promise<string> {
	const row = await db
		.selectFrom('search_synonyms')
		.select([sql<string>`coalesce(max(updated_at)::text, '')`.as('latest'), sql<string>`count(*)::text`.as('count')])
		.executeTakeFirstOrThrow();
	return `${row.latest}|${row.count}`;
}
