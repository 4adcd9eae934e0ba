import { snippetOfCleanText, highlightAll, snippetText, type SnippetSegment } from '../domain/search/snippet';
import { collapseWhitespace } from '../domain/search/text';
import { excerptOfCleanText, presentInnovationSummary, type InnovationSummary } from './innovation-presenter';

/** One search hit as lists show it: the catalogue summary with its score and marked snippets. */
export interface SearchHitSummary extends InnovationSummary {
	/** Relevance (BM25F with the proven-ness tie-breaker); 0 without a query. */
	score: number;
	/** The summary around the words found, as plain text. */
	snippet: string;
	/** The same snippet as pieces, the hits marked (rendered as <mark> by pages). */
	snippetParts: SnippetSegment[];
	/** The title as pieces, the hits marked. */
	titleParts: SnippetSegment[];
	replicationCount: number;
}

/** What a search card is made from: an innovation's catalogue row (see presentInnovationSummary). */
export type SearchCardRow = Parameters<typeof presentInnovationSummary>[0] & { replication_count: number };

/**
 * A card kept by the search index, ready to become a hit: the parts of the hit's JSON that do
 * not depend on the search, serialised when the card is stored, so a search serialises only
 * what it adds (score, snippets) instead of every field of twenty hits (decision 007).
 */
export interface PreparedCard {
	/** JSON members before the summary: "id", "title", "acronym". */
	head: string;
	/** JSON members after the summary: "yearStarted" ... "updatedAt". */
	tail: string;
	title: string;
	/** The whole summary, whitespace collapsed (snippets and the excerpt are cut from it). */
	summary: string;
	replicationCount: number;
}

/** A card as the text the search index stores (read back by readSearchCard). */
export function storeSearchCard(row: SearchCardRow): string {
	// The summary is cut per search (excerptOfCleanText): not excerpted here for 250,000 cards at start.
	const { id, title, acronym, summary: _none, ...rest } = presentInnovationSummary({ ...row, summary: '' });
	const stored: StoredCard = [members({ id, title, acronym }), members(rest), row.title, collapseWhitespace(row.summary), row.replication_count];
	return JSON.stringify(stored);
}

/** A stored card: PreparedCard's fields in its order, as a JSON array (no keys repeated 250,000 times). */
type StoredCard = [head: string, tail: string, title: string, summary: string, replicationCount: number];

export function readSearchCard(stored: string): PreparedCard {
	const [head, tail, title, summary, replicationCount] = JSON.parse(stored) as StoredCard;
	return { head, tail, title, summary, replicationCount };
}

/**
 * One hit as JSON: exactly JSON.stringify of its SearchHitSummary, fields in that order (the
 * summary cut as `excerpt` cuts it), with the query's words marked (`stems` null: nothing marked).
 */
export function presentSearchHitJson(card: PreparedCard, score: number, stems: ReadonlySet<string> | null): string {
	const parts = snippetOfCleanText(card.summary, stems ?? NO_STEMS);
	const titleParts: SnippetSegment[] = stems ? highlightAll(card.title, stems) : [{ text: card.title, mark: false }];
	return (
		`{${card.head},"summary":${JSON.stringify(excerptOfCleanText(card.summary))},${card.tail},"score":${JSON.stringify(score)},` +
		`"snippet":${JSON.stringify(snippetText(parts))},"snippetParts":${JSON.stringify(parts)},"titleParts":${JSON.stringify(titleParts)},` +
		`"replicationCount":${JSON.stringify(card.replicationCount)}}`
	);
}

/** An object's JSON members without the braces. */
function members(value: object): string {
	return JSON.stringify(value).slice(1, -1);
}

const NO_STEMS: ReadonlySet<string> = new Set();
