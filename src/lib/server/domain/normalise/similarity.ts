/**
 * Trigram similarity for suggesting the nearest names when an exact match fails. Trigrams are
 * taken per word as PostgreSQL's pg_trgm does (two leading spaces, one trailing), so the score
 * is comparable with `similarity()` in the database.
 */
import { foldText } from './text';

export function trigrams(value: string): Set<string> {
	const grams = new Set<string>();
	for (const word of foldText(value).split(' ')) {
		if (!word) continue;
		const padded = `  ${word} `;
		for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
	}
	return grams;
}

/** Jaccard index of two trigram sets: |A ∩ B| / |A ∪ B|, 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	if (a.size === 0 && b.size === 0) return 0;
	let shared = 0;
	const [small, large] = a.size <= b.size ? [a, b] : [b, a];
	for (const gram of small) if (large.has(gram)) shared++;
	return shared / (a.size + b.size - shared);
}

export function trigramSimilarity(a: string, b: string): number {
	return jaccard(trigrams(a), trigrams(b));
}
