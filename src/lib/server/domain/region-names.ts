import type { RegionLevel } from '../db/schema';

/** Words kept in upper case when a Kemendagri name in capitals is turned into a display name. */
const UPPER_WORDS = new Set(['DKI', 'DI', 'II', 'III', 'IV']);

/** `KABUPATEN ACEH SELATAN` -> `Kabupaten Aceh Selatan`; `DKI JAKARTA` -> `DKI Jakarta`. */
export function displayRegionName(name: string): string {
	return name
		.trim()
		.replace(/\s+/g, ' ')
		.split(' ')
		.map((word) => {
			const bare = word.replace(/[^A-Za-z]/g, '').toUpperCase();
			if (UPPER_WORDS.has(bare)) return word.toUpperCase();
			return word
				.toLowerCase()
				.replace(/(^|[-(/.'])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
		})
		.join(' ');
}

/** The level of a regency-level region from its Kemendagri name ("KOTA ..." or "KABUPATEN ..."). */
export function regencyLevel(name: string): Extract<RegionLevel, 'kabupaten' | 'kota'> {
	return /^kota\b/i.test(name.trim()) ? 'kota' : 'kabupaten';
}

/** The bare name without its `Kabupaten`/`Kota`/`Provinsi` prefix: `Kabupaten Ngada` -> `Ngada`. */
export function bareRegionName(name: string): string {
	return name
		.trim()
		.replace(/^(kabupaten|kota|provinsi)\s+(administrasi\s+)?/i, '')
		.trim();
}

/** Kemendagri code with dots (`5309` -> `53.09`). Returns null for anything that is not a code. */
export function normaliseRegionCode(input: string | null | undefined): string | null {
	if (input == null) return null;
	const digits = String(input).trim().replace(/\./g, '');
	if (!/^\d+$/.test(digits) || ![2, 4, 6].includes(digits.length)) return null;
	return digits.match(/.{2}/g)!.join('.');
}
