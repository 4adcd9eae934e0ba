/**
 * Writes tests/search/judged-queries.json: the judged query set of the search quality test
 * (`npx tsx scripts/build-judged-queries.ts`). tests/unit/judged-queries.test.ts fails when the
 * file is stale.
 *
 * Relevance is NOT taken from any search engine. Each query below states, by hand, what the
 * searcher wants (a topic or government affair of topics.ts, optionally a delivery mechanism of
 * mechanisms.ts, a region, or an innovation's acronym); the grades of every innovation of the
 * demo corpus then follow from what the generator chose for it (its topic, mechanism, affair,
 * region and acronym), by the fixed rules of `grade()` below. tests/search/README.md explains
 * the rules and each kind of query.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getProvinces, getRegencies } from 'idn-area-data';
import { DEFAULT_DEMO_SEED, generateDemoCorpus } from '../src/lib/server/domain/demo/corpus';
import type { DemoRegion } from '../src/lib/server/domain/demo/hubs';
import { MECHANISM_BY_KEY, type MechanismKey } from '../src/lib/server/domain/demo/mechanisms';
import { TOPICS } from '../src/lib/server/domain/demo/topics';
import { displayRegionName, regencyLevel } from '../src/lib/server/domain/region-names';

/** The corpus `npm start` seeds on first start (DEFAULT_DEMO_COUNT, default seed). */
export const JUDGED_CORPUS = { seed: DEFAULT_DEMO_SEED, count: 3000 } as const;

export type QueryKind = 'morphology' | 'abbreviation' | 'spelling' | 'typo' | 'acronym' | 'stopword' | 'region';

export interface QueryTarget {
	/** Topic keys (topics.ts): the subject asked for. */
	topics?: string[];
	/** Affair codes (vocabulary.ts): a whole government affair asked for. */
	affairs?: string[];
	/** Delivery mechanisms asked for (mechanisms.ts keys). */
	mechanisms?: MechanismKey[];
	/** "online", "daring": any digital mechanism. */
	digital?: boolean;
	/** Kemendagri code of the kabupaten/kota or province named in the query. */
	region?: string;
	/** The innovation name asked for, compared without case, spaces and punctuation. */
	acronym?: string;
}

export interface QuerySpec {
	id: string;
	q: string;
	kind: QueryKind;
	/** One of the examples operators gave in the issue. */
	operator?: boolean;
	target: QueryTarget;
	/** Topics close to what was asked (grade 2 when the facets match, else 1); why in `note`. */
	partial?: string[];
	/** Allowed only with a note: the corpus has no exact match (grade 3) for this query. */
	noExact?: boolean;
	note?: string;
}

