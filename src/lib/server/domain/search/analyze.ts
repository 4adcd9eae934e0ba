import { stem } from './stemmer';
import { FUNCTION_WORDS, joinCompounds, standardSpelling, wordList } from './text';

/** Stems of a text, function words left out (what the index stores and queries look up). */
export function analyzeText(text: string): string[] {
	const out: string[] = [];
	for (const word of joinCompounds(wordList(text))) {
		if (FUNCTION_WORDS.has(word)) continue;
		out.push(stem(word));
	}
	return out;
}

/** Letters and digits only: "SI PERUT LAPER" and "si-perut laper" both give "siperutlaper". */
export function acronymKey(text: string): string {
	return wordList(text).map(standardSpelling).join('');
}
