import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rawDocument } from '../../src/lib/server/services/import-row-preparation';

describe('rawDocument', () => {
	it('gives the checksum stored since the first import (sorted [key, value] pairs) and the row as JSON', () => {
		const values = { Judul: 'SIDAKEP "baru"', ID: 'SNV-1', Tanggal: new Date('2024-03-01T00:00:00Z'), Skor: 3.5, Kosong: null };
		const { raw, json, checksum } = rawDocument(values);
		const expectedRaw = { Judul: 'SIDAKEP "baru"', ID: 'SNV-1', Tanggal: '2024-03-01T00:00:00.000Z', Skor: 3.5, Kosong: null };
		expect(raw).toEqual(expectedRaw);
		expect(JSON.parse(json)).toEqual(expectedRaw);
		const ordered = Object.keys(expectedRaw)
			.sort()
			.map((key) => [key, expectedRaw[key as keyof typeof expectedRaw]]);
		expect(checksum).toBe(createHash('sha256').update(JSON.stringify(ordered)).digest('hex'));
		// Key order does not matter: a re-read file with its columns moved compares equal.
		expect(rawDocument({ Kosong: null, Skor: 3.5, Tanggal: values.Tanggal, ID: 'SNV-1', Judul: 'SIDAKEP "baru"' }).checksum).toBe(checksum);
	});
});

describe('rawDocument over rows with other keys', () => {
	it('sorts each row by its own keys (the sorted keys of the previous row are reused only when they are the same)', () => {
		const rows: Record<string, string | null>[] = [
			{ b: '1', a: '2' },
			{ b: '3', a: '4' },
			{ a: '5', b: '6' },
			{ b: '7', a: '8', c: '9' },
			{ b: '7', a: '8', d: '9' },
			{},
			{ z: null }
		];
		for (const values of rows) {
			const keys = Object.keys(values).sort();
			expect(rawDocument(values).json).toBe(JSON.stringify(Object.fromEntries(keys.map((key) => [key, values[key]]))));
			expect(rawDocument(values).checksum).toBe(createHash('sha256').update(JSON.stringify(keys.map((key) => [key, values[key]]))).digest('hex'));
		}
	});
});
