import { listHubs } from '$lib/server/services/list-hubs';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const hubs = await listHubs(locals.db.db);
	const group = (kind: 'pusat' | 'daerah') => hubs.filter((h) => h.kind === kind);
	return { groups: [{ kind: 'pusat' as const, hubs: group('pusat') }, { kind: 'daerah' as const, hubs: group('daerah') }] };
};
