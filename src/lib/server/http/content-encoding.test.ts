import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseAnswerEncoding, compressAnswer } from './content-encoding';

describe('chooseAnswerEncoding', () => {
	it('takes gzip for a fresh answer and brotli for a kept one, when the client takes both', () => {
		expect(chooseAnswerEncoding('gzip, deflate, br', false)).toBe('gzip');
		expect(chooseAnswerEncoding('gzip, deflate, br', true)).toBe('br');
	});

	it('falls back to the other encoding, and to none, as the client allows', () => {
		expect(chooseAnswerEncoding('br', false)).toBe('br');
		expect(chooseAnswerEncoding('gzip', true)).toBe('gzip');
		expect(chooseAnswerEncoding('br, gzip;q=0', false)).toBe('br');
		expect(chooseAnswerEncoding('identity', true)).toBeNull();
		expect(chooseAnswerEncoding(null, false)).toBeNull();
	});

	it('takes an encoding the answer has already, when the client takes it', () => {
		const gzip = Buffer.from('x');
		expect(chooseAnswerEncoding('gzip, deflate, br', true, { gzip })).toBe('gzip');
		expect(chooseAnswerEncoding('br', true, { gzip })).toBe('br');
		expect(chooseAnswerEncoding('identity', true, { gzip })).toBeNull();
	});
});

describe('compressAnswer', () => {
	it('gives bytes that decompress to the answer', () => {
		const body = Buffer.from(JSON.stringify({ items: Array.from({ length: 50 }, (_, i) => ({ id: i, title: 'Pelayanan KTP Keliling' })) }));
		for (const kept of [false, true]) {
			expect(gunzipSync(compressAnswer(body, 'gzip', kept)).equals(body)).toBe(true);
			expect(brotliDecompressSync(compressAnswer(body, 'br', kept)).equals(body)).toBe(true);
		}
	});
});
