import { CompiledQuery, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * One multi-row INSERT of plain rows, written as SQL text with numbered parameters directly: the
 * same statement as `insertInto(table).values(rows)` (columns in order of first appearance, a
 * column a row lacks takes its default), without the query builder's node per value. For the
 * import's large batches (hundreds of rows of thirty columns) building and compiling those nodes
 * cost the main thread more than sending the statement. Values go to the driver as they are.
 */
export async function insertRows(db: Kysely<DB>, table: keyof DB & string, records: readonly object[]): Promise<void> {
	const rows = records as readonly Record<string, unknown>[];
	if (rows.length === 0) return;
	if (!IDENTIFIER.test(table)) throw new Error(`Nama tabel tidak sah: ${table}`);
	const columns: string[] = [];
	const seen = new Set<string>();
	for (const row of rows) {
		for (const column in row) {
			if (row[column] === undefined || seen.has(column)) continue;
			// Names come from the code, never from input; refuse anything that would need quoting.
			if (!IDENTIFIER.test(column)) throw new Error(`Nama kolom tidak sah: ${column}`);
			seen.add(column);
			columns.push(column);
		}
	}
	const parameters: unknown[] = [];
	const tuples: string[] = new Array(rows.length);
	for (let r = 0; r < rows.length; r++) {
		const row = rows[r]!;
		let tuple = '(';
		for (let c = 0; c < columns.length; c++) {
			const value = row[columns[c]!];
			if (c > 0) tuple += ', ';
			if (value === undefined) tuple += 'default';
			else tuple += `$${parameters.push(value)}`;
		}
		tuples[r] = `${tuple})`;
	}
	await db.executeQuery(CompiledQuery.raw(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, parameters));
}