// prettier-ignore
export const QUERIES: QuerySpec[] = [
	// Morphology: another affixed form of the words the innovations use.
	{ id: 'm01', q: 'pelayanan kependudukan', kind: 'morphology', target: { affairs: ['administrasi_kependudukan_dan_pencatatan_sipil'] }, note: 'texts say "dokumen kependudukan", "layanan", "melayani"' },
	{ id: 'm02', q: 'layanan penduduk', kind: 'morphology', target: { affairs: ['administrasi_kependudukan_dan_pencatatan_sipil'] }, note: 'penduduk ~ kependudukan' },
	{ id: 'm03', q: 'perizinan usaha', kind: 'morphology', target: { topics: ['perizinan-ptsp', 'nib-umkm'] }, partial: ['mpp'], note: 'MPP hosts permit counters among other services' },
	{ id: 'm04', q: 'izin usaha', kind: 'morphology', target: { topics: ['perizinan-ptsp', 'nib-umkm'] }, partial: ['mpp'], note: 'izin ~ perizinan' },
	{ id: 'm05', q: 'mengurus izin', kind: 'morphology', target: { topics: ['perizinan-ptsp', 'nib-umkm'] }, partial: ['mpp'] },
	{ id: 'm06', q: 'pemberdayaan desa', kind: 'morphology', target: { affairs: ['pemberdayaan_masyarakat_dan_desa'] } },
	{ id: 'm07', q: 'desa berdaya', kind: 'morphology', target: { affairs: ['pemberdayaan_masyarakat_dan_desa'] }, note: 'berdaya ~ pemberdayaan' },
	{ id: 'm08', q: 'mencegah stunting', kind: 'morphology', target: { topics: ['stunting'] }, note: 'texts say "pencegahan stunting"' },
	{ id: 'm09', q: 'mendaftar pasien puskesmas', kind: 'morphology', target: { topics: ['puskesmas-antrean'] } },
	{ id: 'm10', q: 'memasarkan produk umkm', kind: 'morphology', target: { topics: ['umkm-pemasaran'] } },
	{ id: 'm11', q: 'menerbitkan akta kelahiran', kind: 'morphology', target: { topics: ['akta-kelahiran'] } },
	{ id: 'm12', q: 'membayar pajak bumi dan bangunan', kind: 'morphology', target: { topics: ['pbb'] } },
	{ id: 'm13', q: 'merekam ktp elektronik', kind: 'morphology', target: { topics: ['ktp-el'] }, note: 'texts say "perekaman"' },
	{ id: 'm14', q: 'melayani warga lanjut usia', kind: 'morphology', target: { topics: ['lansia'] }, partial: ['lansia-terlantar'] },
	{ id: 'm15', q: 'penyuluh pertanian', kind: 'morphology', target: { topics: ['penyuluhan-tani'] } },
	{ id: 'm16', q: 'aduan masyarakat', kind: 'morphology', target: { topics: ['pengaduan'] }, partial: ['jalan-rusak', 'kekerasan-anak'], note: 'aduan ~ pengaduan; the partial topics are complaint channels for one kind of problem' },

	// Abbreviations both ways (../shared/data/bahasa/singkatan-pemerintahan.csv).
	{ id: 'a01', q: 'ktp keliling', kind: 'abbreviation', operator: true, target: { topics: ['ktp-el'], mechanisms: ['keliling'] }, partial: ['dukcapil-keliling'], note: 'mobile population-document services also record KTP-el' },
	{ id: 'a02', q: 'kartu tanda penduduk', kind: 'abbreviation', target: { topics: ['ktp-el'] }, note: 'texts only say KTP-el / KTP Elektronik' },
	{ id: 'a03', q: 'dukcapil', kind: 'abbreviation', target: { affairs: ['administrasi_kependudukan_dan_pencatatan_sipil'] } },
	{ id: 'a04', q: 'dinas kependudukan dan pencatatan sipil', kind: 'abbreviation', target: { affairs: ['administrasi_kependudukan_dan_pencatatan_sipil'] } },
	{ id: 'a05', q: 'ptsp', kind: 'abbreviation', target: { topics: ['perizinan-ptsp'] }, partial: ['mpp', 'nib-umkm'], note: 'the other services of DPMPTSP' },
	{ id: 'a06', q: 'pelayanan terpadu satu pintu', kind: 'abbreviation', target: { topics: ['perizinan-ptsp'] }, partial: ['mpp', 'nib-umkm'], note: 'the other services of DPMPTSP' },
	{ id: 'a07', q: 'mpp', kind: 'abbreviation', target: { topics: ['mpp'] } },
	{ id: 'a08', q: 'puskesmas', kind: 'abbreviation', target: { topics: ['puskesmas-antrean'] }, partial: ['imunisasi', 'ibu-hamil', 'lansia'], note: 'services delivered by puskesmas units' },
	{ id: 'a09', q: 'pusat kesehatan masyarakat', kind: 'abbreviation', target: { topics: ['puskesmas-antrean'] }, partial: ['imunisasi', 'ibu-hamil', 'lansia'], note: 'services delivered by puskesmas units' },
	{ id: 'a10', q: 'usaha mikro kecil dan menengah', kind: 'abbreviation', target: { topics: ['umkm-pemasaran'] }, partial: ['pirt-halal', 'nib-umkm'], note: 'help for small producers and micro businesses' },
	{ id: 'a11', q: 'pemberdayaan umkm', kind: 'abbreviation', operator: true, target: { topics: ['umkm-pemasaran', 'pirt-halal'] }, partial: ['nib-umkm', 'koperasi'], note: 'empowering UMKM: marketing and certification; NIB and cooperatives in part' },
	{ id: 'a12', q: 'bumdes', kind: 'abbreviation', target: { topics: ['bumdes'] } },
	{ id: 'a13', q: 'badan usaha milik desa', kind: 'abbreviation', target: { topics: ['bumdes'] }, note: 'texts mostly say BUMDes' },
	{ id: 'a14', q: 'pbb', kind: 'abbreviation', target: { topics: ['pbb'] } },
	{ id: 'a15', q: 'nomor induk berusaha', kind: 'abbreviation', target: { topics: ['nib-umkm'] } },
	{ id: 'a16', q: 'kia', kind: 'abbreviation', target: { topics: ['kia'] }, note: 'Kartu Identitas Anak in this corpus (the CSV notes the other meaning)' },
	{ id: 'a17', q: 'imb', kind: 'abbreviation', target: { topics: ['pbg'] }, note: 'IMB was replaced by PBG (CSV catatan); texts say PBG' },
	{ id: 'a18', q: 'pemadam kebakaran', kind: 'abbreviation', target: { topics: ['kebakaran'] }, note: 'units are written Damkar' },
	{ id: 'a19', q: 'bpbd', kind: 'abbreviation', target: { topics: ['bencana'] } },
	{ id: 'a20', q: 'asn', kind: 'abbreviation', target: { topics: ['kepegawaian', 'kinerja-asn', 'diklat'] } },
	{ id: 'a21', q: 'disnaker', kind: 'abbreviation', target: { affairs: ['tenaga_kerja'] }, partial: ['transmigrasi'], note: 'Disnakertrans also runs transmigration' },

	// Spelling variants.
	{ id: 's01', q: 'perijinan usaha online', kind: 'spelling', operator: true, target: { topics: ['perizinan-ptsp', 'nib-umkm'], digital: true }, partial: ['mpp'] },
	{ id: 's02', q: 'akte kelahiran', kind: 'spelling', operator: true, target: { topics: ['akta-kelahiran'] } },
	{ id: 's03', q: 'ijin usaha', kind: 'spelling', target: { topics: ['perizinan-ptsp', 'nib-umkm'] }, partial: ['mpp'] },
	{ id: 's04', q: 'akte kematian', kind: 'spelling', target: { topics: ['akta-kematian'] } },
	{ id: 's05', q: 'e-ktp', kind: 'spelling', target: { topics: ['ktp-el'] } },
	{ id: 's06', q: 'sertipikat tanah', kind: 'spelling', target: { topics: ['sertifikat-tanah'] }, note: 'sertipikat is the land office spelling' },
	{ id: 's07', q: 'mall pelayanan publik', kind: 'spelling', target: { topics: ['mpp'] } },
	{ id: 's08', q: 'pendaftaran pasien on line', kind: 'spelling', target: { topics: ['puskesmas-antrean'], digital: true } },
	{ id: 's09', q: 'bank sampah propinsi jawa timur', kind: 'spelling', target: { topics: ['bank-sampah'], region: '35' } },
	{ id: 's10', q: 'pengaduan lewat whats app', kind: 'spelling', target: { topics: ['pengaduan'], mechanisms: ['whatsapp'] }, partial: ['jalan-rusak', 'kekerasan-anak'] },

	// Typos of one or two letters.
	{ id: 't01', q: 'pelayanam kependudukan', kind: 'typo', operator: true, target: { affairs: ['administrasi_kependudukan_dan_pencatatan_sipil'] } },
	{ id: 't02', q: 'pencegahan stuntimg', kind: 'typo', target: { topics: ['stunting'] } },
	{ id: 't03', q: 'imunisasu anak', kind: 'typo', target: { topics: ['imunisasi'] } },
	{ id: 't04', q: 'perpustakan keliling', kind: 'typo', target: { topics: ['perpustakaan'] } },
	{ id: 't05', q: 'bank sampan', kind: 'typo', target: { topics: ['bank-sampah'] }, note: 'sampan is a word too (a boat)' },
	{ id: 't06', q: 'akta kelahiram', kind: 'typo', target: { topics: ['akta-kelahiran'] } },
	{ id: 't07', q: 'penyandang disabilitsa', kind: 'typo', target: { topics: ['disabilitas'] } },
	{ id: 't08', q: 'pupuk bersubsdi', kind: 'typo', target: { topics: ['pupuk'] } },
	{ id: 't09', q: 'tuberkolosis', kind: 'typo', target: { topics: ['tbc'] } },
	{ id: 't10', q: 'desa wisaat', kind: 'typo', target: { topics: ['wisata'] } },

	// Innovation names (acronyms), as people type them.
	{ id: 'n01', q: 'si perut', kind: 'acronym', target: { acronym: 'SI PERUT' } },
	{ id: 'n02', q: 'gerai cantik', kind: 'acronym', target: { acronym: 'GERAI CANTIK' } },
	{ id: 'n03', q: 'gobestari', kind: 'acronym', target: { acronym: 'GO-BESTARI' } },
	{ id: 'n04', q: 'qr manis', kind: 'acronym', target: { acronym: 'QRMANIS' } },
	{ id: 'n05', q: 'moling kasih', kind: 'acronym', target: { acronym: 'MOLING KASIH' } },
	{ id: 'n06', q: 'kartu sakti mesra', kind: 'acronym', target: { acronym: 'KARTU SAKTI MESRA' } },
	{ id: 'n07', q: 'bedah rumah manjur', kind: 'acronym', target: { acronym: 'BEDAH RUMAH MANJUR' }, note: 'many rtlh titles say "Bedah Rumah"' },
	{ id: 'n08', q: 'cegah stunting pelita', kind: 'acronym', target: { acronym: 'CEGAH STUNTING PELITA' }, note: 'many stunting titles say "Cegah Stunting"' },
	{ id: 'n09', q: 'simanis', kind: 'acronym', target: { acronym: 'SI MANIS' } },
	{ id: 'n10', q: 'e pintar', kind: 'acronym', target: { acronym: 'E-PINTAR' } },
	{ id: 'n11', q: 'aplikasi sapa tepat', kind: 'acronym', target: { acronym: 'SAPA TEPAT' } },
	{ id: 'n12', q: 'jempol cepat', kind: 'acronym', target: { acronym: 'JEMPOL CEPAT' } },

	// Stop-word traps: a word of the stop-word list carries the meaning.
	{ id: 'w01', q: 'sekolah ibu', kind: 'stopword', noExact: true, target: { topics: [] }, partial: ['ibu-hamil', 'posyandu'], note: 'a school for mothers: the corpus has none; mother-focused services come closest, schooling topics are not what was asked' },
	{ id: 'w02', q: 'ibu hamil', kind: 'stopword', target: { topics: ['ibu-hamil'] } },
	{ id: 'w03', q: 'satu data', kind: 'stopword', target: { topics: ['satu-data'] } },
	{ id: 'w04', q: 'peringatan dini', kind: 'stopword', target: { topics: ['bencana'] } },
	{ id: 'w05', q: 'anak tidak sekolah', kind: 'stopword', target: { topics: ['anak-putus-sekolah'] } },
	{ id: 'w06', q: 'rumah tidak layak huni', kind: 'stopword', target: { topics: ['rtlh'] } },
	{ id: 'w07', q: 'pedagang kaki lima', kind: 'stopword', target: { topics: ['trantib'] } },
	{ id: 'w08', q: 'peserta didik baru', kind: 'stopword', target: { topics: ['ppdb'] } },
	{ id: 'w09', q: 'lanjut usia', kind: 'stopword', target: { topics: ['lansia', 'lansia-terlantar'] } },

	// Region-qualified.
	{ id: 'r01', q: 'stunting ngada', kind: 'region', operator: true, noExact: true, target: { topics: ['stunting'], region: '53.09' }, note: 'no stunting innovation in Kabupaten Ngada: those of Nusa Tenggara Timur come first' },
	{ id: 'r02', q: 'pbb tangerang selatan', kind: 'region', target: { topics: ['pbb'], region: '36.74' } },
	{ id: 'r03', q: 'akta kelahiran kalimantan barat', kind: 'region', target: { topics: ['akta-kelahiran'], region: '61' } },
	{ id: 'r04', q: 'bank sampah jawa barat', kind: 'region', target: { topics: ['bank-sampah'], region: '32' } },
	{ id: 'r05', q: 'umkm sulawesi utara', kind: 'region', target: { topics: ['umkm-pemasaran'], region: '71' }, partial: ['pirt-halal', 'nib-umkm'] },
	{ id: 'r06', q: 'ktp elektronik jawa tengah', kind: 'region', target: { topics: ['ktp-el'], region: '33' } },
	{ id: 'r07', q: 'siaga bencana kalimantan tengah', kind: 'region', target: { topics: ['bencana'], region: '62' } },
	{ id: 'r08', q: 'pupuk bersubsidi sulawesi selatan', kind: 'region', target: { topics: ['pupuk'], region: '73' } },
	{ id: 'r09', q: 'dtks jawa tengah', kind: 'region', target: { topics: ['dtks'], region: '33' } },
	{ id: 'r10', q: 'desa wisata aceh', kind: 'region', target: { topics: ['wisata'], region: '11' } },
	{ id: 'r11', q: 'pencegahan stunting kota magelang', kind: 'region', target: { topics: ['stunting'], region: '33.71' } }
];

