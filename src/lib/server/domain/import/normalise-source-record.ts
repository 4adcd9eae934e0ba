/**
 * One mapped source row (mapping-profile.ts `mapRow(...).fields`) -> the canonical candidate the
 * importer stores and matches, or the reasons it must be quarantined. Pure: the region and agency
 * registries come in as resolvers. Optional values that cannot be read (a bad optional date, a bad
 * score) become null rather than rejecting the row; a value outside an enumeration rejects it,
 * because guessing would put wrong facts in the registry.
 */
import type { InitiatorType, InnovationForm, SourceKey, SustainabilityStatus } from '../../db/schema';
import { analyseTitle } from '../matching/titles';
import type { AgencyResolver } from '../normalise/agencies';
import { isParseProblem, parseDecimal, parseSourceDate } from '../normalise/dates';
import type { RegionResolver } from '../normalise/regions';
import { cleanText, htmlToText } from '../normalise/text';
import {
	mapAffair,
	mapAffairs,
	mapAgencyKind,
	mapDigital,
	mapForm,
	mapInitiator,
	mapKemendagriStage,
	mapKippGroup,
	mapKippLevel,
	mapLanStage,
	mapSdgs,
	mapSustainabilityStatus,
	mapTheme,
	type EnumResult
} from '../normalise/vocabulary-mapping';
import type { StageCode } from '../vocabulary';

export type RejectionCategory = 'missing-id' | 'missing-title' | 'no-agency' | 'unknown-region' | 'region-conflict' | 'unknown-enum';

export interface RejectionReason {
	category: RejectionCategory;
	field?: string;
	message: string;
}

export interface CandidateAward {
	programme: 'KIPP';
	year: number;
	level: string;
	category: string | null;
}

/** Canonical innovation fields a source record supplies (null / empty when it has no value). */
export interface CanonicalCandidate {
	title: string;
	acronym: string | null;
	agencyId: string;
	regionCode: string | null;
	yearStarted: number | null;
	startedOn: string | null;
	stage: StageCode | null;
	summary: string;
	problem: string;
	aims: string;
	novelty: string;
	implementation: string;
	results: string;
	transferability: string;
	resources: string;
	sustainabilityStrategy: string;
	mainAffair: string | null;
	otherAffairs: string[];
	sdgs: number[];
	isDigital: boolean | null;
	form: InnovationForm | null;
	theme: string | null;
	initiatorType: InitiatorType | null;
	initiatorName: string | null;
	sustainabilityStatus: SustainabilityStatus | null;
	maturityScore: number | null;
	videoUrl: string | null;
	contactName: string | null;
	contactEmail: string | null;
	contactPhone: string | null;
	awards: CandidateAward[];
}

export interface NormalisedSourceRecord {
	externalId: string;
	record: CanonicalCandidate;
	/** What duplicate detection compares: the year the source reports and the narrative as one text. */
	match: { year: number | null; text: string };
	/** A PANRB agency id this row taught us (resolved by name, id not yet on the agency). */
	learnedPanrbId: { agencyId: string; panrbId: string } | null;
}

export type NormaliseResult = { ok: true; value: NormalisedSourceRecord } | { ok: false; externalId: string | null; reasons: RejectionReason[] };

export interface NormaliseResolvers {
	regions: RegionResolver;
	agencies: AgencyResolver;
	/** Region code of an agency (regional governments), null for central agencies. */
	agencyRegion(agencyId: string): string | null;
	/** The PANRB id already stored on an agency. */
	agencyPanrbId(agencyId: string): string | null;
}

type Fields = Record<string, string | null>;

/** Narrative fields, in the order matching reads them as one text. */
export const NARRATIVE_FIELDS = [
	'summary',
	'problem',
	'aims',
	'novelty',
	'implementation',
	'results',
	'transferability',
	'resources',
	'sustainabilityStrategy'
] as const;

// A Perda, Perkada or SK anchoring the innovation: Kemendagri's Penerapan then means institutionalised.
const REGULATION_EVIDENCE = /\b(perda|perkada|perbup|perwal|pergub|peraturan (daerah|bupati|wali ?kota|gubernur|kepala daerah)|surat keputusan|sk (bupati|wali ?kota|gubernur|kepala))\b/i;

function text(value: string | null | undefined): string | null {
	const cleaned = cleanText(value);
	return cleaned === '' || cleaned === '-' ? null : cleaned;
}

function year(value: string | null | undefined): number | null {
	const parsed = Number(cleanText(value));
	return Number.isInteger(parsed) && parsed >= 1945 && parsed <= 2100 ? parsed : null;
}

function date(value: string | null | undefined): string | null {
	const parsed = parseSourceDate(value, { excelSerial: true });
	return parsed === null || isParseProblem(parsed) ? null : parsed;
}

function httpUrl(value: string | null | undefined): string | null {
	const url = text(value);
	return url && /^https?:\/\/\S+$/i.test(url) ? url : null;
}

