import type { Kysely } from 'kysely';
import type { DB, SourceKey } from '../db/schema';
import { agencyNameKey, withAlias, writtenAgencyOf } from '../domain/curation/agency-names';
import { cleanText } from '../domain/normalise/text';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import { clearReadCaches } from '../read-cache';
import { appendChanges } from '../repositories/change-history-repository';
import {
	findAgencyResolution,
	insertAgencyResolution,
	listNoAgencyQuarantinedRows,
	lockAgency,
	setAgencyAliases,
	setAgencyResolutionRun
} from '../repositories/curation-repository';
import { curatorNote } from './curation-steps';
import { importSourceFile } from './import-source-file';

export interface ResolveAgencyNameInput {
	/** The agency name as the source wrote it. */
	name: string;
	agencyId: string;
	note?: string | null;
	/** Import the quarantined rows of this name again right away (default true). */
	reprocess?: boolean;
	/** Stop words for the importer's narrative comparison. */
	stopWords?: ReadonlySet<string>;
}

export interface ResolveAgencyNameResult {
	resolutionId: number;
	agencyId: string;
	aliasAdded: boolean;
	quarantinedRows: number;
	/** Import runs that re-processed the rows, one per source. */
	runs: { source: SourceKey; runId: number; imported: number; quarantined: number }[];
}

const MAX_NAME = 300;

/**
 * A curator maps an unknown agency name to a registered agency: the name becomes one of the
 * agency's aliases (with a history entry), so every later import resolves it. The rows it had
 * quarantined are then imported again from their stored raw values (one generated JSON file per
 * source through importSourceFile, so they are normalised, linked and counted like any import).
 */
export async function resolveAgencyName(db: Kysely<DB>, actor: Actor, input: ResolveAgencyNameInput): Promise<ResolveAgencyNameResult> {
	authorize(actor, 'agency.curate');
	const name = cleanText(input.name);
	if (!name) throw new AppError('VALIDATION_FAILED', 'Nama instansi yang dipetakan kosong.');
	if (name.length > MAX_NAME) throw new AppError('VALIDATION_FAILED', `Nama instansi paling panjang ${MAX_NAME} karakter.`);
	const key = agencyNameKey(name);
	if (!key) throw new AppError('VALIDATION_FAILED', 'Nama instansi yang dipetakan kosong.');
	const note = curatorNote(input.note);

	const outcome = await db.transaction().execute(async (trx) => {
		const agency = await lockAgency(trx, input.agencyId);
		if (!agency) throw new AppError('AGENCY_NOT_FOUND', `Instansi "${input.agencyId}" tidak ditemukan.`);
		const earlier = await findAgencyResolution(trx, key);
		if (earlier) {
			throw new AppError(
				'AGENCY_NAME_ALREADY_RESOLVED',
				`Nama "${earlier.written_name}" sudah dipetakan ke ${earlier.agency_name} oleh ${earlier.actor}.`
			);
		}
		const rows = (await listNoAgencyQuarantinedRows(trx)).filter((row) => {
			const written = writtenAgencyOf(row.source, row.raw).name;
			return written !== null && agencyNameKey(written) === key;
		});
		const { aliases, added } = withAlias({ name: agency.name, abbreviation: agency.abbreviation, aliases: agency.aliases ?? [] }, name);
		const resolutionId = await insertAgencyResolution(trx, {
			writtenName: name,
			nameKey: key,
			source: rows[0]?.source ?? null,
			agencyId: agency.id,
			aliasAdded: added,
			quarantinedCount: rows.length,
			actor: actor.id,
			reason: note
		});
		if (added) {
			await setAgencyAliases(trx, agency.id, aliases);
			await appendChanges(trx, [
				{
					entityType: 'agency',
					entityId: agency.id,
					version: null,
					action: 'update',
					actor: actor.id,
					changes: { aliases: { from: agency.aliases ?? [], to: aliases } },
					reason: note ? `Nama "${name}" dipetakan oleh kurator. Catatan: ${note}` : `Nama "${name}" dipetakan oleh kurator.`
				}
			]);
		}
		return { resolutionId, aliasAdded: added, rows };
	});
	clearReadCaches(db);

	const runs: ResolveAgencyNameResult['runs'] = [];
	if (input.reprocess !== false && outcome.rows.length > 0) {
		// The latest quarantined row of each record, grouped by source, as the source delivered it.
		const bySource = new Map<SourceKey, Map<string, Record<string, unknown>>>();
		for (const row of outcome.rows) {
			const rowsOfSource = bySource.get(row.source) ?? new Map<string, Record<string, unknown>>();
			rowsOfSource.set(row.external_id ?? `row-${row.id}`, row.raw);
			bySource.set(row.source, rowsOfSource);
		}
		for (const [source, raws] of bySource) {
			const bytes = new TextEncoder().encode(JSON.stringify([...raws.values()]));
			const result = await importSourceFile(db, {
				source,
				fileName: `kurasi-instansi-${outcome.resolutionId}-${source}.json`,
				bytes,
				actor: actor.id,
				stopWords: input.stopWords
			});
			await setAgencyResolutionRun(db, outcome.resolutionId, result.runId);
			runs.push({ source, runId: result.runId, imported: result.counts.inserted + result.counts.updated, quarantined: result.counts.rejected });
		}
	}
	return { resolutionId: outcome.resolutionId, agencyId: input.agencyId, aliasAdded: outcome.aliasAdded, quarantinedRows: outcome.rows.length, runs };
}
