import type { InitiatorType, SourceKey, Stage, SustainabilityStatus } from '../../db/schema';
import { innovationId } from '../ids';
import { KIPP_LEVELS } from '../vocabulary';
import { buildAgencyPool, type AgencyPool, type DemoAgency } from './agency-pool';
import type { DemoAward, DemoBatch, DemoInnovation, DemoSourceRecord } from './corpus-types';
import type { DemoRegion } from './hubs';
import { dayNumber, fromDayNumber, isoDate, type CalendarDate } from './indonesian-text';
import { MECHANISM_BY_KEY, MECHANISMS, type Mechanism } from './mechanisms';
import { generateNarrative, indicatorFigures } from './narrative';
import { hashSeed, permute50, Random, scrambleIndex, WeightedTable, type Weighted } from './random';
import { centralUnit, regionalUnit, unitForLevel } from './service-units';
import { kemendagriPayload, lanPayload, panrbPayload, type PayloadInput } from './source-payloads';
import { generateTitle } from './titles';
import { CENTRAL_AGENCY_AFFAIRS, GENERIC_AFFAIRS, kippCategory, TOPICS, type Topic } from './topics';
import { DEGREES, FIRST_NAMES, LAST_NAMES } from './words';

/**
 * The demo corpus: realistic, entirely invented innovations of Indonesian agencies, generated
 * lazily in batches so that 250,000 of them never sit in memory at once. Innovation `n` depends
 * only on the seed, `n` and the region list, so the same seed and count always give the same
 * corpus, and a corpus of 3,000 is the first 3,000 of a corpus of 100,000.
 */
export const DEFAULT_DEMO_SEED = 'jippnas-demo';
/** External ids are built from an index permutation of this size. */
export const DEMO_MAX_INNOVATIONS = 1_000_000;
/** Multiplier and offset of each source's external-id permutation (multipliers coprime with 10). */
export const EXTERNAL_ID_SCRAMBLE: Record<SourceKey, readonly [number, number]> = {
	panrb: [738_181, 104_729],
	kemendagri: [531_877, 271_828],
	lan: [618_033, 314_159]
};

export interface DemoCorpusOptions {
	seed: string;
	count: number;
	/** Index of the first innovation (to extend an existing corpus). */
	startIndex?: number;
	batchSize?: number;
}

/** Latest dates the corpus uses, so nothing depends on the day it is generated. */
const LAST_CREATED = dayNumber({ year: 2025, month: 12, day: 15 });
const LAST_VERIFIED = dayNumber({ year: 2026, month: 6, day: 30 });
const KIPP_YEARS = new Set([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2025]);

const YEAR_WEIGHTS: Weighted<number>[] = [
	[2014, 3], [2015, 4], [2016, 5], [2017, 6], [2018, 8], [2019, 10],
	[2020, 11], [2021, 12], [2022, 12], [2023, 11], [2024, 9], [2025, 5]
].map(([value, weight]) => ({ value: value!, weight: weight! }));

/** Share of the corpus run by central agencies; the rest belongs to regional governments. */
const CENTRAL_SHARE = 0.12;

const SOURCE_WEIGHTS: Record<SourceKey, number> = { panrb: 0.34, kemendagri: 0.4, lan: 0.28 };

interface CorpusContext {
	seed: string;
	idKey: readonly number[];
	pool: AgencyPool;
	topics: WeightedTable<Topic>;
	mechanisms: WeightedTable<Mechanism>;
	years: WeightedTable<number>;
	centralTopics: Map<string, WeightedTable<Topic>>;
}

function createContext(seed: string, regions: readonly DemoRegion[]): CorpusContext {
	const centralTopics = new Map<string, WeightedTable<Topic>>();
	const pool = buildAgencyPool(seed, regions);
	for (const agency of pool.all) {
		if (!agency.isCentral) continue;
		const affairs = CENTRAL_AGENCY_AFFAIRS[agency.id] ?? GENERIC_AFFAIRS;
		const topics = TOPICS.filter((t) => affairs.includes(t.affair));
		centralTopics.set(
			agency.id,
			new WeightedTable((topics.length ? topics : TOPICS).map((t) => ({ value: t, weight: t.weight })))
		);
	}
	return {
		seed,
		idKey: hashSeed(`${seed}#ids`),
		pool,
		topics: new WeightedTable(TOPICS.map((t) => ({ value: t, weight: t.weight }))),
		mechanisms: new WeightedTable(MECHANISMS.map((m) => ({ value: m, weight: m.weight }))),
		years: new WeightedTable(YEAR_WEIGHTS),
		centralTopics
	};
}

