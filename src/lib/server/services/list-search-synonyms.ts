import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { pageCount, pageWindow } from '../domain/pagination';
import { authorize, type Actor } from '../policy';
import { listSynonyms } from '../repositories/search-synonym-repository';

export const SYNONYMS_PER_PAGE = 50;

export interface SearchSynonymView {
	id: number;
	term: string;
	expansion: string;
	source: 'csv' | 'admin';
	note: string | null;
	createdBy: string | null;
	createdAt: string;
}

export interface SearchSynonymPage {
	items: SearchSynonymView[];
	total: number;
	page: number;
	pages: number;
	query: string;
}

const fold = (text: string) => text.toLocaleLowerCase('id-ID');

/**
 * Active search synonyms for the admin page, optionally those whose term, expansion or note
 * contains `query` (without case), a page at a time. The list is a few hundred pairs, so it is
 * filtered here rather than in SQL.
 */
export async function listSearchSynonyms(
	db: Kysely<DB>,
	actor: Actor,
	options: { query?: string; page?: number } = {}
): Promise<SearchSynonymPage> {
	authorize(actor, 'search.synonyms');
	const query = (options.query ?? '').trim();
	const needle = fold(query);
	const all = await listSynonyms(db);
	const matching = needle
		? all.filter((s) => fold(s.term).includes(needle) || fold(s.expansion).includes(needle) || fold(s.note ?? '').includes(needle))
		: all;
	const pages = pageCount(matching.length, SYNONYMS_PER_PAGE);
	const { page, offset, limit } = pageWindow(Math.min(options.page ?? 1, pages), SYNONYMS_PER_PAGE);
	return {
		items: matching.slice(offset, offset + limit).map((s) => ({
			id: s.id,
			term: s.term,
			expansion: s.expansion,
			source: s.source,
			note: s.note,
			createdBy: s.created_by,
			createdAt: new Date(s.created_at).toISOString()
		})),
		total: matching.length,
		page,
		pages,
		query
	};
}
