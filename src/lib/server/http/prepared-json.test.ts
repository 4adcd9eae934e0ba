import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PreparedJson } from './prepared-json';

describe('PreparedJson', () => {
	const value = { items: Array.from({ length: 40 }, (_, i) => ({ id: `inv-${i}`, title: 'Pelayanan KTP Keliling — “Jemput Bola”' })), total: 40 };

	it('keeps a compacted answer as gzip only, and gives the same JSON and value back', () => {
		const json = JSON.stringify(value);
		const answer = PreparedJson.fromJson<typeof value>(json);
		expect(answer.encoded.gzip).toBeUndefined();
		expect(answer.compact()).toBe(answer);
		expect(answer.byteLength).toBe(Buffer.byteLength(json));
		expect(answer.encoded.gzip!.byteLength).toBeLessThan(answer.byteLength / 4);
		expect(gunzipSync(answer.encoded.gzip!).toString('utf8')).toBe(json);
		expect(answer.bytes.toString('utf8')).toBe(json);
		expect(answer.parse()).toEqual(value);
	});

	it('leaves an answer kept as JSON as it is until compacted', () => {
		const answer = PreparedJson.of(value);
		expect(answer.bytes.toString('utf8')).toBe(JSON.stringify(value));
		expect(answer.byteLength).toBe(answer.bytes.byteLength);
		expect(answer.encoded).toEqual({});
	});
});
