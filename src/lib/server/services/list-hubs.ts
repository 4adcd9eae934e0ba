import type { Kysely } from 'kysely';
import type { DB, HubKind } from '../db/schema';
import { listHubs as findHubs } from '../repositories/hub-repository';

export async function listHubs(db: Kysely<DB>, filter: { kind?: HubKind } = {}) {
	const rows = await findHubs(db, filter);
	return rows.map((h) => ({
		id: h.id,
		name: h.name,
		kind: h.kind,
		regionCode: h.region_code,
		establishedYear: h.established_year,
		coordinator: { id: h.coordinator_agency_id, name: h.coordinator_name },
		memberCount: Number(h.member_count)
	}));
}
