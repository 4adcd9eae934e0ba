import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { appendChanges } from '../repositories/change-history-repository';
import { listSynonyms, upsertSynonyms, type NewSynonym } from '../repositories/search-synonym-repository';

/** Columns of ../shared/data/bahasa/singkatan-pemerintahan.csv, in this order. */
export const ABBREVIATION_COLUMNS = ['singkatan', 'kepanjangan', 'kategori', 'varian', 'catatan'] as const;

export interface AbbreviationFile {
	name: string;
	content: string | Uint8Array;
}

export interface AbbreviationProblem {
	/** Line in the file (the header is line 1). */
	line: number;
	message: string;
}

export interface LoadAbbreviationsOutcome {
	file: string;
	/** Data rows in the file, valid or not. */
	rows: number;
	/** Rows skipped because they are invalid, with their line numbers. */
	problems: AbbreviationProblem[];
	/** Synonym pairs the valid rows give (abbreviation -> expansion, variant -> expansion). */
	pairs: number;
	inserted: number;
	/** Pairs that were already there. */
	unchanged: number;
	/** Pairs an admin removed: not brought back by loading the file again. */
	keptRemoved: number;
}

export interface LoadAbbreviationsOptions {
	actor?: string;
	onProgress?: (done: number, total: number) => void;
}

const WRITE_BATCH = 100;

const cell = (label: string, max: number) =>
	z.string().trim().max(max, `${label} paling panjang ${max} karakter`);

const rowSchema = z.object({
	singkatan: cell('singkatan', 100).min(1, 'singkatan wajib diisi'),
	kepanjangan: cell('kepanjangan', 300).min(1, 'kepanjangan wajib diisi'),
	kategori: cell('kategori', 50).min(1, 'kategori wajib diisi'),
	varian: cell('varian', 500)
		.transform((text) => text.split('|').map((v) => v.trim()))
		.refine((list) => list.length === 1 || list.every(Boolean), 'varian tidak boleh kosong di antara tanda |')
		.transform((list) => list.filter(Boolean))
		.refine((list) => list.every((v) => v.length <= 100), 'setiap varian paling panjang 100 karakter'),
	catatan: cell('catatan', 500)
});

export type AbbreviationRow = z.infer<typeof rowSchema>;

/**
 * Parses the abbreviation CSV into synonym pairs: the abbreviation and each variant point to the
 * expansion (`KTP-el` and `e-KTP` -> `Kartu Tanda Penduduk Elektronik`); search reads each pair
 * both ways. An expansion written as alternatives (`Akta Kelahiran / Akta Kematian`) gives one
 * pair per alternative; a replaced term named in the note (IMB -> PBG) gives a pair too. The
 * category and the note are kept in the pair's note. A wrong header
 * rejects the whole file; an invalid row is skipped and reported with its line number.
 */
export function parseAbbreviationCsv(file: AbbreviationFile): {
	rows: number;
	valid: Array<{ line: number; row: AbbreviationRow }>;
	problems: AbbreviationProblem[];
	pairs: Array<Omit<NewSynonym, 'source' | 'createdBy'>>;
} {
	let records: Array<{ record: string[]; info: { lines: number } }>;
	try {
		records = parse(typeof file.content === 'string' ? file.content : Buffer.from(file.content), {
			bom: true,
			info: true,
			skip_empty_lines: true,
			relax_column_count: true
		}) as unknown as typeof records;
	} catch (error) {
		const reason = error instanceof CsvError ? error.message : String(error);
		throw new AppError('FILE_UNREADABLE', `Berkas ${file.name} tidak dapat dibaca sebagai CSV: ${reason}`);
	}
	const [headerRecord, ...body] = records;
	if (!headerRecord) throw new AppError('FILE_UNREADABLE', `Berkas ${file.name} kosong.`);
	const header = headerRecord.record.map((h) => h.trim().toLowerCase());
	if (header.join(',') !== ABBREVIATION_COLUMNS.join(',')) {
		const hint = header.length === 1 && header[0]!.includes(';') ? ' (pemisah kolom harus koma)' : '';
		throw new AppError(
			'VALIDATION_FAILED',
			`Kepala kolom berkas ${file.name} harus "${ABBREVIATION_COLUMNS.join(',')}", bukan "${headerRecord.record.join(',')}"${hint}. Tidak ada data yang disimpan.`
		);
	}

	const valid: Array<{ line: number; row: AbbreviationRow }> = [];
	const problems: AbbreviationProblem[] = [];
	for (const { record, info } of body) {
		if (record.length !== ABBREVIATION_COLUMNS.length) {
			problems.push({ line: info.lines, message: `harus ada ${ABBREVIATION_COLUMNS.length} kolom, ditemukan ${record.length}` });
			continue;
		}
		const parsed = rowSchema.safeParse(Object.fromEntries(ABBREVIATION_COLUMNS.map((c, i) => [c, record[i] ?? ''])));
		if (parsed.success) valid.push({ line: info.lines, row: parsed.data });
		else problems.push({ line: info.lines, message: [...new Set(parsed.error.issues.map((i) => i.message))].join('; ') });
	}

	const pairs: Array<Omit<NewSynonym, 'source' | 'createdBy'>> = [];
	// Search reads a pair both ways, so `A ~ B` and `B ~ A` are one pair: the first is kept.
	const seen = new Set<string>();
	const add = (term: string, expansion: string, note: string) => {
		const key = [term.toLowerCase(), expansion.toLowerCase()].sort().join('\u0000');
		if (term.toLowerCase() === expansion.toLowerCase() || seen.has(key)) return;
		seen.add(key);
		pairs.push({ term, expansion, note });
	};
	for (const { row } of valid) {
		const note = row.catatan ? `${row.kategori}: ${row.catatan}` : row.kategori;
		const expansions = row.kepanjangan.split(/\s+\/\s+/).map((e) => e.trim()).filter(Boolean);
		for (const expansion of expansions) {
			for (const term of [row.singkatan, ...row.varian]) add(term, expansion, note);
		}
		for (const other of replacedTerms(row.catatan)) add(row.singkatan, other, note);
	}
	return { rows: body.length, valid, problems, pairs };
}