/** What the generator knows about one innovation. */
export interface JudgedItem {
	id: string;
	title: string;
	acronym: string | null;
	topic: string;
	mechanism: MechanismKey;
	mainAffair: string;
	otherAffairs: string[];
	regionCode: string | null;
}

export type Grade = 0 | 1 | 2 | 3;

const TOPIC_AFFAIR = new Map(TOPICS.map((t) => [t.key, t.affair]));

/** An acronym as a key: case, spaces and punctuation do not count (SI MANIS = SIMANIS = Si-Manis). */
export const nameKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

const inRegion = (code: string | null, region: string) => code !== null && (code === region || code.startsWith(`${region}.`));
const provinceOf = (code: string) => code.split('.')[0]!;

/**
 * The grading rules (tests/search/README.md):
 * - name queries: 3 = the innovation has that name (in another region too); otherwise 0;
 * - subject queries: the subject is a target topic or an innovation of a target affair;
 *   3 = subject and every facet asked (mechanism, digital, region);
 *   2 = subject but a mechanism/digital facet missing; a `partial` topic with the facets;
 *       for a kabupaten/kota: the subject in the same province;
 *   1 = subject elsewhere (region queries); a `partial` topic without the facets; the same
 *       affair as a target topic (or another affair of the innovation is a target affair);
 *   0 = anything else.
 */
