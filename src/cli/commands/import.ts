import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadConfig } from '../../lib/server/config/env';
import { mappingProfileSchema, type MappingProfile } from '../../lib/server/domain/import/mapping-profile';
import { SOURCES } from '../../lib/server/domain/vocabulary';
import { readFileShared } from '../../lib/server/import/read-file-shared';
import { importSourceFile } from '../../lib/server/services/import-source-file';
import { CliError, parseCommandArgs } from '../arguments';
import { describeDatabase, withDatabase } from '../database';
import type { CliCommand } from '../main';
import { createProgress } from '../progress';

const HELP = `Penggunaan: jippnas import --source panrb|kemendagri|lan --file BERKAS [--mapping PROFIL]

Mengimpor ekspor sumber (XLSX, CSV, JSON atau JSON Lines) ke registri: setiap baris disimpan
mentah dan terpetakan dengan kunci (sumber, ID eksternal), dinormalkan, lalu ditautkan ke inovasi
kanonik yang sama bila terdeteksi duplikat. Baris yang tidak dapat diimpor dikarantina beserta
alasannya; baris lain tetap diimpor. Mengimpor ulang berkas yang sama tidak mengubah apa pun, dan
impor yang terhenti dapat diulang sampai selesai.

Opsi:
  --source SUMBER    panrb, kemendagri atau lan (wajib)
  --file BERKAS      Berkas ekspor sumber (wajib)
  --mapping PROFIL   Profil pemetaan kolom (JSON) pengganti profil bawaan sumber itu
  -h, --help         Menampilkan bantuan ini

Kode keluar 1 bila impor gagal atau kolom wajib tidak ada (tidak ada yang disimpan).

Contoh:
  jippnas import --source panrb --file sinovik-2024.xlsx
  jippnas import --source kemendagri --file inovasi-daerah.csv --mapping profil-kemendagri.json`;

const flagsSchema = z.object({
	source: z.enum(SOURCES, {
		error: (issue) =>
			issue.input === undefined
				? 'Opsi --source wajib diisi: panrb, kemendagri atau lan.'
				: `Sumber "${String(issue.input)}" tidak dikenal. Pilih panrb, kemendagri atau lan.`
	}),
	file: z.string({ error: 'Opsi --file wajib diisi: berkas ekspor sumber.' }).trim().min(1, 'Opsi --file tidak boleh kosong.'),
	mapping: z.string().trim().min(1, 'Opsi --mapping tidak boleh kosong.').optional()
});

// Reference data sits beside the repository (../shared/data); without it narratives are compared without stop words.
const STOP_WORDS = fileURLToPath(new URL('../../../../shared/data/bahasa/stopwords-id.txt', import.meta.url));

function loadStopWords(): Set<string> {
	if (!existsSync(STOP_WORDS)) return new Set();
	return new Set(
		readFileSync(STOP_WORDS, 'utf8')
			.split(/\r?\n/)
			.map((word) => word.trim().toLowerCase())
			.filter(Boolean)
	);
}

async function readInput<T>(file: string, what: string, read: (file: string) => T | Promise<T>): Promise<T> {
	try {
		return await read(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new CliError(code === 'ENOENT' ? `${what} tidak ditemukan: ${file}` : `${what} tidak dapat dibaca: ${file} (${code ?? 'galat'})`);
	}
}

async function readMapping(file: string): Promise<MappingProfile> {
	const text = await readInput(file, 'Profil pemetaan', (name) => readFile(name, 'utf8'));
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new CliError(`Profil pemetaan ${file} bukan JSON yang sah.`);
	}
	const parsed = mappingProfileSchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
		throw new CliError(`Profil pemetaan ${file} tidak valid${where}: ${issue.message}`);
	}
	return parsed.data;
}

const numberFormat = new Intl.NumberFormat('id-ID');

export const command: CliCommand = {
	help: HELP,
	async run(argv) {
		const flags = parseCommandArgs(
			'import',
			argv,
			{ source: { type: 'string' }, file: { type: 'string' }, mapping: { type: 'string' } },
			flagsSchema
		);
		const mapping = flags.mapping ? await readMapping(path.resolve(flags.mapping)) : undefined;
		if (mapping && mapping.source !== flags.source) {
			throw new CliError(`Profil pemetaan ${flags.mapping} untuk sumber "${mapping.source}", bukan "${flags.source}".`);
		}
		const filePath = path.resolve(flags.file);
		// In shared memory: the worker thread that parses it then needs no copy.
		const bytes = await readInput(filePath, 'Berkas', readFileShared);
		const config = loadConfig();
		console.log(`Basis data: ${describeDatabase(config)}`);
		const result = await withDatabase(config, async ({ db }) => {
			const progress = createProgress(`Mengimpor ${flags.source}`);
			try {
				return await importSourceFile(db, {
					source: flags.source,
					fileName: path.basename(filePath),
					bytes,
					...(mapping ? { mapping } : {}),
					actor: 'cli',
					stopWords: loadStopWords(),
					onProgress: (done, total) => progress.update(done, total)
				});
			} finally {
				progress.finish();
			}
		});
		const c = result.counts;
		const n = (value: number) => numberFormat.format(value);
		if (result.unknownColumns.length) {
			console.log(`Kolom tidak dikenal (disimpan di data mentah): ${result.unknownColumns.join(', ')}`);
		}
		console.log(
			[
				`Dibaca: ${n(c.read)}`,
				`baru: ${n(c.inserted)}`,
				`diperbarui: ${n(c.updated)}`,
				`tidak berubah: ${n(c.unchanged)}`,
				`ditautkan: ${n(c.linked)}`,
				`untuk ditinjau: ${n(c.review)}`,
				`dikarantina: ${n(c.rejected)}`,
				`baris kosong: ${n(c.skippedEmpty)}`
			].join(', ')
		);
		const label = { succeeded: 'berhasil', partly: 'berhasil sebagian', failed: 'gagal', running: 'berjalan', interrupted: 'terputus' }[result.status];
		console.log(`Selesai: impor #${result.runId} ${label}.`);
		if (result.status === 'failed') throw new CliError(`Impor #${result.runId} gagal.`);
	}
};
