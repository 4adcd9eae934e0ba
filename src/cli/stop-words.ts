import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Reference data sits beside the repository (../shared/data); without it narratives are compared without stop words.
const STOP_WORDS = fileURLToPath(new URL('../../../shared/data/bahasa/stopwords-id.txt', import.meta.url));

/** Indonesian stop words for comparing narratives when importing; empty when the list is absent. */
export function loadStopWords(): Set<string> {
	if (!existsSync(STOP_WORDS)) return new Set();
	return new Set(
		readFileSync(STOP_WORDS, 'utf8')
			.split(/\r?\n/)
			.map((word) => word.trim().toLowerCase())
			.filter(Boolean)
	);
}
