import { randomBytes } from 'node:crypto';

/**
 * Innovation ids: `inv-` and 10 characters of Crockford base32 (no I, L, O, U), short enough to
 * read out on the phone and stable forever. The demo generator passes its own seeded bytes so
 * that the same seed gives the same ids.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function innovationId(bytes: Uint8Array = randomBytes(10)): string {
	let out = 'inv-';
	for (let i = 0; i < 10; i++) out += ALPHABET[bytes[i]! % 32];
	return out;
}

export const INNOVATION_ID_PATTERN = /^inv-[0-9a-hjkmnp-tv-z]{10}$/;
