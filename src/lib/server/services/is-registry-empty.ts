import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { countInnovations } from '../repositories/demo-seed-repository';

/** True while the registry has never held an innovation (deleted ones count as held). */
export async function isRegistryEmpty(db: Kysely<DB>): Promise<boolean> {
	return (await countInnovations(db)) === 0;
}