/** A candidate with only its title, agency and region; every other field empty. */
export function emptyCandidate(title: string, agencyId: string, regionCode: string | null): CanonicalCandidate {
	return {
		title,
		acronym: analyseTitle(title).acronym,
		agencyId,
		regionCode,
		yearStarted: null,
		startedOn: null,
		stage: null,
		summary: '',
		problem: '',
		aims: '',
		novelty: '',
		implementation: '',
		results: '',
		transferability: '',
		resources: '',
		sustainabilityStrategy: '',
		mainAffair: null,
		otherAffairs: [],
		sdgs: [],
		isDigital: null,
		form: null,
		theme: null,
		initiatorType: null,
		initiatorName: null,
		sustainabilityStatus: null,
		maturityScore: null,
		videoUrl: null,
		contactName: null,
		contactEmail: null,
		contactPhone: null,
		awards: []
	};
}

/** Collects enumeration results; unknown values become reasons. */
class EnumCollector {
	readonly reasons: RejectionReason[] = [];
	take<T>(field: string, result: EnumResult<T>): T | null {
		if ('problem' in result) {
			this.reasons.push({ category: 'unknown-enum', field, message: result.message });
			return null;
		}
		return result.value;
	}
}

interface Location {
	regionCode: string | null;
	agencyId: string;
	learnedPanrbId: { agencyId: string; panrbId: string } | null;
}

/** Region first (a contradiction is never guessed away), then the agency within it. */
function locate(
	resolvers: NormaliseResolvers,
	region: { code?: string | null; name?: string | null; provinceName?: string | null },
	agency: { panrbId?: string | null; name?: string | null; kind?: string | null },
	fieldOfRegion: string
): Location | RejectionReason {
	const resolved = resolvers.regions.resolve(region);
	let regionCode: string | null = null;
	if (resolved) {
		if ('code' in resolved) regionCode = resolved.code;
		else {
			return {
				category: resolved.problem === 'region-conflict' ? 'region-conflict' : 'unknown-region',
				field: fieldOfRegion,
				message: resolved.message
			};
		}
	}
	// A province alone does not designate an agency; it only has to contain the agency found.
	const provinceOnly = regionCode !== null && !regionCode.includes('.');
	const found = resolvers.agencies.resolve({ ...agency, regionCode: provinceOnly ? null : regionCode });
	if ('problem' in found) return { category: 'no-agency', field: 'agency', message: found.message };
	const agencyRegion = resolvers.agencyRegion(found.agencyId);
	if (provinceOnly && agencyRegion && agencyRegion.slice(0, 2) !== regionCode) {
		return {
			category: 'region-conflict',
			field: fieldOfRegion,
			message: `Instansi "${cleanText(agency.name)}" (wilayah ${agencyRegion}) tidak berada di provinsi ${regionCode}.`
		};
	}
	// A province-only statement is refined by the regional government's own region.
	if (agencyRegion && (!regionCode || agencyRegion.startsWith(`${regionCode}.`))) regionCode = agencyRegion;
	const panrbId = text(agency.panrbId)?.toUpperCase() ?? null;
	const learnedPanrbId =
		panrbId && found.via !== 'panrb-id' && !resolvers.agencyPanrbId(found.agencyId) ? { agencyId: found.agencyId, panrbId } : null;
	return { regionCode, agencyId: found.agencyId, learnedPanrbId };
}

export function normaliseSourceRecord(source: SourceKey, fields: Fields, resolvers: NormaliseResolvers): NormaliseResult {
	const externalId = text(fields.externalId);
	const title = text(fields.title);
	if (!externalId) {
		return { ok: false, externalId: null, reasons: [{ category: 'missing-id', field: 'externalId', message: 'ID rekaman sumber kosong.' }] };
	}
	if (!title) {
		return { ok: false, externalId, reasons: [{ category: 'missing-title', field: 'title', message: 'Judul inovasi kosong.' }] };
	}
	if (source === 'panrb') return normalisePanrb(externalId, title, fields, resolvers);
	if (source === 'kemendagri') return normaliseKemendagri(externalId, title, fields, resolvers);
	return normaliseLan(externalId, title, fields, resolvers);
}

/** The narrative fields joined as matching compares them. */
export function narrativeTextOf(record: Partial<Pick<CanonicalCandidate, (typeof NARRATIVE_FIELDS)[number]>>): string {
	return NARRATIVE_FIELDS.map((field) => record[field])
		.filter(Boolean)
		.join(' ');
}

function finish(
	externalId: string,
	enums: EnumCollector,
	location: Location | RejectionReason,
	build: (location: Location) => { record: CanonicalCandidate; matchYear: number | null }
): NormaliseResult {
	const reasons = [...('category' in location ? [location] : []), ...enums.reasons];
	if (reasons.length > 0 || 'category' in location) return { ok: false, externalId, reasons };
	const { record, matchYear } = build(location);
	const matchText = narrativeTextOf(record);
	return { ok: true, value: { externalId, record, match: { year: matchYear, text: matchText }, learnedPanrbId: location.learnedPanrbId } };
}

