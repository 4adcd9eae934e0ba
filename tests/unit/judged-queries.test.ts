import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	buildJudgedQuerySet,
	demoRegions,
	grade,
	JUDGED_QUERIES_FILE,
	serialiseJudgedQuerySet,
	type JudgedItem,
	type JudgedQuerySet,
	type QuerySpec
} from '../../scripts/build-judged-queries';

const committed = readFileSync(JUDGED_QUERIES_FILE, 'utf8');
const set = JSON.parse(committed) as JudgedQuerySet;

describe('the judged query set (tests/search/judged-queries.json)', () => {
	let rebuilt: string;
	beforeAll(async () => {
		rebuilt = serialiseJudgedQuerySet(buildJudgedQuerySet(await demoRegions()));
	}, 60_000);

	it('is what scripts/build-judged-queries.ts writes for the demo corpus', () => {
		expect(committed === rebuilt, 'judged-queries.json is stale: run npx tsx scripts/build-judged-queries.ts').toBe(true);
	});

	it('has at least 60 queries covering every kind, and the operators\' examples', () => {
		expect(set.queries.length).toBeGreaterThanOrEqual(60);
		const kinds = new Set(set.queries.map((q) => q.kind));
		expect([...kinds].sort()).toEqual(['abbreviation', 'acronym', 'morphology', 'region', 'spelling', 'stopword', 'typo']);
		const operator = set.queries.filter((q) => q.operator).map((q) => q.q).sort();
		expect(operator).toEqual(
			['akte kelahiran', 'ktp keliling', 'pelayanam kependudukan', 'pemberdayaan umkm', 'perijinan usaha online', 'stunting ngada'].sort()
		);
		for (const q of set.queries) expect(q.counts['3'] + q.counts['2'], q.id).toBeGreaterThan(0);
	});
});

describe('grading rules', () => {
	const item = (over: Partial<JudgedItem>): JudgedItem => ({
		id: 'inv-x',
		title: 'T',
		acronym: null,
		topic: 'stunting',
		mechanism: 'kader',
		mainAffair: 'kesehatan',
		otherAffairs: [],
		regionCode: '53.09',
		...over
	});
	const spec = (over: Partial<QuerySpec>): QuerySpec => ({ id: 'x', q: 'x', kind: 'region', target: {}, ...over });

	it('names: the same acronym in any spelling, nothing else', () => {
		const s = spec({ target: { acronym: 'SI MANIS' } });
		expect(grade(s, item({ acronym: 'SIMANIS' }))).toBe(3);
		expect(grade(s, item({ acronym: 'Si-Manis' }))).toBe(3);
		expect(grade(s, item({ acronym: 'SI MANIS JUARA' }))).toBe(0);
		expect(grade(s, item({ acronym: null }))).toBe(0);
	});

	it('regions: exact 3, same province 2, elsewhere or same affair 1', () => {
		const s = spec({ target: { topics: ['stunting'], region: '53.09' } });
		expect(grade(s, item({}))).toBe(3);
		expect(grade(s, item({ regionCode: '53.10' }))).toBe(2);
		expect(grade(s, item({ regionCode: '53' }))).toBe(2);
		expect(grade(s, item({ regionCode: '33.71' }))).toBe(1);
		expect(grade(s, item({ regionCode: null }))).toBe(1);
		expect(grade(s, item({ topic: 'imunisasi' }))).toBe(1);
		expect(grade(s, item({ topic: 'pbb', mainAffair: 'keuangan' }))).toBe(0);
		const province = spec({ target: { topics: ['stunting'], region: '53' } });
		expect(grade(province, item({ regionCode: '53.10' }))).toBe(3);
		expect(grade(province, item({ regionCode: '5' }))).toBe(1);
	});

	it('mechanisms and partial topics', () => {
		const s = spec({ target: { topics: ['ktp-el'], mechanisms: ['keliling'] }, partial: ['dukcapil-keliling'] });
		const adminduk = 'administrasi_kependudukan_dan_pencatatan_sipil';
		expect(grade(s, item({ topic: 'ktp-el', mechanism: 'keliling', mainAffair: adminduk }))).toBe(3);
		expect(grade(s, item({ topic: 'ktp-el', mechanism: 'aplikasi', mainAffair: adminduk }))).toBe(2);
		expect(grade(s, item({ topic: 'dukcapil-keliling', mechanism: 'keliling', mainAffair: adminduk }))).toBe(2);
		expect(grade(s, item({ topic: 'dukcapil-keliling', mechanism: 'qr', mainAffair: adminduk }))).toBe(1);
		expect(grade(s, item({ topic: 'akta-kelahiran', mechanism: 'keliling', mainAffair: adminduk }))).toBe(1);
		const online = spec({ target: { topics: ['pbb'], digital: true } });
		expect(grade(online, item({ topic: 'pbb', mechanism: 'whatsapp', mainAffair: 'keuangan' }))).toBe(3);
		expect(grade(online, item({ topic: 'pbb', mechanism: 'kader', mainAffair: 'keuangan' }))).toBe(2);
	});
});
