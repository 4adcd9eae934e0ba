/**
 * Typo tolerance: the indexed vocabulary (normalised words) with a trigram index; a query word
 * that the corpus does not contain is replaced by the most frequent word within one edit
 * (words up to 7 letters) or two edits (longer words), found through shared trigrams.
 */
export class Vocabulary {
	private readonly words: string[] = [];
	private readonly frequency: number[] = [];
	private readonly ids = new Map<string, number>();
	private readonly trigrams = new Map<string, number[]>();

	/** Counts one more document containing `word`. */
	add(word: string): void {
		const id = this.ids.get(word);
		if (id !== undefined) {
			this.frequency[id]!++;
			return;
		}
		const next = this.words.length;
		this.ids.set(word, next);
		this.words.push(word);
		this.frequency.push(1);
		for (const gram of trigramsOf(word)) {
			const list = this.trigrams.get(gram);
			if (list) list.push(next);
			else this.trigrams.set(gram, [next]);
		}
	}

	has(word: string): boolean {
		return this.ids.has(word);
	}

	frequencyOf(word: string): number {
		const id = this.ids.get(word);
		return id === undefined ? 0 : this.frequency[id]!;
	}

	get size(): number {
		return this.words.length;
	}

	/** The best correction of a word, or undefined when nothing is close enough. */
	correct(word: string): string | undefined {
		if (word.length < 4 || /\d/.test(word)) return undefined;
		const maxDistance = word.length <= 7 ? 1 : 2;
		const grams = trigramsOf(word);
		const shared = new Map<number, number>();
		for (const gram of grams) {
			for (const id of this.trigrams.get(gram) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
		}
		// Each edit destroys at most three trigrams.
		const needed = Math.max(1, grams.length - 3 * maxDistance);
		let best: string | undefined;
		let bestDistance = Infinity;
		let bestFrequency = -1;
		for (const [id, count] of shared) {
			if (count < needed) continue;
			const candidate = this.words[id]!;
			if (Math.abs(candidate.length - word.length) > maxDistance) continue;
			const distance = editDistance(word, candidate, maxDistance);
			if (distance > maxDistance) continue;
			const frequency = this.frequency[id]!;
			if (distance < bestDistance || (distance === bestDistance && frequency > bestFrequency)) {
				best = candidate;
				bestDistance = distance;
				bestFrequency = frequency;
			}
		}
		return best;
	}
}

export function trigramsOf(word: string): string[] {
	const padded = `  ${word} `;
	const out = new Set<string>();
	for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
	return [...out];
}

/** Optimal string alignment distance (a swap of two neighbours is one edit), capped at max + 1. */
export function editDistance(a: string, b: string, max = Infinity): number {
	if (a === b) return 0;
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const n = b.length;
	let previous2 = new Array<number>(n + 1).fill(0);
	let previous = Array.from({ length: n + 1 }, (_, j) => j);
	let current = new Array<number>(n + 1).fill(0);
	for (let i = 1; i <= a.length; i++) {
		current[0] = i;
		let rowMin = current[0];
		for (let j = 1; j <= n; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
			current[j] = value;
			if (value < rowMin) rowMin = value;
		}
		if (rowMin > max) return max + 1;
		[previous2, previous, current] = [previous, current, previous2];
	}
	return Math.min(previous[n]!, max + 1);
}
