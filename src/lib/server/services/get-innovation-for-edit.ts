import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { CHANGE_COLUMNS, type InnovationChanges } from '../domain/innovation-edit';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import { findInnovation } from '../repositories/innovation-repository';

export interface InnovationForEdit {
	id: string;
	version: number;
	agency: { id: string; name: string };
	/** Every editable field as stored now (the names of the edit schema). */
	values: Required<InnovationChanges>;
}

/**
 * The edit form's innovation: its current values and version, for someone allowed to change it
 * (an operator of its agency, admins, curators). Also what the form shows after a refused edit
 * (STALE_VERSION): the values someone else saved in the meantime.
 */
export async function getInnovationForEdit(db: Kysely<DB>, actor: Actor | null, id: string): Promise<InnovationForEdit> {
	if (!actor) throw new AppError('UNAUTHENTICATED');
	const row = await findInnovation(db, id);
	if (!row) throw new AppError('INNOVATION_NOT_FOUND');
	authorize(actor, 'innovation.update', row);
	const values = Object.fromEntries(
		Object.entries(CHANGE_COLUMNS).map(([field, column]) => [field, (row as unknown as Record<string, unknown>)[column] ?? null])
	) as Required<InnovationChanges>;
	return { id: row.id, version: row.version, agency: { id: row.agency_id, name: row.agency_name }, values };
}
