import { describe, expect, it } from 'vitest';
import { TextStore } from './text-store';

describe('TextStore', () => {
	it('gives back each text as it was set, across chunks, with non-ASCII text', () => {
		const store = new TextStore(64);
		const texts = new Map<string, string>();
		for (let i = 0; i < 200; i++) texts.set(`id-${i}`, `{"title":"Inovasi ${i} — “Sekolah Ibu” 🌾","n":${i * 7}}`);
		for (const [key, text] of texts) store.set(key, text);
		expect(store.size).toBe(200);
		for (const [key, text] of texts) expect(store.get(key)).toBe(text);
		expect(store.get('missing')).toBeUndefined();
	});

	it('replaces a text and forgets a deleted one', () => {
		const store = new TextStore(32);
		store.set('a', 'pertama');
		store.set('b', 'kedua');
		store.set('a', 'pertama, diubah dengan teks yang lebih panjang dari satu potongan');
		expect(store.get('a')).toBe('pertama, diubah dengan teks yang lebih panjang dari satu potongan');
		expect(store.get('b')).toBe('kedua');
		expect(store.delete('b')).toBe(true);
		expect(store.has('b')).toBe(false);
		expect(store.get('b')).toBeUndefined();
		expect(store.size).toBe(1);
		store.set('', '');
		expect(store.get('')).toBe('');
	});
});