export function* generateDemoCorpus(
	regions: readonly DemoRegion[],
	options: DemoCorpusOptions
): Generator<DemoBatch> {
	const start = options.startIndex ?? 0;
	const end = start + options.count;
	const batchSize = options.batchSize ?? 1000;
	if (!Number.isInteger(start) || !Number.isInteger(options.count) || start < 0 || options.count < 0) {
		throw new Error('startIndex and count must be non-negative integers');
	}
	if (end > DEMO_MAX_INNOVATIONS) throw new Error(`a demo corpus holds at most ${DEMO_MAX_INNOVATIONS} innovations`);
	const context = createContext(options.seed, regions);
	for (let offset = start; offset < end; offset += batchSize) {
		const batch: DemoBatch = { offset, innovations: [], facets: [], awards: [], sourceRecords: [] };
		for (let index = offset; index < Math.min(end, offset + batchSize); index++) {
			generateOne(context, index, batch);
		}
		yield batch;
	}
}

/** Seeded bytes for ids.ts: a keyed permutation of the index, so ids never repeat within a seed. */
function demoInnovationId(context: CorpusContext, index: number): string {
	let n = permute50(index, context.idKey);
	const bytes = new Uint8Array(10);
	for (let i = 9; i >= 0; i--) {
		bytes[i] = n % 32;
		n = Math.floor(n / 32);
	}
	return innovationId(bytes);
}

const scrambled = (source: SourceKey, index: number) =>
	scrambleIndex(index, DEMO_MAX_INNOVATIONS, ...EXTERNAL_ID_SCRAMBLE[source]);

function pickSources(random: Random, agency: DemoAgency): SourceKey[] {
	const count = random.weighted([
		{ value: 1, weight: 70 },
		{ value: 2, weight: 22 },
		{ value: 3, weight: 8 }
	]);
	const candidates = (Object.keys(SOURCE_WEIGHTS) as SourceKey[]).filter(
		(s) => !(agency.isCentral && s === 'kemendagri')
	);
	const chosen: SourceKey[] = [];
	while (chosen.length < count && chosen.length < candidates.length) {
		const left = candidates.filter((s) => !chosen.includes(s));
		chosen.push(random.weighted(left.map((s) => ({ value: s, weight: SOURCE_WEIGHTS[s] }))));
	}
	return chosen;
}

function pickStage(random: Random, year: number): Stage {
	const recent = year >= 2024;
	const old = year <= 2018;
	return random.weighted([
		{ value: 'penciptaan' as const, weight: 35 * (recent ? 2 : old ? 0.6 : 0.95) },
		{ value: 'pengembangan' as const, weight: 45 },
		{ value: 'pelembagaan' as const, weight: 20 * (recent ? 0.3 : old ? 1.7 : 1.05) }
	]);
}

function pickStatus(random: Random, stage: Stage): SustainabilityStatus {
	const stopped = stage === 'pelembagaan' ? 4 : stage === 'pengembangan' ? 12 : 20;
	return random.weighted([
		{ value: 'berlanjut' as const, weight: 58 },
		{ value: 'berlanjut_dengan_pengembangan' as const, weight: stage === 'penciptaan' ? 15 : 32 },
		{ value: 'berhenti' as const, weight: stopped }
	]);
}

function personName(random: Random): { first: string; last: string; full: string } {
	const first = random.pick(FIRST_NAMES);
	const last = random.pick(LAST_NAMES);
	return { first, last, full: `${first} ${last}${random.pick(DEGREES)}` };
}

const slug = (text: string) =>
	text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

function mailDomain(agency: DemoAgency): string {
	switch (agency.kind) {
		case 'pemerintah_kota':
			return `kota-${slug(agency.bareName)}.example`;
		case 'pemerintah_provinsi':
			return `prov-${slug(agency.bareName)}.example`;
		case 'pemerintah_kabupaten':
			return `${slug(agency.bareName)}.example`;
		default:
			return `${agency.id}.example`;
	}
}

/** The regulation that anchors an institutionalised innovation, as its number is cited. */
function regulationFor(random: Random, agency: DemoAgency, year: number): string {
	const number = random.int(1, 75);
	if (agency.isCentral) {
		const head = agency.kind === 'kementerian' ? agency.name.replace(/^Kementerian /, 'Menteri ') : `Kepala ${agency.name}`;
		return `${random.chance(0.7) ? 'Peraturan' : 'Keputusan'} ${head} Nomor ${number} Tahun ${year}`;
	}
	const head =
		agency.kind === 'pemerintah_provinsi' ? 'Gubernur' : agency.kind === 'pemerintah_kota' ? 'Wali Kota' : 'Bupati';
	const roll = random.next();
	if (roll < 0.08) {
		const level = agency.kind === 'pemerintah_provinsi' ? 'Provinsi' : agency.kind === 'pemerintah_kota' ? 'Kota' : 'Kabupaten';
		return `Peraturan Daerah ${level} ${agency.bareName} Nomor ${random.int(1, 20)} Tahun ${year}`;
	}
	return `${roll < 0.7 ? 'Peraturan' : 'Keputusan'} ${head} ${agency.bareName} Nomor ${number} Tahun ${year}`;
}

