import { z } from 'zod';
import { loadConfig } from '../../lib/server/config/env';
import { SOURCES } from '../../lib/server/domain/vocabulary';
import { exportQuarantine, QUARANTINE_FORMATS } from '../../lib/server/services/export-quarantine';
import { parseCommandArgs, UsageError } from '../arguments';
import { describeDatabase, withDatabase } from '../database';
import type { CliCommand } from '../main';

const HELP = `Penggunaan: jippnas quarantine --source panrb|kemendagri|lan [--run ID] --format csv|xlsx [--out BERKAS]

Mengekspor baris yang dikarantina pada suatu impor (bawaan: impor terakhir sumber itu) agar
pemilik data dapat memperbaikinya lalu mengimpornya ulang. Setiap baris memuat kolom asli
berkas sumber, diikuti kolom "Baris" (nomor baris di berkas yang diimpor) dan "Alasan Karantina"
(semua alasan, dipisah "; "). Berkas hasil perbaikan dapat langsung diimpor ulang dengan
"jippnas import"; kedua kolom tambahan itu diabaikan.

Format:
  csv     UTF-8 dengan BOM agar terbaca Excel
  xlsx    Buku kerja Excel dengan lembar "Karantina"

Opsi:
  --source SUMBER   panrb, kemendagri atau lan (wajib)
  --run ID          Nomor impor (lihat keluaran "jippnas import"); bawaan impor terakhir sumber itu
  --format FORMAT   csv atau xlsx (wajib)
  -o, --out BERKAS  Berkas tujuan; tanpa opsi ini hasil ditulis ke keluaran standar.
                    Berkas ditulis ke berkas sementara lalu diganti namanya di akhir.
  -h, --help        Menampilkan bantuan ini

Kode keluar 1 bila impor tidak ditemukan atau tidak ada baris yang dikarantina.

Contoh:
  jippnas quarantine --source panrb --format xlsx --out karantina-panrb.xlsx
  jippnas quarantine --source kemendagri --run 12 --format csv > karantina.csv`;

const flagsSchema = z.object({
	source: z.enum(SOURCES, {
		error: (issue) =>
			issue.input === undefined
				? 'Opsi --source wajib diisi: panrb, kemendagri atau lan.'
				: `Sumber "${String(issue.input)}" tidak dikenal. Pilih panrb, kemendagri atau lan.`
	}),
	run: z
		.string()
		.trim()
		.regex(/^[1-9][0-9]{0,15}$/, 'Opsi --run harus nomor impor (bilangan bulat positif).')
		.transform(Number)
		.optional(),
	format: z.enum(QUARANTINE_FORMATS, {
		error: (issue) =>
			issue.input === undefined
				? 'Opsi --format wajib diisi: csv atau xlsx.'
				: `Format "${String(issue.input)}" tidak dikenal. Pilih csv atau xlsx.`
	}),
	out: z.string().trim().min(1, 'Opsi --out tidak boleh kosong.').optional()
});

export const command: CliCommand = {
	help: HELP,
	async run(argv) {
		const flags = parseCommandArgs(
			'quarantine',
			argv,
			{ source: { type: 'string' }, run: { type: 'string' }, format: { type: 'string' }, out: { type: 'string', short: 'o' } },
			flagsSchema
		);
		if (!flags.out && flags.format === 'xlsx' && process.stdout.isTTY) {
			throw new UsageError('Berkas xlsx tidak dapat ditampilkan di terminal: gunakan --out BERKAS.xlsx.', 'quarantine');
		}
		const config = loadConfig();
		// Data may go to stdout, so everything else goes to stderr.
		console.error(`Basis data: ${describeDatabase(config)}`);
		const outcome = await withDatabase(config, async ({ db }) => {
			try {
				return await exportQuarantine(db, {
					source: flags.source,
					...(flags.run !== undefined ? { runId: flags.run } : {}),
					format: flags.format,
					out: flags.out ?? process.stdout
				});
			} catch (error) {
				// The reader of a pipe stopped early (`| head`): what it wanted, it got.
				if (!flags.out && (error as NodeJS.ErrnoException).code === 'EPIPE') return null;
				throw error;
			}
		});
		if (!outcome) return;
		const count = new Intl.NumberFormat('id-ID').format(outcome.count);
		console.error(
			outcome.file
				? `Selesai: ${count} baris karantina impor #${outcome.runId} diekspor ke ${outcome.file}.`
				: `Selesai: ${count} baris karantina impor #${outcome.runId} diekspor.`
		);
	}
};
