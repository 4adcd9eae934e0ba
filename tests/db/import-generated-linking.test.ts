import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceKey } from '../../src/lib/server/db/schema';
import { generateDemoCorpus } from '../../src/lib/server/domain/demo/corpus';
import type { DemoSourceRecord } from '../../src/lib/server/domain/demo/corpus-types';
import { evaluateClusters } from '../../src/lib/server/domain/matching/evaluate';
import { listDemoRegions } from '../../src/lib/server/repositories/demo-seed-repository';
import { listSourceRecordLinks } from '../../src/lib/server/repositories/import-repository';
import { importSourceFile, type ImportSourceFileResult } from '../../src/lib/server/services/import-source-file';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// A generated set larger and messier than the samples: titles varied per source (acronym only,
// expansion only, case, prefixes), agencies and dates written each export's way, and look-alikes
// (one name in two regions, one agency with several innovations on a topic). The generator knows
// the truth, so linking quality is measured, not assumed.
const RECORDS = 2500;
const SOURCES: readonly SourceKey[] = ['panrb', 'kemendagri', 'lan'];
const stopWords = new Set(
	readFileSync(path.resolve(import.meta.dirname, '../../../shared/data/bahasa/stopwords-id.txt'), 'utf8')
		.split(/\r?\n/)
		.map((word) => word.trim().toLowerCase())
		.filter(Boolean)
);

const cell = (value: unknown, delimiter: string) => {
	const text = value === null || value === undefined ? '' : String(value);
	return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The records of one source in its export format: PANRB CSV, Kemendagri `;` CSV with BOM, LAN JSON Lines. */
function sourceFile(source: SourceKey, records: readonly DemoSourceRecord[]): Uint8Array {
	if (source === 'lan') return new TextEncoder().encode(records.map((r) => `${JSON.stringify(r.raw)}\n`).join(''));
	const delimiter = source === 'kemendagri' ? ';' : ',';
	const headers = Object.keys(records[0]!.raw);
	const lines = [headers, ...records.map((r) => headers.map((h) => r.raw[h]))].map((row) => row.map((v) => cell(v, delimiter)).join(delimiter));
	return new TextEncoder().encode(`${source === 'kemendagri' ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`);
}

let database: TestDatabase;
const truth = new Map<string, string[]>();
const results: ImportSourceFileResult[] = [];

beforeAll(async () => {
	database = await createTestDatabase();
	const regions = await listDemoRegions(database.db);
	const bySource: Record<SourceKey, DemoSourceRecord[]> = { panrb: [], kemendagri: [], lan: [] };
	let count = 0;
	for (const batch of generateDemoCorpus(regions, { seed: 'linking-test', count: RECORDS, batchSize: 500 })) {
		for (const record of batch.sourceRecords) {
			if (count++ >= RECORDS) break;
			bySource[record.source].push(record);
			const members = truth.get(record.innovationId) ?? [];
			members.push(`${record.source}:${record.externalId}`);
			truth.set(record.innovationId, members);
		}
		if (count >= RECORDS) break;
	}
	const files: Record<SourceKey, string> = { panrb: 'panrb.csv', kemendagri: 'kemendagri.csv', lan: 'lan.jsonl' };
	for (const source of SOURCES) {
		results.push(
			await importSourceFile(database.db, { source, fileName: files[source], bytes: sourceFile(source, bySource[source]), actor: 'test', stopWords })
		);
	}
}, 600_000);

afterAll(async () => {
	await database?.dispose();
});

describe('importSourceFile on a generated set with look-alikes', () => {
	it('imports every record and links duplicates with precision >= 0.97 and F1 >= 0.95', async () => {
		expect(results.reduce((sum, r) => sum + r.counts.inserted, 0)).toBe(RECORDS);
		const predicted = new Map<string, string[]>();
		for (const link of await listSourceRecordLinks(database.db)) {
			expect(link.innovation_id).not.toBeNull();
			const members = predicted.get(link.innovation_id!) ?? [];
			members.push(`${link.source}:${link.external_id}`);
			predicted.set(link.innovation_id!, members);
		}
		const evaluation = evaluateClusters([...predicted.values()], [...truth.values()]);
		// The set must hold duplicates to link, or the measure says nothing.
		expect(evaluation.truePositives + evaluation.falseNegatives).toBeGreaterThan(RECORDS / 5);
		expect(evaluation.precision).toBeGreaterThanOrEqual(0.97);
		expect(evaluation.f1).toBeGreaterThanOrEqual(0.95);
	});

	it('sends grey-zone pairs to the review queue, one open review per counted pair', async () => {
		const reviews = await database.db.selectFrom('match_reviews').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		const counted = results.reduce((sum, r) => sum + r.counts.review, 0);
		expect(counted).toBeGreaterThan(0);
		expect(Number(reviews.n)).toBe(counted);
	});
});