function initiatorFor(
	random: Random,
	agency: DemoAgency,
	unitName: string
): { type: InitiatorType; name: string } {
	const type: InitiatorType = agency.isCentral
		? random.chance(0.55)
			? 'opd'
			: 'asn'
		: random.weighted([
				{ value: 'kepala_daerah' as const, weight: 15 },
				{ value: 'anggota_dprd' as const, weight: 3 },
				{ value: 'opd' as const, weight: 45 },
				{ value: 'asn' as const, weight: 30 },
				{ value: 'masyarakat' as const, weight: 7 }
			]);
	switch (type) {
		case 'kepala_daerah': {
			const head =
				agency.kind === 'pemerintah_provinsi' ? 'Gubernur' : agency.kind === 'pemerintah_kota' ? 'Wali Kota' : 'Bupati';
			return { type, name: `${head} ${agency.bareName}` };
		}
		case 'anggota_dprd':
			return { type, name: `Komisi ${random.pick(['I', 'II', 'III', 'IV'])} DPRD ${agency.regionName}` };
		case 'opd':
			return { type, name: unitName };
		case 'asn':
			return { type, name: personName(random).full };
		case 'masyarakat':
			return {
				type,
				name: `${random.pick(['Forum Anak', 'Tim Penggerak PKK', 'Karang Taruna', 'Komunitas Relawan', 'Forum Kesehatan Desa'])} ${agency.regionName}`
			};
	}
}

