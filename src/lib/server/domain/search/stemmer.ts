import { Stemmer } from 'sastrawijs';
import { standardSpelling } from './text';

/**
 * Indonesian stemming: Sastrawi (Nazief–Adriani with a root-word dictionary, npm `sastrawijs`)
 * after spelling variants are folded, with a few corrections where the dictionary picks the
 * wrong root. Results are cached: a corpus has a few tens of thousands of distinct words.
 */
const CORRECTIONS: Readonly<Record<string, string>> = {
	pengelolaan: 'kelola',
	pengelola: 'kelola',
	mengelola: 'kelola',
	dikelola: 'kelola',
	kelola: 'kelola',
	perpajakan: 'pajak',
	penanganan: 'tangan',
	menangani: 'tangan',
	ditangani: 'tangan',
	peternakan: 'ternak',
	peternak: 'ternak',
	ketenagakerjaan: 'tenagakerja',
	tenagakerja: 'tenagakerja'
};

/** Words the stemmer must leave alone: short abbreviations and names that look inflected. */
const KEEP: ReadonlySet<string> = new Set(['umkm', 'ukm', 'ktp', 'kk', 'ptsp', 'mpp', 'bumdes', 'bumn', 'bumd', 'kipp', 'iga']);

let stemmer: Stemmer | undefined;
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** The stem of a normalised word (see text.ts `words`). */
export function stem(word: string): string {
	const cached = cache.get(word);
	if (cached !== undefined) return cached;
	const result = computeStem(word);
	if (cache.size >= CACHE_LIMIT) cache.clear();
	cache.set(word, result);
	return result;
}

function computeStem(word: string): string {
	const standard = standardSpelling(word);
	const corrected = CORRECTIONS[standard];
	if (corrected) return corrected;
	// Numbers, codes and very short words are kept as they are.
	if (standard.length <= 3 || KEEP.has(standard) || /\d/.test(standard)) return standard;
	stemmer ??= new Stemmer();
	const root = stemmer.stem(standard);
	return root.length >= 2 ? root : standard;
}
