import { describe, expect, it } from 'vitest';
import { isParseProblem, parseDecimal, parseSourceDate } from './dates';

describe('parseSourceDate', () => {
	it.each([
		['2024-10-03', '2024-10-03'],
		['2024-1-3', '2024-01-03'],
		['2024/10/03', '2024-10-03'],
		['03/10/2024', '2024-10-03'],
		['3/10/2024', '2024-10-03'],
		['03-10-2024', '2024-10-03'],
		['03.10.2024', '2024-10-03'],
		['3 Oktober 2024', '2024-10-03'],
		['03 OKTOBER 2024', '2024-10-03'],
		['3 Okt 2024', '2024-10-03'],
		['3 Okt. 2024', '2024-10-03'],
		['3-Okt-2024', '2024-10-03'],
		['  3   Oktober   2024 ', '2024-10-03'],
		['1 Januari 2020', '2020-01-01'],
		['29 Februari 2024', '2024-02-29'],
		['5 Pebruari 2021', '2021-02-05'],
		['10 Maret 2019', '2019-03-10'],
		['21 Mar 2021', '2021-03-21'],
		['1 April 2022', '2022-04-01'],
		['26 Mei 2014', '2014-05-26'],
		['8 Jun 2016', '2016-06-08'],
		['2 Juli 2020', '2020-07-02'],
		['17 Agustus 2023', '2023-08-17'],
		['27 Agu 2017', '2017-08-27'],
		['27 Agt 2017', '2017-08-27'],
		['27 Ags 2017', '2017-08-27'],
		['9 Sep 2018', '2018-09-09'],
		['9 Sept 2018', '2018-09-09'],
		['5 November 2016', '2016-11-05'],
		['5 Nopember 2016', '2016-11-05'],
		['21 Des 2020', '2020-12-21'],
		['5 Desember 2021', '2021-12-05'],
		['3 October 2024', '2024-10-03'],
		['3 May 2024', '2024-05-03'],
		['\uFEFF03/10/2024', '2024-10-03']
	])('%j -> %s', (input, expected) => expect(parseSourceDate(input)).toBe(expected));

	it('keeps the calendar date of an ISO datetime in its own offset', () => {
		expect(parseSourceDate('2022-06-02T01:47:26+07:00')).toBe('2022-06-02');
		expect(parseSourceDate('2024-10-03T23:59:59+0700')).toBe('2024-10-03');
		expect(parseSourceDate('2024-10-03T17:00:00Z')).toBe('2024-10-03');
		expect(parseSourceDate('2024-10-03T17:00:00.123Z')).toBe('2024-10-03');
		expect(parseSourceDate('2024-10-03 08:30')).toBe('2024-10-03');
	});

	it('takes the UTC calendar date of a Date object (an exceljs date cell)', () => {
		expect(parseSourceDate(new Date(Date.UTC(2021, 2, 15)))).toBe('2021-03-15');
		expect(parseSourceDate(new Date(Date.UTC(2021, 2, 15, 23, 59)))).toBe('2021-03-15');
		expect(parseSourceDate(new Date('invalid'))).toEqual({ error: expect.any(String) });
	});

	it('reads Excel serial numbers (1900 system) only when allowed', () => {
		expect(parseSourceDate(45568, { excelSerial: true })).toBe('2024-10-03');
		expect(parseSourceDate('45568', { excelSerial: true })).toBe('2024-10-03');
		expect(parseSourceDate(45568.75, { excelSerial: true })).toBe('2024-10-03');
		expect(parseSourceDate(1, { excelSerial: true })).toBe('1900-01-01');
		expect(parseSourceDate(59, { excelSerial: true })).toBe('1900-02-28');
		expect(parseSourceDate(61, { excelSerial: true })).toBe('1900-03-01');
		expect(parseSourceDate(36526, { excelSerial: true })).toBe('2000-01-01');
		expect(parseSourceDate(60, { excelSerial: true })).toEqual({ error: expect.stringContaining('29 Februari 1900') });
		expect(parseSourceDate(2019, { excelSerial: true })).toEqual({ error: 'Angka 2019 tampaknya tahun, bukan tanggal lengkap.' });
		expect(parseSourceDate(0, { excelSerial: true })).toEqual({ error: expect.any(String) });
		expect(parseSourceDate(-5, { excelSerial: true })).toEqual({ error: expect.any(String) });
		expect(parseSourceDate(45568)).toEqual({ error: 'Angka 45568 tidak dapat dibaca sebagai tanggal.' });
		expect(parseSourceDate('45568')).toEqual({ error: 'Angka 45568 tidak dapat dibaca sebagai tanggal.' });
	});

	it('gives null for an empty cell', () => {
		for (const empty of [null, undefined, '', '   ', '-', '\uFEFF']) expect(parseSourceDate(empty)).toBeNull();
	});

	it('rejects impossible dates with a reason in Bahasa Indonesia', () => {
		expect(parseSourceDate('31/02/2024')).toEqual({
			error: 'Tanggal "31/02/2024" tidak ada: Februari 2024 hanya memiliki 29 hari.'
		});
		expect(parseSourceDate('29/02/2023')).toEqual({
			error: 'Tanggal "29/02/2023" tidak ada: Februari 2023 hanya memiliki 28 hari.'
		});
		expect(parseSourceDate('31 April 2024')).toEqual({ error: expect.stringContaining('April 2024 hanya memiliki 30 hari') });
		expect(parseSourceDate('2024-02-30')).toEqual({ error: expect.stringContaining('tidak ada') });
		expect(parseSourceDate('2024-13-01')).toEqual({ error: expect.stringContaining('bulan 13 tidak ada') });
		expect(parseSourceDate('00/10/2024')).toEqual({ error: expect.stringContaining('tidak ada') });
		expect(parseSourceDate('2024-10-03T25:00:00+07:00')).toEqual({ error: expect.stringContaining('Waktu') });
	});

	it('reads numeric dates day first and says so when the month cannot be a month', () => {
		expect(parseSourceDate('10/31/2024')).toEqual({ error: expect.stringContaining('hari dulu') });
	});

	it('refuses two-digit years rather than guessing the century', () => {
		expect(parseSourceDate('03/10/24')).toEqual({ error: 'Tahun pada tanggal "03/10/24" harus ditulis empat angka.' });
		expect(parseSourceDate('3 Okt 24')).toEqual({ error: expect.stringContaining('empat angka') });
	});

	it('names an unknown month or format', () => {
		expect(parseSourceDate('3 Oktobr 2024')).toEqual({ error: 'Nama bulan "Oktobr" pada tanggal "3 Oktobr 2024" tidak dikenali.' });
		expect(parseSourceDate('kemarin')).toEqual({ error: expect.stringContaining('Format tanggal "kemarin" tidak dikenali') });
		expect(parseSourceDate('2024')).toEqual({ error: expect.any(String) });
		expect(parseSourceDate({})).toEqual({ error: expect.any(String) });
	});
});

