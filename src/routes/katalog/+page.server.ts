import { z } from 'zod';
import type { I18n } from '$lib/i18n';
import {
	AGENCY_KIND_FILTERS,
	filtersFromSearchParams,
	filtersToSearchParams,
	innovationFiltersSchema,
	effectiveSort,
	SORTS,
	type InnovationFilters
} from '$lib/server/domain/innovation-filters';
import { pageCount, pageWindow } from '$lib/server/domain/pagination';
import {
	AFFAIRS,
	affairLabel,
	AGENCY_KIND_LABELS,
	AWARD_PROGRAMME_LABELS,
	AWARD_PROGRAMMES,
	SDG_LABELS,
	SDG_NUMBERS,
	SOURCE_LABELS,
	SOURCES,
	STAGE_LABELS,
	STAGES
} from '$lib/server/domain/vocabulary';
import { toInnovationCard } from '$lib/server/http/innovation-cards';
import { badQuery, describeProblems } from '$lib/server/http/page-errors';
import { requestI18n } from '$lib/server/http/request-i18n';
import { listCatalogueOptions } from '$lib/server/services/list-catalogue-options';
import { searchInnovations } from '$lib/server/services/search-innovations';
import type { PageServerLoad } from './$types';

const PER_PAGE = 20;
const MAX_PAGE = 5000;

const pageSchema = z.preprocess(
	(v) => (v === '' || v === null ? undefined : v),
	z.coerce.number().int().min(1).max(MAX_PAGE).default(1)
);

type FilterKey = Exclude<keyof InnovationFilters, 'urutan'>;

export const load: PageServerLoad = async ({ locals, url, cookies }) => {
	const i18n = requestI18n(cookies);
	const { t } = i18n;

	const parsed = innovationFiltersSchema.safeParse(filtersFromSearchParams(url.searchParams));
	if (!parsed.success) badQuery(t('filter.invalid', { problems: describeProblems(parsed.error) }));
	const filters: InnovationFilters = { ...parsed.data };
	if (filters.tahunDari && filters.tahunSampai && filters.tahunDari > filters.tahunSampai) {
		badQuery(t('filter.yearOrder'));
	}
	const pageParsed = pageSchema.safeParse(url.searchParams.get('halaman'));
	if (!pageParsed.success) badQuery(t('filter.invalidPage', { max: MAX_PAGE }));

	// Without JavaScript the kab/kota list follows the province only after submitting, so a
	// kab/kota left over from the previous province is dropped rather than silently winning.
	if (filters.wilayah && filters.provinsi && !filters.wilayah.startsWith(filters.provinsi)) {
		filters.wilayah = undefined;
	}
	const provinceCode = filters.provinsi ?? filters.wilayah?.slice(0, 2);

	const { page, limit, offset } = pageWindow(pageParsed.data, PER_PAGE);
	const db = locals.db.db;
	const { q, urutan: _urutan, ...rest } = filters;
	const sort = effectiveSort(filters);
	const [result, options] = await Promise.all([
		searchInnovations(db, { q, filters: rest, limit, offset, sort }),
		listCatalogueOptions(db, provinceCode)
	]);
	// Facet counts beside every option of the filter form (all other filters applied).
	const facetCounts = Object.fromEntries(
		Object.entries(result.facets ?? {}).map(([name, list]) => [name, Object.fromEntries(list.map((f) => [f.value, f.count]))])
	) as Record<string, Record<string, number>>;

	const query = filtersToSearchParams(filters);
	const chips = activeFilterChips(filters, {
		i18n,
		provinceName: (code) => options.provinces.find((p) => p.code === code)?.name ?? code,
		regencyName: (code) => options.regencies.find((r) => r.code === code)?.name ?? code,
		// The agency filter comes from agency pages; its name is on every result.
		agencyName: (id) => result.items.find((item) => item.agency.id === id)?.agency.name ?? id
	});

	return {
		form: {
			q: filters.q ?? '',
			provinsi: provinceCode ?? '',
			wilayah: filters.wilayah ?? '',
			instansi: filters.instansi ?? '',
			jenisInstansi: filters.jenisInstansi ?? '',
			urusan: filters.urusan ?? '',
			sdg: filters.sdg ? String(filters.sdg) : '',
			tahap: filters.tahap ?? '',
			tahun: filters.tahun ? String(filters.tahun) : '',
			tahunDari: filters.tahunDari ? String(filters.tahunDari) : '',
			tahunSampai: filters.tahunSampai ? String(filters.tahunSampai) : '',
			penghargaan: filters.penghargaan ?? '',
			sumber: filters.sumber ?? '',
			digital: filters.digital ?? '',
			direplikasi: filters.direplikasi ?? '',
			urutan: sort,
			defaultSort: effectiveSort({ q: filters.q })
		},
		facets: facetCounts,
		search: {
			q: filters.q ?? '',
			didYouMean: result.didYouMean,
			didYouMeanHref: result.didYouMean ? catalogueHref({ ...filters, q: result.didYouMean }) : null,
			partial: result.partial,
			withoutFiltersHref: filters.q ? catalogueHref({ q: filters.q }) : null
		},
		options: {
			provinces: options.provinces,
			regencies: options.regencies,
			agencyKinds: AGENCY_KIND_FILTERS.map((value) => ({ value, label: AGENCY_KIND_LABELS[value] })),
			affairGroups: (['wajib_dasar', 'wajib_non_dasar', 'pilihan', 'penunjang'] as const).map((group) => ({
				group,
				affairs: AFFAIRS.filter((a) => a.group === group).map((a) => ({ value: a.code, label: a.label }))
			})),
			sdgs: SDG_NUMBERS.map((n) => ({ value: String(n), label: `${n}. ${SDG_LABELS[n]}` })),
			stages: STAGES.map((value) => ({ value, label: STAGE_LABELS[value] })),
			sources: SOURCES.map((value) => ({ value, label: SOURCE_LABELS[value] })),
			awards: AWARD_PROGRAMMES.map((value) => ({ value, label: AWARD_PROGRAMME_LABELS[value] }))
		},
		items: result.items.map((item) => ({ ...toInnovationCard(item), snippetParts: item.snippetParts, titleParts: item.titleParts })),
		total: result.total,
		page,
		pages: pageCount(result.total, PER_PAGE),
		from: result.total === 0 ? 0 : offset + 1,
		to: offset + result.items.length,
		query: query.toString(),
		chips,
		// Relevance only means something with a query.
		sorts: SORTS.filter((value) => value !== 'relevansi' || filters.q).map((value) => ({
			value,
			href: catalogueHref({ ...filters, urutan: value }),
			current: value === sort
		}))
	};
};

