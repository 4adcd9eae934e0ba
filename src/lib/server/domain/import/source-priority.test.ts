import { describe, expect, it } from 'vitest';
import { rebuildCanonicalFields, type LinkedRecord } from './canonical-fields';
import { DEFAULT_SOURCE_PRIORITY, parseSourcePriority, sourceRank, toSourcePriority } from './source-priority';

describe('source priority per field', () => {
	it('ranks by the column order, falling back to the default order', () => {
		expect(sourceRank(DEFAULT_SOURCE_PRIORITY, 'title', 'panrb')).toBe(0);
		expect(sourceRank(DEFAULT_SOURCE_PRIORITY, 'title', 'lan')).toBe(2);
		expect(sourceRank(DEFAULT_SOURCE_PRIORITY, 'stage', 'kemendagri')).toBe(0);
		expect(sourceRank(DEFAULT_SOURCE_PRIORITY, 'stage', 'panrb')).toBe(1);
		// A source left out of an order ranks after those listed.
		expect(sourceRank({ default: ['lan'], fields: {} }, 'title', 'panrb')).toBe(1);
	});

	it('treats a plain list as one order for every column', () => {
		const priority = toSourcePriority(['lan', 'panrb', 'kemendagri']);
		expect(sourceRank(priority, 'stage', 'lan')).toBe(0);
		expect(toSourcePriority(undefined)).toBe(DEFAULT_SOURCE_PRIORITY);
	});

	it('accepts a valid configuration file', () => {
		const parsed = parseSourcePriority({ default: ['kemendagri', 'panrb', 'lan'], fields: { summary: ['lan'] } });
		expect(parsed).toEqual({ ok: true, value: { default: ['kemendagri', 'panrb', 'lan'], fields: { summary: ['lan'] } } });
		expect(parseSourcePriority({ default: ['panrb'] })).toEqual({ ok: true, value: { default: ['panrb'], fields: {} } });
	});

	it('explains in Indonesian what is wrong with a configuration', () => {
		const parsed = parseSourcePriority({ default: ['panrb', 'panrb'], fields: { judul: ['lan'], stage: ['bps'] } });
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.messages).toContain('default: Satu sumber disebut dua kali dalam satu urutan.');
		expect(parsed.messages).toContain('fields.stage.0: Sumber harus salah satu dari: panrb, kemendagri, lan.');
		const unknownColumn = parseSourcePriority({ default: ['panrb'], fields: { judul: ['lan'] } });
		expect(unknownColumn.ok).toBe(false);
		if (!unknownColumn.ok) expect(unknownColumn.messages[0]).toMatch(/^fields\.judul: Kolom "judul" tidak dikenal\. Kolom yang dapat diatur: title, acronym, /);
		expect(parseSourcePriority(['panrb'])).toMatchObject({ ok: false });
		expect(parseSourcePriority({ default: [] })).toEqual({ ok: false, messages: ['default: Urutan sumber tidak boleh kosong.'] });
	});
});

describe('rebuildCanonicalFields with a per-field priority', () => {
	const panrb: LinkedRecord = { id: 1, source: 'panrb', externalId: 'SNV-1', record: { title: 'Judul PANRB', stage: 'penciptaan' } };
	const kemendagri: LinkedRecord = { id: 2, source: 'kemendagri', externalId: 'K-1', record: { title: 'Judul IID', stage: 'pelembagaan' } };

	it('takes the stage from Kemendagri and the title from PANRB by default', () => {
		const result = rebuildCanonicalFields({ current: {}, provenance: {}, records: [panrb, kemendagri] });
		expect(result.values.title).toBe('Judul PANRB');
		expect(result.values.stage).toBe('pelembagaan');
		expect(result.provenance.stage).toEqual({ source: 'kemendagri', externalId: 'K-1' });
	});

	it('follows a configured order', () => {
		const result = rebuildCanonicalFields({
			current: {},
			provenance: {},
			records: [panrb, kemendagri],
			priority: { default: ['kemendagri', 'panrb', 'lan'], fields: { stage: ['panrb'] } }
		});
		expect(result.values.title).toBe('Judul IID');
		expect(result.values.stage).toBe('penciptaan');
	});
});
