import { standardSpelling, wordList } from './text';

/**
 * Names of kabupaten/kota and provinces, so a query such as "stunting ngada" or "dtks jawa
 * tengah" is read as a subject plus a place: the place ranks innovations of that region (then
 * of its province) first instead of being a word every result must contain.
 */
export interface PlaceMatch {
	/** Words of the query the name covers. */
	length: number;
	/** Kemendagri codes named: a kabupaten/kota ("33.71") or a province ("33"). */
	codes: string[];
}

/** Words naming the kind of region, left out so "kota magelang" and "magelang" both match. */
const KIND_WORDS = [['kabupaten'], ['kab'], ['kota', 'administrasi'], ['kota'], ['provinsi'], ['prov']];
const MAX_NAME_WORDS = 6;

const normalise = (text: string) => wordList(text).map(standardSpelling);

export class PlaceNames {
	private readonly names = new Map<string, Set<string>>();

	/** Registers a region's or province's name (idempotent). */
	add(name: string | null | undefined, code: string | null | undefined): void {
		if (!name || !code) return;
		const words = normalise(name);
		if (words.length === 0 || words.length > MAX_NAME_WORDS) return;
		this.put(words, code);
		for (const kind of KIND_WORDS) {
			if (words.length > kind.length && kind.every((w, i) => words[i] === w)) {
				this.put(words.slice(kind.length), code);
				break;
			}
		}
		// "provinsi jawa tengah" / "kabupaten x" typed in full.
		if (!code.includes('.')) this.put(['provinsi', ...words], code);
	}

	private put(words: string[], code: string): void {
		const key = words.join(' ');
		let codes = this.names.get(key);
		if (!codes) this.names.set(key, (codes = new Set()));
		codes.add(code);
	}

	/** The longest place name starting at `position` of the (normalised) query words. */
	at(words: readonly string[], position: number): PlaceMatch | null {
		for (let length = Math.min(MAX_NAME_WORDS + 1, words.length - position); length >= 1; length--) {
			const codes = this.names.get(words.slice(position, position + length).map(standardSpelling).join(' '));
			if (codes) return { length, codes: [...codes] };
		}
		return null;
	}

	/** Up to `n` of the names, spread over all of them (for warming the index up). */
	sample(n: number): string[] {
		const step = Math.max(1, Math.floor(this.names.size / Math.max(1, n)));
		return [...this.names.keys()].filter((_, i) => i % step === 0).slice(0, n);
	}

	get size(): number {
		return this.names.size;
	}
}

export const NO_PLACES = new PlaceNames();
