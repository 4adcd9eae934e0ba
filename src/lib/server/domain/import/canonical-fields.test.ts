import { describe, expect, it } from 'vitest';
import { emptyValueOf, rebuildCanonicalFields, type LinkedRecord } from './canonical-fields';

const panrb: LinkedRecord = {
	id: 10,
	source: 'panrb',
	externalId: 'SNV-1',
	record: { title: 'Posyandu Keliling', agencyId: 'pemkab-53.09', stage: null, summary: 'Ringkasan PANRB', sdgs: [] }
};
const lan: LinkedRecord = {
	id: 5,
	source: 'lan',
	externalId: '7',
	record: { title: 'Posyandu Keliling Desa', agencyId: 'pemkab-53.09', stage: 'pengembangan', summary: 'Ringkasan LAN', sdgs: [3] }
};

describe('rebuildCanonicalFields', () => {
	it('takes each field from the highest-priority source that has it, with provenance', () => {
		const result = rebuildCanonicalFields({ current: {}, provenance: {}, records: [lan, panrb] });
		expect(result.values.title).toBe('Posyandu Keliling');
		expect(result.provenance.title).toEqual({ source: 'panrb', externalId: 'SNV-1' });
		expect(result.values.stage).toBe('pengembangan');
		expect(result.provenance.stage).toEqual({ source: 'lan', externalId: '7' });
		expect(result.values.sdgs).toEqual([3]);
		expect(result.changes.summary).toEqual({ from: null, to: 'Ringkasan PANRB' });
	});

	it('prefers the older record within one source', () => {
		const newer: LinkedRecord = { ...panrb, id: 20, externalId: 'SNV-2', record: { ...panrb.record, title: 'Judul Baru' } };
		expect(rebuildCanonicalFields({ current: {}, provenance: {}, records: [newer, panrb] }).values.title).toBe('Posyandu Keliling');
	});

	it('keeps what a person entered', () => {
		const result = rebuildCanonicalFields({
			current: { title: 'Judul Kurator' },
			provenance: { title: { source: 'manual' } },
			records: [panrb]
		});
		expect(result.values.title).toBe('Judul Kurator');
		expect(result.provenance.title).toEqual({ source: 'manual' });
		expect(result.changes.title).toBeUndefined();
	});

	it('clears a value whose source record left, keeps values without provenance', () => {
		const result = rebuildCanonicalFields({
			current: { title: 'Posyandu Keliling', stage: 'pengembangan', summary: 'x', theme: 'Kesehatan' },
			provenance: { title: { source: 'panrb', externalId: 'SNV-1' }, stage: { source: 'lan', externalId: '7' }, summary: { source: 'lan', externalId: '7' } },
			records: [{ ...panrb, record: { ...panrb.record, summary: '' } }]
		});
		expect(result.values.stage).toBe('penciptaan');
		expect(result.provenance.stage).toBeUndefined();
		expect(result.values.summary).toBe('');
		expect(result.values.theme).toBe('Kesehatan');
		expect(result.provenanceChanged).toBe(true);
	});

	it('keeps values owned by a record stored without its candidate', () => {
		const opaque: LinkedRecord = { id: 3, source: 'kemendagri', externalId: 'K-1', record: {} };
		const result = rebuildCanonicalFields({
			current: { title: 'Lama', main_affair: 'kesehatan' },
			provenance: { main_affair: { source: 'kemendagri', externalId: 'K-1' } },
			records: [opaque]
		});
		expect(result.values.main_affair).toBe('kesehatan');
		expect(result.changes).toEqual({});
	});

	it('knows each column\'s empty value', () => {
		expect(emptyValueOf('summary')).toBe('');
		expect(emptyValueOf('sdgs')).toEqual([]);
		expect(emptyValueOf('stage')).toBe('penciptaan');
		expect(emptyValueOf('acronym')).toBeNull();
	});
});
