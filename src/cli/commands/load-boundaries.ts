import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadConfig } from '../../lib/server/config/env';
import { CENTROID_FILE, loadRegionBoundaries, PROVINCE_BOUNDARY_FILE, type LoadBoundariesOutcome } from '../../lib/server/services/load-region-boundaries';
import { parseCommandArgs } from '../arguments';
import { describeDatabase, withDatabase } from '../database';
import type { CliCommand } from '../main';

// Beside the repository (../shared/data); a production install may not have it.
export const DEFAULT_BOUNDARY_DIR = fileURLToPath(new URL('../../../../shared/data/batas-wilayah', import.meta.url));

const HELP = `Penggunaan: jippnas load-boundaries [PATH]

Memuat batas wilayah (GeoJSON) dan titik tengah wilayah (CSV) ke basis data untuk peta kecil
di situs, mis. peta instansi yang mereplikasi suatu inovasi.

PATH adalah folder berisi ${PROVINCE_BOUNDARY_FILE} dan ${CENTROID_FILE},
atau satu berkas GeoJSON (FeatureCollection; id fitur = kode Kemendagri, properties.nama;
${CENTROID_FILE} di sebelahnya ikut dimuat bila ada), atau satu berkas CSV titik tengah
(kode,nama,lat,lng). Tanpa PATH dipakai ${DEFAULT_BOUNDARY_DIR}.

Berkas hanya dibaca, tidak disalin. Fitur atau baris yang tidak valid dilewati dan dilaporkan.
Memuat ulang berkas yang sama tidak mengubah apa pun. "jippnas serve" memuatnya sendiri saat
pertama kali dijalankan bila belum ada batas wilayah dan folder bawaan tersedia.

Contoh:
  jippnas load-boundaries ../shared/data/batas-wilayah

Opsi:
  -h, --help    Menampilkan bantuan ini`;

const flagsSchema = z.object({
	positionals: z
		.array(z.string())
		.max(1, 'Hanya satu PATH')
		.transform((list) => list[0] ?? DEFAULT_BOUNDARY_DIR)
});

const SHOWN_PROBLEMS = 20;

/** The outcome in words (also used by `serve` when it loads the folder on first start). */
export function describeBoundaryOutcome(outcome: LoadBoundariesOutcome): string {
	const part = (label: string, file: string | null, counts: LoadBoundariesOutcome['boundaries']) =>
		file ? `${label} dari ${file}: ${counts.read} dibaca, ${counts.inserted} baru, ${counts.updated} diperbarui, ${counts.unchanged} tetap` : null;
	const parts = [part('batas wilayah', outcome.boundaryFile, outcome.boundaries), part('titik tengah', outcome.centroidFile, outcome.centroids)].filter(Boolean);
	const skipped = outcome.problems.length ? `; ${outcome.problems.length} dilewati karena tidak valid` : '';
	return `Selesai: ${parts.join('; ')}${skipped}.`;
}

export const command: CliCommand = {
	help: HELP,
	async run(argv) {
		const { positionals: target } = parseCommandArgs('load-boundaries', argv, {}, flagsSchema, { positionals: 1 });
		const config = loadConfig();
		console.log(`Basis data: ${describeDatabase(config)}`);
		const outcome = await withDatabase(config, ({ db }) => loadRegionBoundaries(db, target));
		if (outcome.problems.length) {
			console.error('Data tidak valid (dilewati):');
			for (const problem of outcome.problems.slice(0, SHOWN_PROBLEMS)) console.error(`  - ${problem.where}: ${problem.message}`);
			if (outcome.problems.length > SHOWN_PROBLEMS) console.error(`  - dan ${outcome.problems.length - SHOWN_PROBLEMS} lainnya`);
		}
		console.log(describeBoundaryOutcome(outcome));
	}
};