function normalisePanrb(externalId: string, title: string, f: Fields, resolvers: NormaliseResolvers): NormaliseResult {
	const enums = new EnumCollector();
	enums.take('Jenis Instansi', mapAgencyKind(f.agencyKind));
	enums.take('Kelompok', mapKippGroup(f.kippGroup));
	const level = enums.take('Predikat', mapKippLevel(f.kippLevel));
	const sdgs = enums.take('SDGs', mapSdgs(f.sdgs)) ?? [];
	const status = enums.take('Status Keberlanjutan', mapSustainabilityStatus(f.sustainabilityStatus));
	const location = locate(
		resolvers,
		{ provinceName: f.provinceName },
		{ panrbId: f.panrbAgencyId, name: f.agencyName, kind: f.agencyKind },
		'Provinsi'
	);
	return finish(externalId, enums, location, ({ agencyId, regionCode }) => {
		const record = emptyCandidate(title, agencyId, regionCode);
		const competitionYear = year(f.competitionYear);
		record.startedOn = date(f.startedOn);
		record.yearStarted = record.startedOn ? year(record.startedOn.slice(0, 4)) : null;
		for (const field of NARRATIVE_FIELDS) record[field] = htmlToText(f[field]);
		record.sdgs = sdgs;
		record.sustainabilityStatus = status;
		record.videoUrl = httpUrl(f.videoUrl);
		record.contactEmail = text(f.contactEmail);
		record.contactPhone = text(f.contactPhone);
		if (level && competitionYear) {
			record.awards = [{ programme: 'KIPP', year: competitionYear, level, category: text(f.kippCategory) }];
		}
		return { record, matchYear: competitionYear ?? record.yearStarted };
	});
}

function normaliseKemendagri(externalId: string, title: string, f: Fields, resolvers: NormaliseResolvers): NormaliseResult {
	const enums = new EnumCollector();
	const narrative = [f.design, f.aims, f.benefits, f.results].map((value) => htmlToText(value));
	const stage = enums.take(
		'Tahapan Inovasi',
		mapKemendagriStage(f.stage, { hasRegulationEvidence: REGULATION_EVIDENCE.test(narrative.join(' ')) })
	);
	const initiatorType = enums.take('Inisiator Inovasi', mapInitiator(f.initiatorType));
	const isDigital = enums.take('Jenis Inovasi', mapDigital(f.isDigital));
	const form = enums.take('Bentuk Inovasi', mapForm(f.form));
	const theme = enums.take('Tematik', mapTheme(f.theme));
	const mainAffair = enums.take('Urusan Utama', mapAffair(f.mainAffair));
	const otherAffairs = enums.take('Urusan Lain', mapAffairs(f.otherAffairs)) ?? [];
	const location = locate(resolvers, { code: f.regionCode, name: f.regionName }, { name: f.regionName }, 'Kode Pemda');
	return finish(externalId, enums, location, ({ agencyId, regionCode }) => {
		const record = emptyCandidate(title, agencyId, regionCode);
		const trialOn = date(f.trialOn);
		const appliedOn = date(f.appliedOn);
		record.startedOn = trialOn ?? appliedOn;
		record.yearStarted = record.startedOn ? year(record.startedOn.slice(0, 4)) : null;
		// Rancang Bangun describes how it works; Manfaat is the short statement of what it brings.
		[record.implementation, record.aims, record.summary, record.results] = narrative as [string, string, string, string];
		record.stage = stage;
		record.initiatorType = initiatorType;
		record.initiatorName = text(f.initiatorName);
		record.isDigital = isDigital;
		record.form = form;
		record.theme = theme;
		record.mainAffair = mainAffair;
		record.otherAffairs = otherAffairs.filter((affair) => affair !== mainAffair);
		const score = parseDecimal(f.maturityScore);
		record.maturityScore = typeof score === 'number' ? score : null;
		return { record, matchYear: year(f.reportingYear) ?? record.yearStarted };
	});
}

function normaliseLan(externalId: string, title: string, f: Fields, resolvers: NormaliseResolvers): NormaliseResult {
	const enums = new EnumCollector();
	const stage = enums.take('tahap_5d', mapLanStage(f.stage));
	const sdgs = enums.take('id_sdgs', mapSdgs(f.sdg ?? f.sdgName)) ?? [];
	const location = locate(
		resolvers,
		{ code: f.regionCode, name: f.regionName, provinceName: f.provinceName },
		{ panrbId: f.panrbAgencyId, name: f.agencyName },
		'id_kabkot'
	);
	// Only PANRB's own rows teach PANRB ids; LAN copies them and may be stale.
	if (!('category' in location)) location.learnedPanrbId = null;
	return finish(externalId, enums, location, ({ agencyId, regionCode }) => {
		const record = emptyCandidate(title, agencyId, regionCode);
		record.summary = htmlToText(f.description);
		record.stage = stage;
		record.sdgs = sdgs;
		record.initiatorName = text(f.innovatorName);
		const reported = year(f.year);
		record.yearStarted = reported;
		return { record, matchYear: reported };
	});
}
