import { describe, expect, it } from 'vitest';
import { bareRegionName, displayRegionName, normaliseRegionCode, regencyLevel } from './region-names';

describe('displayRegionName', () => {
	it.each([
		['KABUPATEN ACEH SELATAN', 'Kabupaten Aceh Selatan'],
		['DKI JAKARTA', 'DKI Jakarta'],
		['DAERAH ISTIMEWA YOGYAKARTA', 'Daerah Istimewa Yogyakarta'],
		['KOTA ADM. JAKARTA SELATAN', 'Kota Adm. Jakarta Selatan'],
		['KABUPATEN TOLI-TOLI', 'Kabupaten Toli-Toli'],
		['  KOTA   PALU ', 'Kota Palu']
	])('%s -> %s', (input, expected) => {
		expect(displayRegionName(input)).toBe(expected);
	});
});

describe('regencyLevel and bareRegionName', () => {
	it('tells a kota from a kabupaten', () => {
		expect(regencyLevel('KOTA SURABAYA')).toBe('kota');
		expect(regencyLevel('KABUPATEN KOTAWARINGIN BARAT')).toBe('kabupaten');
	});
	it('strips the level prefix', () => {
		expect(bareRegionName('Kabupaten Ngada')).toBe('Ngada');
		expect(bareRegionName('Provinsi Jawa Timur')).toBe('Jawa Timur');
		expect(bareRegionName('Kota Administrasi Jakarta Barat')).toBe('Jakarta Barat');
	});
});

describe('normaliseRegionCode', () => {
	it.each([
		['5309', '53.09'],
		['53.09', '53.09'],
		['35', '35'],
		['530901', '53.09.01'],
		[' 12.15 ', '12.15']
	])('%s -> %s', (input, expected) => expect(normaliseRegionCode(input)).toBe(expected));
	it.each(['', '5', '53a9', '12345', null, undefined])('rejects %s', (input) =>
		expect(normaliseRegionCode(input)).toBeNull()
	);
});
