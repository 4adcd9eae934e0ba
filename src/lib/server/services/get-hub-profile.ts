import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { countHubInnovations, findHub, listHubMembers } from '../repositories/hub-repository';

/** A hub with its coordinator and spoke agencies and how many innovations they hold. */
export async function getHubProfile(db: Kysely<DB>, id: string) {
	const hub = await findHub(db, id);
	if (!hub) throw new AppError('HUB_NOT_FOUND');
	const [members, innovationCount] = await Promise.all([listHubMembers(db, id), countHubInnovations(db, id)]);
	return {
		hub: {
			id: hub.id,
			name: hub.name,
			kind: hub.kind,
			description: hub.description,
			establishedYear: hub.established_year,
			region: hub.region_code ? { code: hub.region_code, name: hub.region_name ?? hub.region_code } : null,
			coordinator: { id: hub.coordinator_agency_id, name: hub.coordinator_name }
		},
		members: members.map((m) => ({
			id: m.id,
			name: m.name,
			kind: m.kind,
			regionCode: m.region_code,
			joinedYear: m.joined_year,
			innovationCount: Number(m.innovation_count)
		})),
		innovationCount
	};
}
