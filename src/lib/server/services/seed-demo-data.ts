import type { Insertable, Kysely } from 'kysely';
import { z } from 'zod';
import { clearReadCaches } from '../read-cache';
import type { DB, InnovationsTable } from '../db/schema';
import { DEFAULT_DEMO_SEED, DEMO_MAX_INNOVATIONS, generateDemoCorpus } from '../domain/demo/corpus';
import type { DemoBatch } from '../domain/demo/corpus-types';
import { generateDemoHubs } from '../domain/demo/hubs';
import { formatNumber } from '../domain/demo/indonesian-text';
import { AppError } from '../errors';
import { appendChanges } from '../repositories/change-history-repository';
import {
	countInnovations,
	ensureServiceUnits,
	insertAwardRows,
	insertHubsIfMissing,
	insertInnovationRows,
	insertSourceRecordRows,
	listDemoRegions,
	serviceUnitKey
} from '../repositories/demo-seed-repository';
import { syncReferenceData } from './sync-reference-data';

/** How many innovations `jippnas seed --demo` and the first start of an empty PGlite create. */
export const DEFAULT_DEMO_COUNT = 3000;

export interface SeedDemoOptions {
	count: number;
	seed?: string;
	/** Add to a registry that already has innovations (continues the corpus after them). */
	append?: boolean;
	/** Innovations per transaction. */
	batchSize?: number;
	/** Batches written at the same time (PostgreSQL connections used). */
	concurrency?: number;
	actor?: string;
	onProgress?: (done: number, total: number) => void;
}

export interface SeedDemoOutcome {
	innovations: number;
	awards: number;
	sourceRecords: number;
	hubs: number;
	durationMs: number;
}

const optionsSchema = z.object({
	count: z
		.number({ error: 'Jumlah inovasi contoh harus berupa angka.' })
		.int('Jumlah inovasi contoh harus bilangan bulat.')
		.min(1, 'Jumlah inovasi contoh minimal 1.')
		.max(DEMO_MAX_INNOVATIONS, `Jumlah inovasi contoh maksimal ${formatNumber(DEMO_MAX_INNOVATIONS)}.`),
	seed: z
		.string()
		.trim()
		.min(1, 'Benih (seed) data contoh tidak boleh kosong.')
		.max(100, 'Benih (seed) data contoh maksimal 100 karakter.')
		.default(DEFAULT_DEMO_SEED),
	append: z.boolean().default(false),
	batchSize: z.number().int().min(1).max(5000).default(1000),
	concurrency: z.number().int().min(1).max(8).default(2)
});

/**
 * Fills the registry with the demo corpus: reference data, the 54 hubs, then the innovations
 * with their awards and source records, one transaction per batch so that progress can be
 * reported and memory stays bounded. Records one `seed` entry in the change history.
 */
export async function seedDemoData(db: Kysely<DB>, options: SeedDemoOptions): Promise<SeedDemoOutcome> {
	const started = performance.now();
	const parsed = optionsSchema.safeParse(options);
	if (!parsed.success) {
		throw new AppError(
			'VALIDATION_FAILED',
			parsed.error.issues[0]?.message,
			parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
		);
	}
	const { count, seed, append, batchSize, concurrency } = parsed.data;

	const existing = await countInnovations(db);
	if (existing > 0 && !append) {
		throw new AppError(
			'VALIDATION_FAILED',
			`Basis data sudah berisi ${formatNumber(existing)} inovasi. Data contoh hanya diisi ke registri yang masih kosong; gunakan opsi tambah (--append) bila memang ingin menambahkannya.`
		);
	}
	// Appending continues the corpus at the registry's count: with the same seed, 3,000 plus an
	// appended 2,000 are exactly the corpus of 5,000, and new external ids never repeat old ones.
	const startIndex = append ? existing : 0;
	if (startIndex + count > DEMO_MAX_INNOVATIONS) {
		throw new AppError(
			'VALIDATION_FAILED',
			`Registri dapat menampung paling banyak ${formatNumber(DEMO_MAX_INNOVATIONS)} inovasi contoh; saat ini sudah ada ${formatNumber(existing)}.`
		);
	}

	await syncReferenceData(db);
	const regions = await listDemoRegions(db);
	const { hubs, members } = generateDemoHubs(seed, regions);
	const hubOutcome = await db.transaction().execute((trx) => insertHubsIfMissing(trx, hubs, members));

	const unitIds = new Map<string, number>();
	let innovations = 0;
	let awards = 0;
	let sourceRecords = 0;
	options.onProgress?.(0, count);
	// Up to `concurrency` batches are written at once (each in its own transaction): PostgreSQL
	// then uses more than one core. PGlite has one session, so there it only overlaps
	// generating the next batch with writing the previous one.
	const inFlight: Promise<void>[] = [];
	const write = async (batch: DemoBatch) => {
		const written = await db.transaction().execute((trx) => writeBatch(trx, batch, unitIds));
		innovations += batch.innovations.length;
		awards += batch.awards.length;
		sourceRecords += written;
		options.onProgress?.(innovations, count);
	};
	try {
		for (const batch of generateDemoCorpus(regions, { seed, count, startIndex, batchSize })) {
			// Units first and one batch at a time, so that concurrent batches never race to create them.
			await ensureUnitsOf(db, batch, unitIds);
			const writing = write(batch);
			// Marks a failure as handled until it is awaited below, where it is rethrown.
			writing.catch(() => undefined);
			inFlight.push(writing);
			if (inFlight.length >= concurrency) await inFlight.shift();
		}
		while (inFlight.length) await inFlight.shift();
	} catch (error) {
		await Promise.allSettled(inFlight);
		throw error;
	}

	await appendChanges(db, [
		{
			entityType: 'dataset',
			entityId: 'demo',
			version: null,
			action: 'seed',
			actor: options.actor ?? 'system',
			snapshot: { count, seed, startIndex, innovations, awards, sourceRecords, hubs: hubOutcome.hubs },
			reason: 'Data contoh (fiktif) untuk mencoba dan menguji aplikasi'
		}
	]);
	clearReadCaches(db);
	return { innovations, awards, sourceRecords, hubs: hubOutcome.hubs, durationMs: Math.round(performance.now() - started) };
}