export function grade(spec: QuerySpec, item: JudgedItem): Grade {
	const t = spec.target;
	if (t.acronym) return item.acronym !== null && nameKey(item.acronym) === nameKey(t.acronym) ? 3 : 0;

	const subject = (t.topics ?? []).includes(item.topic) || (t.affairs ?? []).includes(item.mainAffair);
	const partial = (spec.partial ?? []).includes(item.topic);
	const mechanismOk =
		(!t.mechanisms || t.mechanisms.includes(item.mechanism)) && (!t.digital || MECHANISM_BY_KEY.get(item.mechanism)!.digital);
	const regionOk = !t.region || inRegion(item.regionCode, t.region);
	const nearRegion =
		!!t.region && t.region.includes('.') && item.regionCode !== null && provinceOf(item.regionCode) === provinceOf(t.region);

	if (subject) {
		if (mechanismOk && regionOk) return 3;
		if (t.region && !regionOk) return nearRegion && mechanismOk ? 2 : 1;
		return 2;
	}
	if (partial) return mechanismOk && regionOk ? 2 : 1;
	const targetAffairs = new Set([...(t.topics ?? []).map((k) => TOPIC_AFFAIR.get(k)!), ...(t.affairs ?? [])]);
	if (targetAffairs.has(item.mainAffair)) return 1;
	if ((t.affairs ?? []).some((a) => item.otherAffairs.includes(a))) return 1;
	return 0;
}

