/**
 * Normalised discounted cumulative gain at rank k, with graded relevance (0 = not relevant,
 * higher = better). The gain of grade g is 2^g - 1 (so a grade-3 hit counts 7, grade 2 counts
 * 3, grade 1 counts 1), discounted by log2(position + 1). Normalised by the best possible
 * ranking of all judged items, so 1 means "no better top k exists".
 */
export type Judgments = ReadonlyMap<string, number>;

export const gain = (grade: number) => 2 ** grade - 1;

const discount = (position: number) => Math.log2(position + 1);

/** DCG of grades in ranked order (position 1 first), cut at k. */
export function dcg(grades: readonly number[], k: number): number {
	let total = 0;
	for (let i = 0; i < Math.min(k, grades.length); i++) total += gain(grades[i]!) / discount(i + 1);
	return total;
}

/**
 * nDCG@k of a ranked result list. Items without a judgment count as grade 0, and an item that
 * appears again further down gains nothing the second time. Throws when nothing is judged
 * relevant: such a query cannot be scored.
 */
export function ndcgAtK(ranked: readonly string[], judgments: Judgments, k = 10): number {
	if (!Number.isInteger(k) || k < 1) throw new Error('k must be a positive integer');
	const ideal = dcg(
		[...judgments.values()].filter((g) => g > 0).sort((a, b) => b - a),
		k
	);
	if (ideal === 0) throw new Error('no judged relevant item: nDCG is undefined');
	const seen = new Set<string>();
	const grades = ranked.slice(0, k).map((id) => {
		if (seen.has(id)) return 0;
		seen.add(id);
		return Math.max(0, judgments.get(id) ?? 0);
	});
	return dcg(grades, k) / ideal;
}

/** Mean of the scores (0 for an empty list). */
export const mean = (scores: readonly number[]) => (scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0);
