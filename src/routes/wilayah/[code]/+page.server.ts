import { innovationFiltersSchema } from '$lib/server/domain/innovation-filters';
import { AppError } from '$lib/server/errors';
import { toInnovationCard } from '$lib/server/http/innovation-cards';
import { orPageError, throwPageError } from '$lib/server/http/page-errors';
import { getRegionProfile } from '$lib/server/services/get-region-profile';
import { listInnovations } from '$lib/server/services/list-innovations';
import type { PageServerLoad } from './$types';

const REGION_CODE = /^\d{2}(\.\d{2})?$/;
const SHOWN = 5;

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!REGION_CODE.test(params.code)) throwPageError(new AppError('REGION_NOT_FOUND'));
	const isProvince = params.code.length === 2;
	const filter: Record<string, string> = isProvince ? { provinsi: params.code } : { provinsi: params.code.slice(0, 2), wilayah: params.code };
	const db = locals.db.db;
	const [profile, innovations] = await Promise.all([
		orPageError(getRegionProfile(db, params.code)),
		listInnovations(db, innovationFiltersSchema.parse(filter), { limit: SHOWN, offset: 0 })
	]);
	return {
		region: profile.region,
		characteristics: profile.characteristics,
		government: profile.government,
		children: profile.children,
		innovations: innovations.items.map(toInnovationCard),
		innovationTotal: innovations.total,
		catalogueHref: `/katalog?${new URLSearchParams(filter)}`
	};
};
