/**
 * Text normalisation for search: lower case without diacritics, words with their offsets in the
 * original text (for snippets), spelling variants folded to the standard (KBBI) spelling, and a
 * short list of function words that carry no meaning on their own.
 */

export interface Word {
	/** Normalised word (lower case, ASCII letters and digits). */
	word: string;
	/** Offsets in the original text. */
	start: number;
	end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Runs of whitespace (line breaks, tabs) as one space, none at either end: how texts are shown in lists. */
export function collapseWhitespace(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** Lower case, no diacritics (é -> e), so "Pelayanan" and "pelayanan" are one word. */
export function foldCase(text: string): string {
	// eslint-disable-next-line no-control-regex
	return /[^\u0000-\u007f]/.test(text) ? text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase() : text.toLowerCase();
}

/** Words of a text with where they are; hyphenated reduplication ("anak-anak") gives both halves. */
export function words(text: string): Word[] {
	const out: Word[] = [];
	eachWord(text, (word, start, end) => out.push({ word, start, end }) > 0);
	return out;
}

/**
 * The words of a text with where they are (see `words`), one by one until `visit` answers false:
 * a snippet needs only the words up to the end of its window.
 */
export function eachWord(text: string, visit: (word: string, start: number, end: number) => boolean): void {
	// Snippets of every hit on every search: ASCII text is scanned over char codes, no regular expression objects.
	if (isAscii(text)) return eachAsciiWord(text, visit);
	for (const match of text.matchAll(WORD)) {
		const word = foldCase(match[0]);
		if (word.length > 40) continue;
		if (!visit(word, match.index, match.index + match[0].length)) return;
	}
}

/** Only the normalised words (faster than `words` when offsets are not needed). */
export function wordList(text: string): string[] {
	const out: string[] = [];
	if (isAscii(text)) {
		eachAsciiWord(text, (word) => void out.push(word));
		return out;
	}
	for (const match of foldCase(text).matchAll(WORD)) if (match[0].length <= 40) out.push(match[0]);
	return out;
}

// eslint-disable-next-line no-control-regex
const isAscii = (text: string) => !/[^\u0000-\u007f]/.test(text);

/** The lower-case words (letters and digits, at most 40) of an ASCII text, with their offsets. */
function eachAsciiWord(text: string, visit: (word: string, start: number, end: number) => boolean | void): void {
	const lower = text.toLowerCase();
	let start = -1;
	for (let i = 0; i <= lower.length; i++) {
		const c = i < lower.length ? lower.charCodeAt(i) : 32;
		if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
			if (start < 0) start = i;
		} else if (start >= 0) {
			if (i - start <= 40 && visit(lower.slice(start, i), start, i) === false) return;
			start = -1;
		}
	}
}

/**
 * Non-standard spellings that people type and registries contain, mapped to the KBBI form.
 * Whole words; the izin family (ijin, perijinan, diijinkan ...) is handled by a rule below.
 */
export const SPELLING_VARIANTS: Readonly<Record<string, string>> = {
	akte: 'akta',
	aktenya: 'aktanya',
	praktek: 'praktik',
	praktek2: 'praktik',
	propinsi: 'provinsi',
	kwitansi: 'kuitansi',
	kwalitas: 'kualitas',
	kwantitas: 'kuantitas',
	apotik: 'apotek',
	nasehat: 'nasihat',
	resiko: 'risiko',
	sistim: 'sistem',
	tehnik: 'teknik',
	tehnologi: 'teknologi',
	tekhnologi: 'teknologi',
	tekhnis: 'teknis',
	tehnis: 'teknis',
	obyek: 'objek',
	obyektif: 'objektif',
	subyek: 'subjek',
	jadual: 'jadwal',
	ektp: 'ktp',
	handphone: 'hp',
	hape: 'hp',
	aktifitas: 'aktivitas',
	kreatifitas: 'kreativitas',
	produktifitas: 'produktivitas',
	efektifitas: 'efektivitas',
	sekertariat: 'sekretariat',
	managemen: 'manajemen',
	manajement: 'manajemen',
	management: 'manajemen',
	standarisasi: 'standardisasi',
	mall: 'mal',
	pelayananan: 'pelayanan',
	online: 'daring',
	offline: 'luring',
	karir: 'karier',
	antri: 'antre',
	antrian: 'antrean',
	ijasah: 'ijazah',
	kadaluarsa: 'kedaluwarsa',
	kadaluwarsa: 'kedaluwarsa',
	silahkan: 'silakan',
	hutang: 'utang',
	fikir: 'pikir',
	faham: 'paham',
	rubah: 'ubah',
	merubah: 'mengubah',
	tentram: 'tenteram',
	trampil: 'terampil',
	ketrampilan: 'keterampilan',
	jaman: 'zaman',
	ijin: 'izin'
};

/**
 * Two-word compounds whose parts mean something else on their own: "ibu kota" (capital) is not
 * about mothers ("ibu"), "tanda tangan" (signature) not about hands. Indexed and queried as one word.
 */
const COMPOUNDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
	ibu: { kota: 'ibukota' },
	tanda: { tangan: 'tandatangan' },
	kaki: { lima: 'kakilima' }
};

/** `words` with the compounds above joined (in place when there are none). */
export function joinCompounds(words: string[]): string[] {
	let out: string[] | null = null;
	for (let i = 0; i < words.length; i++) {
		const joined = i + 1 < words.length ? COMPOUNDS[words[i]!]?.[words[i + 1]!] : undefined;
		if (joined !== undefined) {
			out ??= words.slice(0, i);
			out.push(joined);
			i++;
		} else if (out) out.push(words[i]!);
	}
	return out ?? words;
}

/** Folds a normalised word to its standard spelling. */
export function standardSpelling(word: string): string {
	const fixed = SPELLING_VARIANTS[word];
	if (fixed !== undefined) return fixed;
	// ijin, perijinan, diijinkan, pengijinan, berijin: the j spelling of the izin family.
	if (word.includes('ijin')) return word.replace('ijin', 'izin');
	return word;
}

/**
 * Function words that say nothing on their own. Deliberately short: the shared Indonesian stop
 * word list also holds content words ("ibu", "tahun", "baru", "umum") that a query like
 * "Sekolah Ibu" needs, so it is not used for search.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
	'dan', 'di', 'ke', 'dari', 'yang', 'untuk', 'dengan', 'pada', 'dalam', 'atau', 'oleh', 'ini', 'itu',
	'serta', 'bagi', 'sebagai', 'agar', 'supaya', 'juga', 'adalah', 'ialah', 'yaitu', 'yakni', 'akan',
	'telah', 'sudah', 'sedang', 'dapat', 'bisa', 'tersebut', 'para', 'kepada', 'terhadap', 'secara',
	'karena', 'sehingga', 'namun', 'tetapi', 'tapi', 'melalui', 'lewat', 'via', 'antara', 'hingga', 'sampai', 'oleh',
	'the', 'of', 'and', 'a', 'an', 'in', 'for', 'to'
]);