describe('isParseProblem', () => {
	it('tells a problem from a value', () => {
		expect(isParseProblem({ error: 'x' })).toBe(true);
		expect(isParseProblem('2024-10-03')).toBe(false);
		expect(isParseProblem(null)).toBe(false);
		expect(isParseProblem(72.5)).toBe(false);
	});
});

describe('parseDecimal', () => {
	it.each([
		['72,5', 72.5],
		['46', 46],
		['49,50', 49.5],
		['1.234,5', 1234.5],
		['1.234.567,89', 1234567.89],
		['1.320', 1320],
		['26.990', 26990],
		['72.5', 72.5],
		['0,25', 0.25],
		[',5', 0.5],
		['-3,5', -3.5],
		['+7', 7],
		[' 1 234,5 ', 1234.5],
		['1\u00A0234,5', 1234.5]
	])('%j -> %d', (input, expected) => expect(parseDecimal(input)).toBe(expected));

	it('passes numbers through and gives null for empty cells', () => {
		expect(parseDecimal(72.5)).toBe(72.5);
		expect(parseDecimal(null)).toBeNull();
		expect(parseDecimal('')).toBeNull();
		expect(parseDecimal(' - ')).toBeNull();
	});

	it.each(['abc', '72,5,1', '1.23.4', '12,3.4', '72,5%', 'NaN'])('rejects %j', (input) => {
		const result = parseDecimal(input);
		expect(isParseProblem(result)).toBe(true);
	});

	it('explains the expected form in Bahasa Indonesia', () => {
		expect(parseDecimal('tujuh')).toEqual({ error: '"tujuh" bukan angka yang dapat dibaca (contoh: 72,5 atau 1.234,5).' });
		expect(parseDecimal(Number.NaN)).toEqual({ error: expect.any(String) });
	});
});
