import { z } from 'zod';
import { loadConfig } from '../../lib/server/config/env';
import { loadRegionIndicators } from '../../lib/server/services/load-region-indicators';
import { parseCommandArgs } from '../arguments';
import { describeDatabase, withDatabase } from '../database';
import type { CliCommand } from '../main';
import { createProgress } from '../progress';

const HELP = `Penggunaan: jippnas load-indicators PATH

Memuat indikator wilayah (luas, penduduk, kepadatan, jumlah kecamatan/desa/pulau, titik
tengah, IPM dan persentase penduduk miskin) ke karakteristik wilayah.

PATH adalah folder yang berisi indikator_kabkota.csv dan/atau indikator_provinsi.csv, atau
salah satu berkas itu. Semua baris diperiksa lebih dulu; bila ada berkas atau baris yang salah,
tidak ada data yang disimpan. Baris dengan kode wilayah yang tidak dikenal dilewati dan
dilaporkan. Memuat ulang berkas yang sama memperbarui angka yang sudah ada.

Contoh:
  jippnas load-indicators ../shared/data/indikator

Opsi:
  -h, --help    Menampilkan bantuan ini`;

const flagsSchema = z.object({
	positionals: z
		.array(z.string())
		.min(1, 'PATH wajib diisi: folder atau berkas indikator, mis. jippnas load-indicators ../shared/data/indikator')
		.transform((list) => list[0]!)
});

const SHOWN_UNKNOWN = 20;

export const command: CliCommand = {
	help: HELP,
	async run(argv) {
		const { positionals: target } = parseCommandArgs('load-indicators', argv, {}, flagsSchema, {
			positionals: 1
		});
		const config = loadConfig();
		console.log(`Basis data: ${describeDatabase(config)}`);
		const outcome = await withDatabase(config, async ({ db }) => {
			const progress = createProgress('Menyimpan indikator');
			try {
				return await loadRegionIndicators(db, target, (done, total) => progress.update(done, total));
			} finally {
				progress.finish();
			}
		});
		for (const file of outcome.files) {
			const unknown = file.unknownCodes.length ? `, ${file.unknownCodes.length} kode tidak dikenal` : '';
			console.log(`  ${file.name}: ${file.rows} baris, ${file.loaded} dimuat${unknown}`);
		}
		const unknownCodes = outcome.files.flatMap((f) => f.unknownCodes);
		if (unknownCodes.length) {
			const more = unknownCodes.length > SHOWN_UNKNOWN ? `, dan ${unknownCodes.length - SHOWN_UNKNOWN} lainnya` : '';
			console.log(`Kode wilayah tidak dikenal (dilewati): ${unknownCodes.slice(0, SHOWN_UNKNOWN).join(', ')}${more}.`);
		}
		console.log(
			`Selesai: indikator ${outcome.loaded} wilayah dimuat, ${outcome.unknown} baris dengan kode tidak dikenal dilewati.`
		);
	}
};
