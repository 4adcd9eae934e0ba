import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readCache } from '../read-cache';
import { listChildRegions, listProvinces } from '../repositories/region-repository';

type Option = { code: string; name: string };

/** Regions change only with a new Kemendagri regulation; the lists are reused for minutes. */
const REGION_LIST_TTL_MS = 5 * 60_000;

/** Choices for the catalogue's filter form: provinces, and the kab/kota of the chosen province. */
export async function listCatalogueOptions(db: Kysely<DB>, provinceCode?: string) {
	const cache = readCache<Option[]>(db, 'region-options', REGION_LIST_TTL_MS, 64);
	const [provinces, regencies] = await Promise.all([
		cache.get('provinces', async () => (await listProvinces(db)).map((p) => ({ code: p.code, name: p.name }))),
		provinceCode
			? cache.get(provinceCode, async () =>
					(await listChildRegions(db, provinceCode)).map((r) => ({ code: r.code, name: r.name }))
				)
			: Promise.resolve([])
	]);
	return { provinces, regencies };
}
