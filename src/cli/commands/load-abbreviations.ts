import { z } from 'zod';
import { loadConfig } from '../../lib/server/config/env';
import { loadSearchAbbreviations, type LoadAbbreviationsOutcome } from '../../lib/server/services/load-search-abbreviations';
import { parseCommandArgs } from '../arguments';
import { describeDatabase, withDatabase } from '../database';
import type { CliCommand } from '../main';
import { createProgress } from '../progress';

const HELP = `Penggunaan: jippnas load-abbreviations PATH

Memuat singkatan pemerintahan dan kepanjangannya ke sinonim pencarian, agar pencarian "KTP"
juga menemukan "kartu tanda penduduk" dan sebaliknya.

PATH adalah berkas CSV berkolom singkatan,kepanjangan,kategori,varian,catatan (varian
dipisahkan "|"), mis. ../shared/data/bahasa/singkatan-pemerintahan.csv. Singkatan dan setiap
variannya dipetakan ke kepanjangannya; kategori dan catatan disimpan sebagai keterangan.

Bila kepala kolom salah, tidak ada data yang disimpan. Baris yang tidak valid dilewati dan
dilaporkan dengan nomor barisnya. Memuat ulang berkas yang sama tidak mengubah apa pun, dan
sinonim yang sudah dihapus admin tidak dimunculkan kembali. Admin dan kurator dapat menambah
atau menghapus sinonim di halaman /admin/sinonim.

Contoh:
  jippnas load-abbreviations ../shared/data/bahasa/singkatan-pemerintahan.csv

Opsi:
  -h, --help    Menampilkan bantuan ini`;

const flagsSchema = z.object({
	positionals: z
		.array(z.string())
		.min(1, 'PATH wajib diisi: berkas CSV singkatan, mis. jippnas load-abbreviations ../shared/data/bahasa/singkatan-pemerintahan.csv')
		.transform((list) => list[0]!)
});

const SHOWN_PROBLEMS = 20;

/** The outcome in words (also used by `serve` when it loads the file on first start). */
export function describeAbbreviationOutcome(outcome: LoadAbbreviationsOutcome): string {
	const parts = [`${outcome.inserted} sinonim baru`, `${outcome.unchanged} sudah ada`];
	if (outcome.keptRemoved) parts.push(`${outcome.keptRemoved} tetap terhapus karena dihapus admin`);
	if (outcome.problems.length) parts.push(`${outcome.problems.length} baris dilewati`);
	return `Selesai: ${outcome.rows} baris singkatan dari ${outcome.file} menjadi ${outcome.pairs} pasangan sinonim; ${parts.join(', ')}.`;
}

export const command: CliCommand = {
	help: HELP,
	async run(argv) {
		const { positionals: target } = parseCommandArgs('load-abbreviations', argv, {}, flagsSchema, { positionals: 1 });
		const config = loadConfig();
		console.log(`Basis data: ${describeDatabase(config)}`);
		const outcome = await withDatabase(config, async ({ db }) => {
			const progress = createProgress('Menyimpan sinonim');
			try {
				return await loadSearchAbbreviations(db, target, { onProgress: (done, total) => progress.update(done, total) });
			} finally {
				progress.finish();
			}
		});
		if (outcome.problems.length) {
			console.error(`Baris tidak valid (dilewati) di ${outcome.file}:`);
			for (const problem of outcome.problems.slice(0, SHOWN_PROBLEMS)) console.error(`  - baris ${problem.line}: ${problem.message}`);
			if (outcome.problems.length > SHOWN_PROBLEMS) console.error(`  - dan ${outcome.problems.length - SHOWN_PROBLEMS} baris lain`);
		}
		console.log(describeAbbreviationOutcome(outcome));
	}
};