/**
 * The old or new name a note gives for a replaced term ("istilah lama; diganti PBG",
 * "menggantikan IMB", "dahulu Balitbang Kemendagri"): someone searching the old name wants
 * what is now written with the new one.
 */
export function replacedTerms(note: string): string[] {
	const found: string[] = [];
	for (const clause of note.split(';')) {
		const match = /^\s*(?:istilah lama untuk|menggantikan|diganti|dahulu|sejak \d{4} disebut)\s+(.+)$/i.exec(clause);
		const name = match?.[1]?.replace(/\s*\([^)]*\)\s*$/, '').trim();
		if (name) found.push(name);
	}
	return found;
}

const pairKey = (term: string, expansion: string) => `${term.trim().toLowerCase()}\u0000${expansion.trim().toLowerCase()}`;

/**
 * Loads government abbreviations from the CSV (a path, or a file's name and content) into the
 * search synonyms. Loading the same file again changes nothing: pairs already there are left
 * alone, and a pair an admin removed stays removed. One change-history entry per load that
 * added something.
 */
export async function loadSearchAbbreviations(
	db: Kysely<DB>,
	input: string | AbbreviationFile,
	options: LoadAbbreviationsOptions = {}
): Promise<LoadAbbreviationsOutcome> {
	const file = typeof input === 'string' ? await readAbbreviationFile(input) : input;
	const parsed = parseAbbreviationCsv(file);

	return db.transaction().execute(async (trx) => {
		const existing = await listSynonyms(trx, { includeRemoved: true });
		const active = new Set(existing.filter((s) => s.deleted_at === null).map((s) => pairKey(s.term, s.expansion)));
		const removed = new Set(
			existing.filter((s) => s.deleted_at !== null).map((s) => pairKey(s.term, s.expansion)).filter((key) => !active.has(key))
		);
		const seen = new Set<string>();
		const unique = parsed.pairs.filter((pair) => {
			const key = pairKey(pair.term, pair.expansion);
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
		const toWrite = unique.filter((pair) => !removed.has(pairKey(pair.term, pair.expansion)));
		const actor = options.actor ?? 'system';

		let inserted = 0;
		options.onProgress?.(0, toWrite.length);
		for (let i = 0; i < toWrite.length; i += WRITE_BATCH) {
			const batch = toWrite.slice(i, i + WRITE_BATCH).map((pair) => ({ ...pair, source: 'csv' as const, createdBy: actor }));
			inserted += (await upsertSynonyms(trx, batch)).inserted;
			options.onProgress?.(Math.min(i + WRITE_BATCH, toWrite.length), toWrite.length);
		}
		const outcome: LoadAbbreviationsOutcome = {
			file: file.name,
			rows: parsed.rows,
			problems: parsed.problems,
			pairs: unique.length,
			inserted,
			unchanged: toWrite.length - inserted,
			keptRemoved: unique.length - toWrite.length
		};
		if (inserted > 0) {
			await appendChanges(trx, [
				{
					entityType: 'search_synonyms',
					entityId: 'csv',
					version: null,
					action: 'import',
					actor,
					snapshot: { ...outcome, problems: outcome.problems.length },
					reason: `Singkatan pemerintahan dimuat dari ${file.name}`
				}
			]);
		}
		return outcome;
	});
}

/**
 * First start: loads the file when no synonym was ever stored (removed ones count, so an admin
 * who removed them all is not overruled). Says why it did nothing otherwise.
 */
export async function loadSearchAbbreviationsIfEmpty(
	db: Kysely<DB>,
	filePath: string,
	options: LoadAbbreviationsOptions = {}
): Promise<LoadAbbreviationsOutcome | { skipped: 'not-empty' | 'no-file' }> {
	if ((await listSynonyms(db, { includeRemoved: true })).length > 0) return { skipped: 'not-empty' };
	const content = await readFile(filePath).catch(() => null);
	if (!content) return { skipped: 'no-file' };
	return loadSearchAbbreviations(db, { name: path.basename(filePath), content }, options);
}

async function readAbbreviationFile(target: string): Promise<AbbreviationFile> {
	const content = await readFile(target).catch(() => null);
	if (!content) throw new AppError('FILE_UNREADABLE', `Berkas ${target} tidak ditemukan atau tidak dapat dibaca.`);
	return { name: path.basename(target), content };
}