function generateOne(context: CorpusContext, index: number, batch: DemoBatch): void {
	const r = new Random(`${context.seed}#${index}`);
	const { pool } = context;
	const agency = (r.chance(CENTRAL_SHARE) ? pool.central : pool.regional).draw(r);
	const topic = (agency.isCentral ? context.centralTopics.get(agency.id)! : context.topics).draw(r);
	const mechanism = r.chance(0.7)
		? MECHANISM_BY_KEY.get(r.pick(topic.mechanisms))!
		: context.mechanisms.draw(r);
	const title = generateTitle(r, topic, mechanism);
	const id = demoInnovationId(context, index);

	const unit = agency.isCentral
		? centralUnit(agency.id, r.int(0, 9))
		: regionalUnit(unitForLevel(topic.unit, agency.kind === 'pemerintah_provinsi'), agency.bareName, r.int(0, 7));
	const unitShort = unit.abbreviation && unit.abbreviation !== 'RSUD' ? unit.abbreviation : unit.name;

	const yearStarted = context.years.draw(r);
	const startedOn: CalendarDate = { year: yearStarted, month: r.int(1, yearStarted === 2025 ? 9 : 12), day: r.int(1, 28) };
	const startDay = dayNumber(startedOn);
	const stage = pickStage(r, yearStarted);
	const verified = r.chance(0.9);
	const sustainabilityStatus = verified ? pickStatus(r, stage) : null;
	const verifiedDay = Math.min(
		LAST_VERIFIED,
		Math.max(startDay + 180, Math.floor(LAST_VERIFIED - (LAST_VERIFIED - startDay - 180) * Math.min(r.next(), r.next())))
	);
	const sources = pickSources(r, agency);

	// Institutionalisation evidence: complete when institutionalised, partial while developing.
	const regulationYear = Math.min(2025, yearStarted + r.int(0, 2));
	const institutional = stage === 'pelembagaan';
	const regulationRef = institutional || (stage === 'pengembangan' && r.chance(0.15)) ? regulationFor(r, agency, regulationYear) : null;
	const budgetLine =
		institutional || (stage === 'pengembangan' && r.chance(0.2))
			? agency.isCentral
				? `DIPA ${agency.name} Tahun Anggaran ${regulationYear}`
				: `DPA ${unit.name} Tahun Anggaran ${regulationYear}, Sub Kegiatan ${topic.titlePhrase}`
			: null;
	const sopRef =
		institutional || (stage === 'pengembangan' && r.chance(0.4)) || (stage === 'penciptaan' && r.chance(0.1))
			? `SOP Nomor ${r.pick(['800', '400', '500', '000.8', '100.3'])}/${r.int(10, 999)}/${(unit.abbreviation ?? 'SOP').replace(/\s+/g, '')}/${regulationYear} tentang ${topic.titlePhrase}`
			: null;

	// Registered some months after it started; the results it reports are those known by then.
	const created = fromDayNumber(Math.min(LAST_CREATED, startDay + r.int(30, 400)));
	const createdAt = `${isoDate(created)}T${String(r.int(1, 10)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}.000Z`;
	const indicator = indicatorFigures(r, topic.indicator);
	const partners = r.sample(topic.partners, r.int(2, 3));
	const replicators =
		stage !== 'penciptaan' && r.chance(0.3)
			? Array.from({ length: r.int(1, 3) }, () => r.pick(pool.regionalList))
					.filter((a, i, list) => a.id !== agency.id && list.findIndex((b) => b.id === a.id) === i)
					.map((a) => a.name)
			: [];
	const narrative = generateNarrative(r, {
		name: title.acronym ?? title.title,
		topic,
		mechanism,
		agencyName: agency.name,
		agencyShort: agency.abbreviation,
		regionName: agency.regionName,
		unitName: unit.name,
		unitShort,
		startedOn,
		figures: {
			baselineYear: yearStarted - 1,
			before: indicator.before,
			after: indicator.after,
			beneficiaries: Math.round(Math.exp(r.real(Math.log(150), Math.log(25_000)))),
			budgetMillions: r.int(5, 180) * 5 * (agency.isCentral ? 4 : 1),
			teamSize: r.int(5, 60),
			measuredYear: created.year,
			satisfaction: `${r.int(78, 95)},${r.int(10, 99)}`
		},
		partners,
		replicators,
		regulationRef,
		stopped: sustainabilityStatus === 'berhenti'
	});

	const themeRoll = r.next();
	const theme =
		topic.theme && themeRoll < 0.6
			? topic.theme
			: mechanism.digital && themeRoll < 0.8
				? 'Digitalisasi Layanan Pemerintahan'
				: 'Non Tematik';
	const form =
		topic.form === 'tata_kelola'
			? r.chance(0.85)
				? 'tata_kelola'
				: 'pelayanan_publik'
			: r.weighted([
					{ value: 'pelayanan_publik' as const, weight: 85 },
					{ value: 'tata_kelola' as const, weight: 9 },
					{ value: 'lainnya' as const, weight: 6 }
				]);
	const sdgs = topic.sdgs.slice(0, r.int(1, topic.sdgs.length));
	if (!sdgs.includes(17) && r.chance(0.12)) sdgs.push(17);
	const initiator = initiatorFor(r, agency, unit.name);
	const contact = personName(r);
	const contactEmail = `${slug(contact.first).replace(/-/g, '')}.${slug(contact.last).replace(/-/g, '')}@${mailDomain(agency)}`;

	// Source context: the KIPP year the PANRB record was entered, Kemendagri's reporting year.
	const kippCandidates = [yearStarted + 1, yearStarted + 2, yearStarted + 3].filter((y) => KIPP_YEARS.has(y));
	const kippYear = kippCandidates.length ? r.pick(kippCandidates) : 2025;
	const reportingFrom = Math.max(2019, yearStarted);
	const reportingYear = r.int(reportingFrom, Math.max(reportingFrom, Math.min(2025, yearStarted + 2)));
	const lanYear = Math.min(2025, yearStarted + r.int(0, 1));

	const externalIds: Record<SourceKey, string> = {
		panrb: `SNV-${kippYear}-${String(scrambled('panrb', index)).padStart(6, '0')}`,
		kemendagri: String(100_000 + scrambled('kemendagri', index)),
		lan: String(10_000 + scrambled('lan', index))
	};
	const hasSource = (s: SourceKey) => sources.includes(s);
	const primary = sources[0]!;
	const from = (s: SourceKey) => ({ source: s, externalId: externalIds[s] });
	const provenance: DemoInnovation['provenance'] = {};
	for (const field of ['title', 'summary', 'problem', 'aims', 'novelty', 'implementation', 'results', 'year_started', 'stage', 'main_affair']) {
		provenance[field] = from(primary);
	}
	if (hasSource('kemendagri')) {
		for (const field of ['maturity_score', 'initiator_type', 'initiator_name', 'theme']) provenance[field] = from('kemendagri');
	}
	if (hasSource('panrb')) {
		for (const field of ['sustainability_status', 'video_url', 'contact_email', 'contact_phone']) provenance[field] = from('panrb');
	}

	const maturityScore = hasSource('kemendagri')
		? Math.round(
				(stage === 'penciptaan' ? r.real(20, 55) : stage === 'pengembangan' ? r.real(40, 82) : r.real(60, 98)) * 10
			) / 10
		: null;
	const videoUrl = r.chance(0.55)
		? hasSource('panrb')
			? `https://video.example/sinovik/${externalIds.panrb.toLowerCase()}`
			: `https://video.example/inovasi/${id}`
		: null;
	const documents = [
		...(regulationRef ? [{ title: regulationRef, url: `https://dokumen.example/${id}/regulasi.pdf` }] : []),
		...(sopRef && institutional ? [{ title: sopRef, url: `https://dokumen.example/${id}/sop.pdf` }] : [])
	];

	const innovation: DemoInnovation = {
		id,
		title: title.title,
		acronym: title.acronym,
		agencyId: agency.id,
		serviceUnit: { agencyId: agency.id, name: unit.name, abbreviation: unit.abbreviation },
		regionCode: agency.regionCode,
		yearStarted,
		startedOn: isoDate(startedOn),
		...narrative,
		mainAffair: topic.affair,
		otherAffairs: r.sample(topic.otherAffairs, r.int(0, Math.min(2, topic.otherAffairs.length))),
		sdgs,
		isDigital: mechanism.digital,
		form,
		theme,
		initiatorType: initiator.type,
		initiatorName: initiator.name,
		stage,
		sustainabilityStatus,
		statusVerifiedOn: sustainabilityStatus ? isoDate(fromDayNumber(verifiedDay)) : null,
		regulationRef,
		budgetLine,
		sopRef,
		maturityScore,
		videoUrl,
		documents,
		contactName: contact.full,
		contactEmail,
		contactPhone: `+62 812-0000-${String(r.int(0, 9999)).padStart(4, '0')}`,
		provenance,
		createdAt
	};
	batch.innovations.push(innovation);
	batch.facets.push({ innovationId: id, topic: topic.key, mechanism: mechanism.key });

	// Awards: KIPP goes to SINOVIK entries (never 2024, when KIPP was not held), IGA to regions
	// reporting to Kemendagri, PKRI to a few.
	const kippLevel =
		hasSource('panrb') && kippYear > yearStarted && r.chance(0.27)
			? r.weighted([
					{ value: KIPP_LEVELS[0], weight: 50 },
					{ value: KIPP_LEVELS[1], weight: 27 },
					{ value: KIPP_LEVELS[2], weight: 13 },
					{ value: KIPP_LEVELS[3], weight: 10 }
				])
			: null;
	const awards: DemoAward[] = [];
	const category = kippCategory(topic.affair);
	if (kippLevel) awards.push({ innovationId: id, programme: 'KIPP', year: kippYear, level: kippLevel, category });
	if (!agency.isCentral && hasSource('kemendagri') && yearStarted < 2025 && r.chance(0.18)) {
		const kind = agency.kind === 'pemerintah_provinsi' ? 'Provinsi' : agency.kind === 'pemerintah_kota' ? 'Kota' : 'Kabupaten';
		awards.push({
			innovationId: id,
			programme: 'IGA',
			year: r.int(Math.max(2019, yearStarted + 1), 2025),
			level: `Peringkat ${r.int(1, 10)}`,
			category: `${kind} Terinovatif`
		});
	}
	if (yearStarted < 2025 && r.chance(0.015)) {
		awards.push({
			innovationId: id,
			programme: 'PKRI',
			year: r.int(Math.max(2019, yearStarted + 1), 2025),
			level: r.chance(0.3) ? 'Terbaik' : 'Penerima Penghargaan',
			category: 'Inovasi Pelayanan Publik'
		});
	}
	batch.awards.push(...awards);

	const payloadInput: PayloadInput = {
		innovation,
		title,
		agency,
		startedOn,
		kipp: {
			year: kippYear,
			group: r.weighted([
				{ value: 'Umum', weight: 70 },
				{ value: 'Khusus', weight: 15 },
				{ value: 'Replikasi', weight: 15 }
			]),
			level: kippLevel,
			category
		},
		reportingYear,
		lanYear
	};
	for (const source of sources) {
		const externalId = externalIds[source];
		const raw =
			source === 'panrb'
				? panrbPayload(r, externalId, payloadInput)
				: source === 'kemendagri'
					? kemendagriPayload(r, externalId, payloadInput)
					: lanPayload(r, externalId, payloadInput);
		const record: DemoSourceRecord = { source, externalId, innovationId: id, raw, importedAt: createdAt };
		batch.sourceRecords.push(record);
	}
}
