import { matchesEveryPrefix, PrefixIndex, searchPrefixes, suggestionWords } from './prefix-index';

/**
 * Agencies and regions for suggestions while typing: a few thousand entries from the registry,
 * matched like innovations (every word typed starts a word of the name, abbreviation or an alias).
 */
export interface RegistrySuggestion {
	kind: 'agency' | 'region';
	/** Agency id or region code. */
	key: string;
	label: string;
	detail: string;
	url: string;
}

export interface RegistrySuggestionInput extends RegistrySuggestion {
	/** Every text the entry is found by: name, abbreviation, aliases. */
	texts: Array<string | null>;
}

export class RegistrySuggestions {
	private readonly entries: RegistrySuggestion[] = [];
	private readonly words: string[][] = [];
	private readonly index = new PrefixIndex();

	constructor(inputs: readonly RegistrySuggestionInput[]) {
		for (const { texts, ...entry } of inputs) {
			const ref = this.entries.length;
			const words = [...suggestionWords(entry.label)];
			for (const text of texts) {
				if (!text) continue;
				const own = suggestionWords(text);
				words.push(...own);
				if (own.length > 1) words.push(own.join(''));
			}
			this.entries.push(entry);
			this.words.push(words);
			this.index.add(ref, words);
		}
		this.index.seal();
	}

	get size(): number {
		return this.entries.length;
	}

	/** Entries of one kind matching the query words, labels starting with the first word first, then shorter. */
	search(kind: RegistrySuggestion['kind'], query: readonly string[], limit: number, correct?: (word: string) => string | undefined): RegistrySuggestion[] {
		const result = searchPrefixes(this.index, query, {
			limit,
			correct,
			score: (ref, words) => {
				const entry = this.entries[ref]!;
				if (entry.kind !== kind || !matchesEveryPrefix(this.words[ref]!, words)) return null;
				const label = suggestionWords(entry.label);
				const first = label.some((w) => w.startsWith(words[0]!)) ? 1 : 0;
				return first - label.length * 0.01 - entry.label.length * 0.0001;
			}
		});
		return result.refs.map((ref) => this.entries[ref]!);
	}
}
