import { z } from 'zod';
import { loadConfig } from '../../lib/server/config/env';
import { EXPORT_FORMATS, exportInnovations } from '../../lib/server/services/export-innovations';
import { parseCommandArgs, UsageError } from '../arguments';
import { describeDatabase, withDatabase } from '../database';
import type { CliCommand } from '../main';
import { createProgress } from '../progress';

const HELP = `Penggunaan: jippnas export --format json|csv|xlsx [--out BERKAS]

Mengekspor semua inovasi yang tidak dihapus, satu baris/objek per inovasi kanonik, beserta
instansi, wilayah, tahapan dan rekaman sumbernya (panrb, kemendagri, lan). Kontak pribadi
(e-mail, telepon) tidak pernah ikut diekspor.

Format:
  json    Larik JSON (bentuk ekspor kanonik)
  csv     Kolom datar, UTF-8 dengan BOM agar terbaca Excel; sumber ditulis panrb:SNV-...|lan:123
  xlsx    Buku kerja Excel dengan lembar "Inovasi"

Opsi:
  --format FORMAT   json, csv atau xlsx (wajib)
  -o, --out BERKAS  Berkas tujuan; tanpa opsi ini hasil ditulis ke keluaran standar.
                    Berkas ditulis ke berkas sementara lalu diganti namanya di akhir, sehingga
                    ekspor yang gagal tidak meninggalkan berkas setengah jadi.
  -h, --help        Menampilkan bantuan ini

Contoh:
  jippnas export --format csv --out inovasi.csv
  jippnas export --format json > inovasi.json`;

const flagsSchema = z.object({
	format: z.enum(EXPORT_FORMATS, {
		error: (issue) =>
			issue.input === undefined
				? 'Opsi --format wajib diisi: json, csv atau xlsx.'
				: `Format "${String(issue.input)}" tidak dikenal. Pilih json, csv atau xlsx.`
	}),
	out: z.string().trim().min(1, 'Opsi --out tidak boleh kosong.').optional()
});

export const command: CliCommand = {
	help: HELP,
	async run(argv) {
		const flags = parseCommandArgs(
			'export',
			argv,
			{ format: { type: 'string' }, out: { type: 'string', short: 'o' } },
			flagsSchema
		);
		if (!flags.out && flags.format === 'xlsx' && process.stdout.isTTY) {
			throw new UsageError(
				'Berkas xlsx tidak dapat ditampilkan di terminal: gunakan --out BERKAS.xlsx.',
				'export'
			);
		}
		const config = loadConfig();
		// Data may go to stdout, so everything else goes to stderr.
		console.error(`Basis data: ${describeDatabase(config)}`);
		const outcome = await withDatabase(config, async ({ db }) => {
			const progress = createProgress('Mengekspor inovasi');
			try {
				return await exportInnovations(db, flags.out ? { file: flags.out } : { stream: process.stdout }, {
					format: flags.format,
					onProgress: (done, total) => progress.update(done, total)
				});
			} catch (error) {
				// The reader of a pipe stopped early (`| head`): what it wanted, it got.
				if (!flags.out && (error as NodeJS.ErrnoException).code === 'EPIPE') return null;
				throw error;
			} finally {
				progress.finish();
			}
		});
		if (!outcome) return;
		const count = new Intl.NumberFormat('id-ID').format(outcome.count);
		console.error(
			outcome.file
				? `Selesai: ${count} inovasi diekspor ke ${outcome.file}.`
				: `Selesai: ${count} inovasi diekspor.`
		);
	}
};
