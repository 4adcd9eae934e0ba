import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFingerprint, type JudgedQuery, type JudgedQuerySet } from '../../scripts/build-judged-queries';
import { mean, ndcgAtK } from '../../src/lib/server/domain/search/ndcg';
import { loadSearchAbbreviations } from '../../src/lib/server/services/load-search-abbreviations';
import { searchInnovations } from '../../src/lib/server/services/search-innovations';
import { seedDemoData } from '../../src/lib/server/services/seed-demo-data';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Search quality on the demo corpus: every judged query of tests/search/judged-queries.json
 * (judgments from the generator's facts, see tests/search/README.md) goes through the real
 * search service; the mean nDCG@10 must stay at or above 0.90. Prints nDCG@10 per kind and the
 * worst queries with the grades of what they returned.
 */
const K = 10;
const THRESHOLD = 0.9;
const ABBREVIATIONS = path.resolve(import.meta.dirname, '../../../shared/data/bahasa/singkatan-pemerintahan.csv');
const SET = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../search/judged-queries.json'), 'utf8')) as JudgedQuerySet;

interface Scored {
	query: JudgedQuery;
	ndcg: number;
	/** Grades of the returned top k, in order ('-' = not judged relevant). */
	grades: string;
	titles: string[];
}

let database: TestDatabase;
const scored: Scored[] = [];

beforeAll(async () => {
	database = await createTestDatabase();
	await seedDemoData(database.db, { count: SET.corpus.count, seed: SET.corpus.seed });
	// As `serve` does on first start.
	await loadSearchAbbreviations(database.db, ABBREVIATIONS);
}, 600_000);

afterAll(async () => {
	await database?.dispose();
});

function judgmentsOf(query: JudgedQuery): Map<string, number> {
	const map = new Map<string, number>();
	for (const grade of ['3', '2', '1'] as const) for (const id of query.relevant[grade]) map.set(id, Number(grade));
	return map;
}

describe('search quality (nDCG@10 on the judged demo queries)', () => {
	it('seeded the corpus that was judged', async () => {
		const rows = await database.db.selectFrom('innovations').select(['id', 'title']).execute();
		expect(rows).toHaveLength(SET.corpus.count);
		expect(corpusFingerprint(rows), 'the demo corpus changed: run npx tsx scripts/build-judged-queries.ts').toBe(SET.corpus.fingerprint);
	});

	it(`keeps the mean nDCG@${K} at or above ${THRESHOLD}`, async () => {
		const titles = new Map((await database.db.selectFrom('innovations').select(['id', 'title']).execute()).map((r) => [r.id, r.title]));
		for (const query of SET.queries) {
			const { ids } = await searchInnovations(database.db, { q: query.q, limit: K, offset: 0, sort: 'relevansi', facets: false });
			const judgments = judgmentsOf(query);
			scored.push({
				query,
				ndcg: ndcgAtK(ids, judgments, K),
				grades: ids.map((id) => String(judgments.get(id) ?? '-')).join(''),
				titles: ids.slice(0, 3).map((id) => titles.get(id) ?? id)
			});
		}
		report(scored);
		expect(scored).toHaveLength(SET.queries.length);
		expect(mean(scored.map((s) => s.ndcg))).toBeGreaterThanOrEqual(THRESHOLD);
	}, 600_000);
});

function report(list: Scored[]): void {
	const kinds = [...new Set(list.map((s) => s.query.kind))];
	const lines = [`nDCG@${K} per jenis kueri (${list.length} kueri):`];
	for (const kind of kinds) {
		const ofKind = list.filter((s) => s.query.kind === kind);
		lines.push(`  ${kind.padEnd(14)} ${mean(ofKind.map((s) => s.ndcg)).toFixed(3)}  (${ofKind.length} kueri)`);
	}
	const operator = list.filter((s) => s.query.operator);
	lines.push(`  ${'contoh operator'.padEnd(14)} ${mean(operator.map((s) => s.ndcg)).toFixed(3)}  (${operator.length} kueri)`);
	lines.push(`  ${'RATA-RATA'.padEnd(14)} ${mean(list.map((s) => s.ndcg)).toFixed(3)}`);
	lines.push('Kueri terburuk (nilai relevansi 10 hasil teratas, - = tidak relevan):');
	for (const s of [...list].sort((a, b) => a.ndcg - b.ndcg).slice(0, 15)) {
		lines.push(`  ${s.ndcg.toFixed(3)} ${s.query.id} ${s.query.kind.padEnd(12)} "${s.query.q}" [${s.grades.padEnd(K)}] ${s.titles.map((t) => `«${t}»`).join(' ')}`);
	}
	console.log(lines.join('\n'));
}
