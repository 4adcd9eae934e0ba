import { stem } from './stemmer';
import type { SynonymTable } from './synonyms';
import { FUNCTION_WORDS, standardSpelling, wordList } from './text';
import type { Vocabulary } from './typo';

/**
 * A query as the index evaluates it: one clause per meaningful word (or per abbreviation /
 * expansion span), each satisfied by any of its alternatives; an alternative needs all its stems.
 */
export interface QueryAlternative {
	stems: string[];
	boost: number;
}

export interface QueryClause {
	text: string;
	alternatives: QueryAlternative[];
}

export interface ParsedQuery {
	clauses: QueryClause[];
	/** The query's letters and digits run together, to match acronyms ("si perut laper"). */
	acronymKey: string;
	/** The query with typos corrected, when a word was corrected ("did you mean"). */
	corrected: string | null;
	/** Every stem that counts as a hit, for highlighting. */
	highlightStems: Set<string>;
}

export interface QueryContext {
	hasStem(stem: string): boolean;
	vocabulary: Vocabulary;
	synonyms: SynonymTable;
}

const MAX_WORDS = 16;
const SYNONYM_BOOST = 0.9;

export function parseQuery(q: string, context: QueryContext): ParsedQuery {
	const all = wordList(q).slice(0, MAX_WORDS);
	const acronymKey = all.map(standardSpelling).join('');
	const content = all.filter((word) => !FUNCTION_WORDS.has(word));
	// A query of only function words ("dan") still searches for them.
	const used = content.length > 0 ? content : all;
	let correctedAny = false;
	const correctedWords = all.slice();
	const stems: string[] = [];
	const texts: string[] = [];
	for (const word of used) {
		let chosen = standardSpelling(word);
		let s = stem(chosen);
		if (!context.hasStem(s) && context.synonyms.rulesAt([s], 0).length === 0) {
			const fix = context.vocabulary.correct(chosen);
			if (fix) {
				chosen = fix;
				s = stem(fix);
				correctedAny = true;
				const at = correctedWords.indexOf(word);
				if (at >= 0) correctedWords[at] = fix;
			}
		}
		stems.push(s);
		texts.push(chosen);
	}
	const clauses: QueryClause[] = [];
	for (let position = 0; position < stems.length; ) {
		const rules = context.synonyms.rulesAt(stems, position);
		if (rules.length > 0) {
			const length = rules[0]!.from.length;
			const alternatives: QueryAlternative[] = [{ stems: stems.slice(position, position + length), boost: 1 }];
			for (const rule of rules) {
				if (rule.from.length !== length) continue;
				if (alternatives.some((a) => a.stems.join(' ') === rule.to.join(' '))) continue;
				alternatives.push({ stems: rule.to, boost: SYNONYM_BOOST });
			}
			clauses.push({ text: texts.slice(position, position + length).join(' '), alternatives });
			position += length;
		} else {
			// The same stem twice in a query counts once.
			if (!clauses.some((c) => c.alternatives.length === 1 && c.alternatives[0]!.stems.length === 1 && c.alternatives[0]!.stems[0] === stems[position])) {
				clauses.push({ text: texts[position]!, alternatives: [{ stems: [stems[position]!], boost: 1 }] });
			}
			position += 1;
		}
	}
	const highlightStems = new Set<string>();
	for (const clause of clauses) for (const alternative of clause.alternatives) for (const s of alternative.stems) highlightStems.add(s);
	return { clauses, acronymKey, corrected: correctedAny ? correctedWords.join(' ') : null, highlightStems };
}
