import { describe, expect, it } from 'vitest';
import { buildSnippet, highlightAll, snippetText } from './snippet';
import { stem } from './stemmer';

describe('snippets', () => {
	const stems = new Set([stem('kelahiran'), stem('akta')]);

	it('marks every form of the words found, as text segments', () => {
		const parts = buildSnippet('Akta kelahiran <b>langsung</b> jadi saat bayi lahir.', stems);
		expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['Akta', 'kelahiran', 'lahir']);
		// Markup in the data stays text; the page escapes it.
		expect(snippetText(parts)).toBe('Akta kelahiran <b>langsung</b> jadi saat bayi lahir.');
	});

	it('starts near the first hit of a long text and cuts at word boundaries', () => {
		const text = `${'Warga desa menempuh perjalanan jauh. '.repeat(12)}Kini akta kelahiran terbit di rumah sakit. ${'Layanan terus berjalan. '.repeat(10)}`;
		const parts = buildSnippet(text, stems, 120);
		expect(parts[0]!.text.startsWith('…')).toBe(true);
		expect(parts.some((p) => p.mark && p.text === 'kelahiran')).toBe(true);
		expect(snippetText(parts).length).toBeLessThanOrEqual(124);
		expect(parts.at(-1)!.text.endsWith('…')).toBe(true);
	});

	it('highlights a whole title', () => {
		expect(highlightAll('Akta Kelahiran Online', stems)).toEqual([
			{ text: 'Akta', mark: true },
			{ text: ' ', mark: false },
			{ text: 'Kelahiran', mark: true },
			{ text: ' Online', mark: false }
		]);
		expect(buildSnippet('', stems)).toEqual([]);
	});
});