/** The regions as `syncReferenceData` stores them and `listDemoRegions` returns them (by code). */
export async function demoRegions(): Promise<DemoRegion[]> {
	const provinces = await getProvinces();
	const regencies = await getRegencies();
	return [
		...provinces.map((p) => ({ code: p.code, name: displayRegionName(p.name), level: 'provinsi' as const })),
		...regencies.map((r) => ({ code: r.code, name: displayRegionName(r.name), level: regencyLevel(r.name) }))
	].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function judgedItems(regions: readonly DemoRegion[]): JudgedItem[] {
	const items: JudgedItem[] = [];
	for (const batch of generateDemoCorpus(regions, JUDGED_CORPUS)) {
		batch.innovations.forEach((innovation, i) => {
			const facets = batch.facets[i]!;
			items.push({
				id: innovation.id,
				title: innovation.title,
				acronym: innovation.acronym,
				topic: facets.topic,
				mechanism: facets.mechanism as MechanismKey,
				mainAffair: innovation.mainAffair,
				otherAffairs: innovation.otherAffairs,
				regionCode: innovation.regionCode
			});
		});
	}
	return items;
}

/** Ids and titles of the corpus, so the test can tell it seeded the corpus that was judged. */
export function corpusFingerprint(rows: ReadonlyArray<{ id: string; title: string }>): string {
	const lines = rows.map((r) => `${r.id}\t${r.title}`).sort();
	return createHash('sha256').update(lines.join('\n')).digest('hex');
}

export interface JudgedQuery {
	id: string;
	q: string;
	kind: QueryKind;
	operator?: boolean;
	target: QueryTarget;
	partial?: string[];
	note?: string;
	counts: Record<'3' | '2' | '1', number>;
	/** Innovation ids per grade (grade 0 = not listed), sorted. */
	relevant: Record<'3' | '2' | '1', string[]>;
}

export interface JudgedQuerySet {
	corpus: { seed: string; count: number; fingerprint: string };
	queries: JudgedQuery[];
}

function checkSpec(spec: QuerySpec, regions: ReadonlyMap<string, DemoRegion>): void {
	const topics = new Set(TOPICS.map((t) => t.key));
	for (const key of [...(spec.target.topics ?? []), ...(spec.partial ?? [])]) {
		if (!topics.has(key)) throw new Error(`${spec.id}: unknown topic ${key}`);
	}
	for (const key of spec.target.mechanisms ?? []) {
		if (!MECHANISM_BY_KEY.has(key)) throw new Error(`${spec.id}: unknown mechanism ${key}`);
	}
	if (spec.target.region && !regions.has(spec.target.region)) throw new Error(`${spec.id}: unknown region ${spec.target.region}`);
	if (spec.noExact && !spec.note) throw new Error(`${spec.id}: noExact needs a note saying why`);
}

export function buildJudgedQuerySet(regions: readonly DemoRegion[]): JudgedQuerySet {
	const items = judgedItems(regions);
	const byCode = new Map(regions.map((r) => [r.code, r]));
	const ids = new Set<string>();
	const queries = QUERIES.map((spec): JudgedQuery => {
		if (ids.has(spec.id)) throw new Error(`duplicate query id ${spec.id}`);
		ids.add(spec.id);
		checkSpec(spec, byCode);
		const relevant: JudgedQuery['relevant'] = { '3': [], '2': [], '1': [] };
		for (const item of items) {
			const g = grade(spec, item);
			if (g > 0) relevant[String(g) as '3' | '2' | '1'].push(item.id);
		}
		for (const list of Object.values(relevant)) list.sort();
		const exact = relevant['3'].length;
		if (exact === 0 && !spec.noExact) throw new Error(`${spec.id} "${spec.q}": no innovation of grade 3 in the corpus`);
		if (exact > 0 && spec.noExact) throw new Error(`${spec.id} "${spec.q}": marked noExact but has grade 3`);
		if (exact + relevant['2'].length === 0) throw new Error(`${spec.id} "${spec.q}": nothing of grade 2 or 3`);
		const { noExact: _noExact, ...rest } = spec;
		return {
			...rest,
			counts: { '3': relevant['3'].length, '2': relevant['2'].length, '1': relevant['1'].length },
			relevant
		};
	});
	return { corpus: { ...JUDGED_CORPUS, fingerprint: corpusFingerprint(items) }, queries };
}

/** One query per line, so that a change to one judgment is a one-line diff. */
export function serialiseJudgedQuerySet(set: JudgedQuerySet): string {
	const lines = set.queries.map((q, i) => `\t\t${JSON.stringify(q)}${i < set.queries.length - 1 ? ',' : ''}`);
	return `{\n\t"corpus": ${JSON.stringify(set.corpus)},\n\t"queries": [\n${lines.join('\n')}\n\t]\n}\n`;
}

export const JUDGED_QUERIES_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/search/judged-queries.json');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const set = buildJudgedQuerySet(await demoRegions());
	writeFileSync(JUDGED_QUERIES_FILE, serialiseJudgedQuerySet(set));
	const kinds = new Map<string, number>();
	for (const q of set.queries) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
	console.log(
		`${path.relative(process.cwd(), JUDGED_QUERIES_FILE)}: ${set.queries.length} kueri (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}).`
	);
}
