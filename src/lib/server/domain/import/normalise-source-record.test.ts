import { describe, expect, it } from 'vitest';
import { createAgencyResolver, type AgencyRecord } from '../normalise/agencies';
import { createRegionResolver, type RegionRecord } from '../normalise/regions';
import { normaliseSourceRecord, type NormaliseResolvers } from './normalise-source-record';

const REGIONS: RegionRecord[] = [
	{ code: '53', name: 'Nusa Tenggara Timur', level: 'provinsi', parentCode: null },
	{ code: '53.09', name: 'Kabupaten Ngada', level: 'kabupaten', parentCode: '53' },
	{ code: '35', name: 'Jawa Timur', level: 'provinsi', parentCode: null },
	{ code: '35.10', name: 'Kabupaten Banyuwangi', level: 'kabupaten', parentCode: '35' }
];
const AGENCIES: AgencyRecord[] = [
	{ id: 'kemenkes', name: 'Kementerian Kesehatan', kind: 'kementerian', abbreviation: 'Kemenkes', aliases: [], regionCode: null, panrbId: null },
	{ id: 'pemkab-53.09', name: 'Pemerintah Kabupaten Ngada', kind: 'pemerintah_kabupaten', abbreviation: null, aliases: [], regionCode: '53.09', panrbId: 'A-0001' },
	{ id: 'pemkab-35.10', name: 'Pemerintah Kabupaten Banyuwangi', kind: 'pemerintah_kabupaten', abbreviation: null, aliases: [], regionCode: '35.10', panrbId: null },
	{ id: 'pemprov-35', name: 'Pemerintah Provinsi Jawa Timur', kind: 'pemerintah_provinsi', abbreviation: null, aliases: [], regionCode: '35', panrbId: null }
];
const byId = new Map(AGENCIES.map((a) => [a.id, a]));
const resolvers: NormaliseResolvers = {
	regions: createRegionResolver(REGIONS),
	agencies: createAgencyResolver(AGENCIES),
	agencyRegion: (id) => byId.get(id)?.regionCode ?? null,
	agencyPanrbId: (id) => byId.get(id)?.panrbId ?? null
};

describe('normaliseSourceRecord', () => {
	it('turns a PANRB row into canonical fields, an award and a learned PANRB id', () => {
		const result = normaliseSourceRecord(
			'panrb',
			{
				externalId: 'SNV-2023-000001',
				title: '  SI PERUT  LAPER (Sistem Pelayanan Terpadu) ',
				panrbAgencyId: 'a-0531',
				agencyName: 'Pemkab Banyuwangi',
				agencyKind: 'Pemerintah Kabupaten',
				provinceName: 'Jawa Timur',
				competitionYear: '2023',
				kippLevel: 'Top 45',
				kippCategory: 'Kesehatan',
				sdgs: '3; 10',
				startedOn: '15/03/2021',
				summary: '<p>Layanan <b>cepat</b></p>',
				sustainabilityStatus: 'Berlanjut',
				videoUrl: 'javascript:alert(1)'
			},
			resolvers
		);
		if (!result.ok) throw new Error(JSON.stringify(result.reasons));
		const { record, learnedPanrbId, match } = result.value;
		expect(record).toMatchObject({
			title: 'SI PERUT LAPER (Sistem Pelayanan Terpadu)',
			acronym: 'SI PERUT LAPER',
			agencyId: 'pemkab-35.10',
			regionCode: '35.10',
			startedOn: '2021-03-15',
			yearStarted: 2021,
			summary: 'Layanan cepat',
			sdgs: [3, 10],
			sustainabilityStatus: 'berlanjut',
			videoUrl: null,
			awards: [{ programme: 'KIPP', year: 2023, level: 'Top 45', category: 'Kesehatan' }]
		});
		expect(match).toEqual({ year: 2023, text: 'Layanan cepat' });
		expect(learnedPanrbId).toEqual({ agencyId: 'pemkab-35.10', panrbId: 'A-0531' });
	});

	it('rejects a row without agency name or PANRB id as no-agency, in Indonesian', () => {
		const result = normaliseSourceRecord('panrb', { externalId: 'SNV-1', title: 'X', agencyName: null, panrbAgencyId: null }, resolvers);
		expect(result).toMatchObject({ ok: false, externalId: 'SNV-1', reasons: [{ category: 'no-agency' }] });
		if (!result.ok) expect(result.reasons[0]!.message).toMatch(/Instansi tidak dapat dikenali/);
	});

	it('rejects a missing title and an unknown enumeration value', () => {
		expect(normaliseSourceRecord('lan', { externalId: '7', title: '  ' }, resolvers)).toMatchObject({
			ok: false,
			reasons: [{ category: 'missing-title' }]
		});
		const result = normaliseSourceRecord('kemendagri', { externalId: '9', title: 'A', regionCode: '5309', regionName: 'Kab. Ngada', isDigital: 'Setengah Digital' }, resolvers);
		expect(result).toMatchObject({ ok: false, reasons: [{ category: 'unknown-enum', field: 'Jenis Inovasi' }] });
	});

	it('quarantines a Kode Pemda that contradicts Nama Pemda, and an unknown region name', () => {
		expect(normaliseSourceRecord('kemendagri', { externalId: '1', title: 'A', regionCode: '3510', regionName: 'Kabupaten Ngada' }, resolvers)).toMatchObject({
			ok: false,
			reasons: [{ category: 'region-conflict' }]
		});
		expect(normaliseSourceRecord('kemendagri', { externalId: '2', title: 'A', regionCode: null, regionName: 'Kabupaten Atlantis' }, resolvers)).toMatchObject({
			ok: false,
			reasons: [{ category: 'unknown-region' }]
		});
	});

	it('maps a Kemendagri row: decimal comma, day-first dates, stages and HTML narratives', () => {
		const result = normaliseSourceRecord(
			'kemendagri',
			{
				externalId: '469957',
				title: 'BU TAAT',
				regionCode: '53.09',
				regionName: 'Kab. Ngada',
				reportingYear: '2024',
				stage: 'Penerapan',
				isDigital: 'Non Digital',
				trialOn: '3 Oktober 2022',
				appliedOn: 'bukan tanggal',
				design: '<p>Ditetapkan dengan Perbup Nomor 5</p>',
				maturityScore: '72,5'
			},
			resolvers
		);
		expect(result).toMatchObject({
			ok: true,
			value: {
				record: { agencyId: 'pemkab-53.09', regionCode: '53.09', stage: 'pelembagaan', isDigital: false, startedOn: '2022-10-03', maturityScore: 72.5 },
				match: { year: 2024 },
				learnedPanrbId: null
			}
		});
	});

	it('resolves a LAN record by its PANRB agency id and never learns ids from LAN', () => {
		const result = normaliseSourceRecord('lan', { externalId: '68086', title: 'Go Sehat', panrbAgencyId: 'A-0001', agencyName: null, stage: 'deliver', sdg: '3', year: '2022' }, resolvers);
		expect(result).toMatchObject({ ok: true, value: { record: { agencyId: 'pemkab-53.09', regionCode: '53.09', stage: 'pengembangan', sdgs: [3] }, learnedPanrbId: null } });
	});
});
