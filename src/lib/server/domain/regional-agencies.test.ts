import { describe, expect, it } from 'vitest';
import { regionalGovernmentFor } from './regional-agencies';

describe('regionalGovernmentFor', () => {
	it('names a kabupaten government with its abbreviation and aliases', () => {
		const agency = regionalGovernmentFor({ code: '53.09', name: 'Kabupaten Ngada', level: 'kabupaten' });
		expect(agency).toMatchObject({
			id: 'pemkab-53.09',
			name: 'Pemerintah Kabupaten Ngada',
			kind: 'pemerintah_kabupaten',
			abbreviation: 'Pemkab Ngada',
			regionCode: '53.09'
		});
		expect(agency?.aliases).toContain('Kab. Ngada');
	});
	it('names a province and a city', () => {
		expect(regionalGovernmentFor({ code: '35', name: 'Jawa Timur', level: 'provinsi' })?.abbreviation).toBe(
			'Pemprov Jawa Timur'
		);
		expect(regionalGovernmentFor({ code: '35.78', name: 'Kota Surabaya', level: 'kota' })?.name).toBe(
			'Pemerintah Kota Surabaya'
		);
	});
	it('gives no government for a kecamatan', () => {
		expect(regionalGovernmentFor({ code: '53.09.01', name: 'Bajawa', level: 'kecamatan' })).toBeNull();
	});
});
