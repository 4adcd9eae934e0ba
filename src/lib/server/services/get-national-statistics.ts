import type { Kysely } from 'kysely';
import type { DB, ReplicationState } from '../db/schema';
import { CLOSED_STATES, REPLICATION_STATES } from '../domain/replication/state-machine';
import { SOURCES, STAGES, type SourceCode, type StageCode } from '../domain/vocabulary';
import { readCache } from '../read-cache';
import * as stats from '../repositories/statistics-repository';

export interface NationalStatistics {
	innovations: number;
	agenciesWithInnovations: number;
	agencies: number;
	hubs: { total: number; pusat: number; daerah: number };
	bySource: Array<{
		source: SourceCode;
		records: number;
		innovations: number;
		lastImportedAt: string | null;
		/** The newest import run of the source and its outcome (null when never imported from a file). */
		lastImport: {
			status: 'running' | 'succeeded' | 'partly' | 'failed' | 'interrupted';
			fileName: string;
			startedAt: string;
			finishedAt: string | null;
			counts: Record<string, number>;
		} | null;
	}>;
	byStage: Array<{ stage: StageCode; count: number }>;
	byProvince: Array<{ code: string; name: string; count: number }>;
	central: number;
	byAffair: Array<{ affair: string | null; count: number }>;
	byYear: Array<{ year: number; count: number }>;
	awards: Array<{ programme: string; count: number }>;
	/** Replication (issue 5): only completed ('selesai') replications count as replicated. */
	replication: {
		innovationsReplicated: number;
		agenciesReplicating: number;
		/** Replications under way (not closed). */
		inProgress: number;
		byState: Record<ReplicationState, number>;
	};
	generatedAt: string;
}

/** National aggregates scan the whole registry; they are shared for half a minute. */
const STATISTICS_TTL_MS = 30_000;

/** The national figures of the home page and GET /api/v1/statistics, all computed from the data. */
export function getNationalStatistics(db: Kysely<DB>): Promise<NationalStatistics> {
	return readCache<NationalStatistics>(db, 'national-statistics', STATISTICS_TTL_MS).get('all', () =>
		computeNationalStatistics(db)
	);
}

async function computeNationalStatistics(db: Kysely<DB>): Promise<NationalStatistics> {
	const [innovations, agencies, withInnovations, hubKinds, bySource, byStage, byProvince, central, byAffair, byYear, awards, runs] =
		await Promise.all([
			stats.countLiveInnovations(db),
			stats.countTable(db, 'agencies'),
			stats.countAgenciesWithInnovations(db),
			stats.countHubsByKind(db),
			stats.countBySource(db),
			stats.countByStage(db),
			stats.countByProvince(db),
			stats.countCentralInnovations(db),
			stats.countByAffair(db),
			stats.countByYear(db),
			stats.countAwardsByProgramme(db),
			stats.latestImportRunPerSource(db)
		]);
	const [replicationStates, completed] = await Promise.all([
		stats.countReplicationsByState(db),
		stats.countCompletedReplications(db)
	]);
	const runBySource = new Map(runs.map((run) => [run.source, run]));
	const sourceRows = new Map(bySource.map((r) => [r.source, r]));
	const stageRows = new Map(byStage.map((r) => [r.stage, Number(r.n)]));
	const hubCount = (kind: string) => Number(hubKinds.find((h) => h.kind === kind)?.n ?? 0);
	return {
		innovations,
		agencies,
		agenciesWithInnovations: withInnovations,
		hubs: { total: hubCount('pusat') + hubCount('daerah'), pusat: hubCount('pusat'), daerah: hubCount('daerah') },
		bySource: SOURCES.map((source) => {
			const row = sourceRows.get(source);
			const run = runBySource.get(source);
			return {
				source,
				records: Number(row?.records ?? 0),
				innovations: Number(row?.innovations ?? 0),
				lastImportedAt: row?.last_imported_at ? new Date(row.last_imported_at).toISOString() : null,
				lastImport: run
					? {
							status: run.status,
							fileName: run.file_name,
							startedAt: new Date(run.started_at).toISOString(),
							finishedAt: run.finished_at ? new Date(run.finished_at).toISOString() : null,
							counts: { ...run.counts }
						}
					: null
			};
		}),
		byStage: STAGES.map((stage) => ({ stage, count: stageRows.get(stage) ?? 0 })),
		byProvince: byProvince.map((p) => ({ code: p.code, name: p.name, count: Number(p.n) })),
		central,
		byAffair: byAffair.map((a) => ({ affair: a.main_affair, count: Number(a.n) })),
		byYear: byYear.map((y) => ({ year: y.year_started as number, count: Number(y.n) })),
		awards: awards.map((a) => ({ programme: a.programme, count: Number(a.n) })),
		replication: replicationFigures(replicationStates, completed),
		generatedAt: new Date().toISOString()
	};
}

function replicationFigures(
	rows: Array<{ state: ReplicationState; n: number | string }>,
	completed: { innovations: number; agencies: number }
): NationalStatistics['replication'] {
	const counts = new Map(rows.map((row) => [row.state, Number(row.n)]));
	const byState = Object.fromEntries(REPLICATION_STATES.map((state) => [state, counts.get(state) ?? 0])) as Record<
		ReplicationState,
		number
	>;
	return {
		innovationsReplicated: completed.innovations,
		agenciesReplicating: completed.agencies,
		inProgress: REPLICATION_STATES.filter((state) => !CLOSED_STATES.includes(state)).reduce((sum, state) => sum + byState[state], 0),
		byState
	};
}
