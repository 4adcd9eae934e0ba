import { z } from 'zod';
import { loadConfig } from '../../lib/server/config/env';
import { getMigrationStatus } from '../../lib/server/services/get-migration-status';
import { parseCommandArgs } from '../arguments';
import { describeDatabase, openConfiguredDatabase, prepareDatabase } from '../database';
import type { CliCommand } from '../main';

const HELP = `Penggunaan: jippnas migrate [--status] [--kecamatan]

Menjalankan migrasi basis data yang belum dijalankan, masing-masing dalam satu transaksi,
lalu memuat data rujukan (38 provinsi, 514 kabupaten/kota, pemerintah daerah dan instansi
pusat) bila belum ada. Aman dijalankan berulang kali.

Opsi:
  --status      Hanya menampilkan migrasi yang sudah dan belum dijalankan
  --kecamatan   Memuat juga 7.277 kecamatan (opsional; tidak diperlukan untuk katalog)
  -h, --help    Menampilkan bantuan ini`;

const flagsSchema = z.object({
	status: z.boolean().default(false),
	kecamatan: z.boolean().default(false)
});

export const command: CliCommand = {
	help: HELP,
	async run(argv) {
		const flags = parseCommandArgs('migrate', argv, { status: { type: 'boolean' }, kecamatan: { type: 'boolean' } }, flagsSchema);
		const config = loadConfig();
		console.log(`Basis data: ${describeDatabase(config)}`);
		const database = await openConfiguredDatabase(config);
		try {
			if (flags.status) {
				const status = await getMigrationStatus(database.db);
				for (const m of status) {
					const state = m.missingFile
						? `diterapkan ${m.appliedAt?.toISOString()}, berkasnya tidak ada lagi`
						: m.appliedAt
							? `diterapkan ${new Date(m.appliedAt).toISOString()}`
							: 'belum diterapkan';
					console.log(`  ${m.name.padEnd(32)} ${state}`);
				}
				const pending = status.filter((m) => !m.appliedAt).length;
				console.log(pending ? `${pending} migrasi belum diterapkan.` : 'Semua migrasi sudah diterapkan.');
				return;
			}
			const { migrations, referenceData } = await prepareDatabase(
				database,
				(name) => console.log(`Menerapkan migrasi ${name} ...`),
				{ includeDistricts: flags.kecamatan }
			);
			console.log(
				migrations.applied.length
					? `Migrasi diterapkan: ${migrations.applied.join(', ')}.`
					: `Tidak ada migrasi baru (${migrations.alreadyApplied} sudah diterapkan).`
			);
			console.log(
				referenceData.skipped
					? 'Data rujukan wilayah dan instansi sudah lengkap.'
					: `Data rujukan dimuat: ${referenceData.regions} wilayah, ${referenceData.agencies} instansi.`
			);
		} finally {
			await database.close();
		}
	}
};
