import { stem } from './stemmer';
import { NO_PLACES, type PlaceNames } from './places';
import type { SynonymTable } from './synonyms';
import { FUNCTION_WORDS, joinCompounds, standardSpelling, wordList } from './text';
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
	/** Regions/provinces named in the query (Kemendagri codes): a ranking boost, not required words. */
	places: string[];
}

export interface QueryContext {
	hasStem(stem: string): boolean;
	vocabulary: Vocabulary;
	synonyms: SynonymTable;
	places?: PlaceNames;
}

const MAX_WORDS = 16;
const SYNONYM_BOOST = 0.9;

export function parseQuery(q: string, context: QueryContext): ParsedQuery {
	const all = joinSplitWords(joinCompounds(wordList(q).slice(0, MAX_WORDS)), context);
	const acronymKey = all.map(standardSpelling).join('');
	let content = all.filter((word) => !FUNCTION_WORDS.has(word));
	// Place names ("kota magelang", "jawa tengah") become a region intent when other words remain.
	const places: string[] = [];
	const placeNames = context.places ?? NO_PLACES;
	if (placeNames.size > 0 && content.length > 1) {
		const rest: string[] = [];
		const found: string[] = [];
		for (let i = 0; i < content.length; ) {
			const place = placeNames.at(content, i);
			if (place) {
				found.push(...place.codes);
				i += place.length;
			} else rest.push(content[i++]!);
		}
		if (found.length > 0 && rest.length > 0) {
			places.push(...new Set(found));
			content = rest;
		}
	}
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
	return { clauses, acronymKey, corrected: correctedAny ? correctedWords.join(' ') : null, highlightStems, places };
}

/**
 * Words typed apart that the corpus writes as one ("whats app", "e ktp", "on line"): joined when
 * the joined form is a known word (or a spelling variant of one) and a part is not, or a part
 * is a single letter.
 */
function joinSplitWords(words: string[], context: QueryContext): string[] {
	const known = (word: string) => {
		const s = stem(standardSpelling(word));
		return context.hasStem(s) || context.synonyms.rulesAt([s], 0).length > 0;
	};
	const out: string[] = [];
	for (let i = 0; i < words.length; i++) {
		const word = words[i]!;
		const next = words[i + 1];
		if (next !== undefined && !/\d/.test(word + next)) {
			const joined = word + next;
			const weakPart = word.length === 1 || next.length === 1 || !known(word) || !known(next);
			if (weakPart && (joined !== standardSpelling(joined) || known(joined))) {
				out.push(joined);
				i++;
				continue;
			}
		}
		out.push(word);
	}
	return out;
}
