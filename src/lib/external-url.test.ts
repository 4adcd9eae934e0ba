import { describe, expect, it } from 'vitest';
import { safeExternalUrl, urlHost } from './external-url';

describe('safeExternalUrl', () => {
	it('keeps http and https addresses', () => {
		expect(safeExternalUrl('https://youtu.be/abc')).toBe('https://youtu.be/abc');
		expect(safeExternalUrl(' http://example.go.id/a?b=1 ')).toBe('http://example.go.id/a?b=1');
	});

	it('adds https to a bare host name as sources often give it', () => {
		expect(safeExternalUrl('www.ngadakab.go.id')).toBe('https://www.ngadakab.go.id/');
	});

	it('refuses scripts, data and other schemes', () => {
		expect(safeExternalUrl('javascript:alert(1)')).toBeNull();
		expect(safeExternalUrl('JaVaScRiPt:alert(1)')).toBeNull();
		expect(safeExternalUrl('data:text/html,<b>x</b>')).toBeNull();
		expect(safeExternalUrl('mailto:a@b.c')).toBeNull();
	});

	it('refuses empty values and words that are not addresses', () => {
		expect(safeExternalUrl(null)).toBeNull();
		expect(safeExternalUrl('   ')).toBeNull();
		expect(safeExternalUrl('belum ada')).toBeNull();
	});
});

describe('urlHost', () => {
	it('drops www.', () => {
		expect(urlHost('https://www.youtube.com/watch?v=1')).toBe('youtube.com');
	});
});
