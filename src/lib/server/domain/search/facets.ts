import { AGENCY_KIND_FILTERS } from '../innovation-filters';
import { AWARD_PROGRAMMES, SOURCES, STAGES } from '../vocabulary';

/** The catalogue filters that have facet counts, in the order they are reported. */
export const FACET_NAMES = [
	'provinsi',
	'wilayah',
	'jenisInstansi',
	'urusan',
	'sdg',
	'tahap',
	'sumber',
	'tahun',
	'penghargaan',
	'digital',
	'direplikasi'
] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export interface FacetCount {
	value: string;
	count: number;
}
export type Facets = Record<FacetName, FacetCount[]>;

export const STAGE_CODES = STAGES;
export const SOURCE_BITS: Readonly<Record<string, number>> = Object.fromEntries(SOURCES.map((s, i) => [s, 1 << i]));
export const AWARD_BITS: Readonly<Record<string, number>> = Object.fromEntries(AWARD_PROGRAMMES.map((p, i) => [p, 1 << i]));
export const AGENCY_KINDS = AGENCY_KIND_FILTERS;

/** Most kabupaten/kota listed in the wilayah facet (all of them when a province is chosen). */
export const REGION_FACET_LIMIT = 100;

/** Facet lists sorted for display (in place): count descending, then value; years newest first. */
export function sortFacetCounts(name: FacetName, list: FacetCount[]): FacetCount[] {
	if (name === 'tahun') list.sort((a, b) => Number(b.value) - Number(a.value));
	else if (name === 'sdg') list.sort((a, b) => Number(a.value) - Number(b.value));
	else if (name === 'digital' || name === 'direplikasi') list.sort((a, b) => (a.value === 'ya' ? -1 : 1) - (b.value === 'ya' ? -1 : 1));
	else list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
	// "Any award" first, then the programmes.
	if (name === 'penghargaan') list.sort((a, b) => (a.value === 'ada' ? -1 : b.value === 'ada' ? 1 : 0));
	return name === 'wilayah' ? list.slice(0, REGION_FACET_LIMIT) : list;
}
