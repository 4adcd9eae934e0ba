import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { listProvinces } from '../repositories/region-repository';
import { listChildRegions } from '../repositories/region-repository';

/** Choices for the catalogue's filter form: provinces, and the kab/kota of the chosen province. */
export async function listCatalogueOptions(db: Kysely<DB>, provinceCode?: string) {
	const [provinces, regencies] = await Promise.all([
		listProvinces(db),
		provinceCode ? listChildRegions(db, provinceCode) : Promise.resolve([])
	]);
	return {
		provinces: provinces.map((p) => ({ code: p.code, name: p.name })),
		regencies: regencies.map((r) => ({ code: r.code, name: r.name }))
	};
}