async function ensureUnitsOf(db: Kysely<DB>, batch: DemoBatch, unitIds: Map<string, number>): Promise<void> {
	const missing = new Map<string, DemoBatch['innovations'][number]['serviceUnit']>();
	for (const innovation of batch.innovations) {
		const unit = innovation.serviceUnit;
		const key = serviceUnitKey(unit.agencyId, unit.name);
		if (!unitIds.has(key)) missing.set(key, unit);
	}
	if (missing.size === 0) return;
	const created = await ensureServiceUnits(db, [...missing.values()]);
	for (const [key, id] of created) unitIds.set(key, id);
}

async function writeBatch(trx: Kysely<DB>, batch: DemoBatch, unitIds: ReadonlyMap<string, number>): Promise<number> {
	const rows: Insertable<InnovationsTable>[] = batch.innovations.map((i) => ({
		id: i.id,
		title: i.title,
		acronym: i.acronym,
		agency_id: i.agencyId,
		service_unit_id: unitIds.get(serviceUnitKey(i.serviceUnit.agencyId, i.serviceUnit.name)) ?? null,
		region_code: i.regionCode,
		year_started: i.yearStarted,
		started_on: i.startedOn,
		summary: i.summary,
		problem: i.problem,
		aims: i.aims,
		novelty: i.novelty,
		implementation: i.implementation,
		results: i.results,
		transferability: i.transferability,
		resources: i.resources,
		sustainability_strategy: i.sustainabilityStrategy,
		main_affair: i.mainAffair,
		other_affairs: i.otherAffairs,
		sdgs: i.sdgs,
		is_digital: i.isDigital,
		form: i.form,
		theme: i.theme,
		initiator_type: i.initiatorType,
		initiator_name: i.initiatorName,
		stage: i.stage,
		sustainability_status: i.sustainabilityStatus,
		status_verified_on: i.statusVerifiedOn,
		regulation_ref: i.regulationRef,
		budget_line: i.budgetLine,
		sop_ref: i.sopRef,
		maturity_score: i.maturityScore,
		video_url: i.videoUrl,
		documents: JSON.stringify(i.documents),
		contact_name: i.contactName,
		contact_email: i.contactEmail,
		contact_phone: i.contactPhone,
		provenance: JSON.stringify(i.provenance),
		created_at: i.createdAt,
		updated_at: i.createdAt
	}));
	await insertInnovationRows(trx, rows);
	await insertAwardRows(
		trx,
		batch.awards.map((a) => ({
			innovation_id: a.innovationId,
			programme: a.programme,
			year: a.year,
			level: a.level,
			category: a.category
		}))
	);
	return insertSourceRecordRows(
		trx,
		batch.sourceRecords.map((s) => ({
			source: s.source,
			external_id: s.externalId,
			innovation_id: s.innovationId,
			raw: JSON.stringify(s.raw),
			mapped: '{}',
			imported_at: s.importedAt
		}))
	);
}
