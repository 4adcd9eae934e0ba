import { listRegions } from '$lib/server/services/list-regions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const provinces = await listRegions(locals.db.db, { level: 'provinsi', limit: 100, offset: 0 });
	return { provinces: provinces.items.map((p) => ({ code: p.code, name: p.name })) };
};
