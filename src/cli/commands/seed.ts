import { z } from 'zod';
import { loadConfig } from '../../lib/server/config/env';
import {
	DEFAULT_DEMO_COUNT,
	seedDemoData,
	type SeedDemoOutcome
} from '../../lib/server/services/seed-demo-data';
import { parseCommandArgs, UsageError } from '../arguments';
import { describeDatabase, withDatabase } from '../database';
import type { CliCommand } from '../main';
import { createProgress } from '../progress';

const MAX_COUNT = 1_000_000;
const numberFormat = new Intl.NumberFormat('id-ID');

const HELP = `Penggunaan: jippnas seed --demo [--count N] [--seed TEKS] [--append]

Mengisi basis data dengan inovasi contoh yang fiktif tetapi masuk akal (instansi, wilayah,
urusan, SDGs, tahapan, penghargaan dan rekaman sumber), untuk mencoba atau menguji situs.
Data sungguhan masuk lewat impor sumber (PANRB, Kemendagri, LAN), bukan lewat perintah ini.

Opsi:
  --demo          Wajib: mengisi data contoh
  --count N       Jumlah inovasi contoh, 1 sampai ${numberFormat.format(MAX_COUNT)} (bawaan ${numberFormat.format(DEFAULT_DEMO_COUNT)})
  --seed TEKS     Benih acak: benih yang sama menghasilkan data yang sama
  --append        Menambah ke basis data yang sudah berisi inovasi
  -h, --help      Menampilkan bantuan ini

Contoh:
  jippnas seed --demo --count 50000 --seed uji-beban`;

const flagsSchema = z.object({
	demo: z.boolean().default(false),
	count: z
		.string()
		.trim()
		.regex(/^\d+$/, `Opsi --count harus bilangan bulat positif, mis. --count ${DEFAULT_DEMO_COUNT}.`)
		.transform(Number)
		.pipe(
			z
				.number()
				.min(1, 'Opsi --count minimal 1.')
				.max(MAX_COUNT, `Opsi --count maksimal ${numberFormat.format(MAX_COUNT)}.`)
		)
		.default(DEFAULT_DEMO_COUNT),
	seed: z.string().min(1, 'Opsi --seed tidak boleh kosong.').optional(),
	append: z.boolean().default(false)
});

export const command: CliCommand = {
	help: HELP,
	async run(argv) {
		const flags = parseCommandArgs(
			'seed',
			argv,
			{
				demo: { type: 'boolean' },
				count: { type: 'string' },
				seed: { type: 'string' },
				append: { type: 'boolean' }
			},
			flagsSchema
		);
		if (!flags.demo) {
			throw new UsageError(
				'Saat ini hanya data contoh yang dapat diisi: jalankan "jippnas seed --demo". Data sungguhan dimasukkan lewat impor sumber (PANRB, Kemendagri, LAN).',
				'seed'
			);
		}
		const config = loadConfig();
		console.log(`Basis data: ${describeDatabase(config)}`);
		const outcome = await withDatabase(config, async ({ db }) => {
			console.log(`Mengisi ${numberFormat.format(flags.count)} inovasi contoh ...`);
			const progress = createProgress('Mengisi data contoh');
			try {
				return await seedDemoData(db, {
					count: flags.count,
					seed: flags.seed,
					append: flags.append,
					onProgress: (done, total) => progress.update(done, total)
				});
			} finally {
				progress.finish();
			}
		});
		console.log(describeSeedOutcome(outcome));
	}
};

export function describeSeedOutcome(outcome: SeedDemoOutcome): string {
	const seconds = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(outcome.durationMs / 1000);
	return (
		`Selesai dalam ${seconds} detik: ${numberFormat.format(outcome.innovations)} inovasi, ` +
		`${numberFormat.format(outcome.awards)} penghargaan, ${numberFormat.format(outcome.sourceRecords)} rekaman sumber` +
		(outcome.hubs ? `, ${numberFormat.format(outcome.hubs)} hub inovasi.` : '.')
	);
}