function catalogueHref(filters: Partial<InnovationFilters>): string {
	const search = filtersToSearchParams(filters).toString();
	return search ? `/katalog?${search}` : '/katalog';
}

interface ChipNames {
	i18n: I18n;
	provinceName(code: string): string;
	regencyName(code: string): string;
	agencyName(id: string): string;
}

/** One removable chip per active filter; its link is the current URL without that filter. */
function activeFilterChips(filters: InnovationFilters, names: ChipNames) {
	const { t } = names.i18n;
	const value: Record<FilterKey, (v: never) => string> = {
		q: (v: string) => `“${v}”`,
		provinsi: (v: string) => names.provinceName(v),
		wilayah: (v: string) => names.regencyName(v),
		instansi: (v: string) => names.agencyName(v),
		jenisInstansi: (v: keyof typeof AGENCY_KIND_LABELS) => AGENCY_KIND_LABELS[v],
		urusan: (v: string) => affairLabel(v) ?? v,
		sdg: (v: number) => `${v}. ${SDG_LABELS[v]}`,
		tahap: (v: keyof typeof STAGE_LABELS) => STAGE_LABELS[v],
		tahun: (v: number) => String(v),
		tahunDari: (v: number) => String(v),
		tahunSampai: (v: number) => String(v),
		penghargaan: (v: string) =>
			v === 'ada' ? t('filter.awardAny') : AWARD_PROGRAMME_LABELS[v as keyof typeof AWARD_PROGRAMME_LABELS],
		sumber: (v: keyof typeof SOURCE_LABELS) => SOURCE_LABELS[v],
		digital: (v: string) => (v === 'ya' ? t('filter.digitalYes') : t('filter.digitalNo')),
		direplikasi: (v: string) => (v === 'ya' ? t('filter.replicatedYes') : t('filter.replicatedNo'))
	};
	return (Object.keys(value) as FilterKey[])
		.filter((key) => filters[key] !== undefined)
		.map((key) => {
			const rest: Partial<InnovationFilters> = { ...filters, [key]: undefined };
			// Removing the province also removes its kab/kota.
			if (key === 'provinsi') rest.wilayah = undefined;
			return {
				key,
				label: t(`filter.${key}`),
				value: value[key](filters[key] as never),
				href: catalogueHref(rest)
			};
		});
}
