import { readFileSync } from 'node:fs';
import { ConfigError } from '../lib/server/config/env';
import { AppError } from '../lib/server/errors';
import { CliError, UsageError } from './arguments';

/** A command: its --help text and what it does with its own arguments. */
export interface CliCommand {
	help: string;
	run(argv: string[]): Promise<void>;
}

// Loaded on demand so that `--help` and a typo answer at once, without database libraries.
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ command: CliCommand }> }> = {
	serve: {
		summary: 'Menjalankan server web JIPPNas',
		load: () => import('./commands/serve')
	},
	migrate: {
		summary: 'Menjalankan migrasi basis data dan memuat data rujukan wilayah dan instansi',
		load: () => import('./commands/migrate')
	},
	seed: {
		summary: 'Mengisi basis data dengan inovasi contoh (--demo)',
		load: () => import('./commands/seed')
	},
	'load-indicators': {
		summary: 'Memuat indikator wilayah (luas, penduduk, IPM, kemiskinan) dari berkas CSV',
		load: () => import('./commands/load-indicators')
	},
	'load-abbreviations': {
		summary: 'Memuat singkatan pemerintahan (CSV) sebagai sinonim pencarian',
		load: () => import('./commands/load-abbreviations')
	},
	'load-boundaries': {
		summary: 'Memuat batas dan titik tengah wilayah (GeoJSON, CSV) untuk peta',
		load: () => import('./commands/load-boundaries')
	},
	export: {
		summary: 'Mengekspor semua inovasi ke JSON, CSV atau XLSX',
		load: () => import('./commands/export')
	},
	import: {
		summary: 'Mengimpor ekspor sumber (panrb, kemendagri, lan) dari berkas',
		load: () => import('./commands/import')
	},
	quarantine: {
		summary: 'Mengekspor baris karantina suatu impor ke CSV atau XLSX untuk diperbaiki',
		load: () => import('./commands/quarantine')
	},
	user: {
		summary: 'Membuat akun pengguna (admin pertama, kurator, koordinator hub, operator)',
		load: () => import('./commands/user')
	},
	sync: {
		summary: 'Menarik inovasi dari API LAN halaman demi halaman lalu mengimpornya (dapat dilanjutkan)',
		load: () => import('./commands/sync')
	},
	reminders: {
		summary: 'Mengirim pengingat replikasi yang jatuh tempo (laporan pemantauan, akhir kesepakatan)',
		load: () => import('./commands/reminders')
	}
};

export const GENERAL_HELP = `JIPPNas — Jaringan Inovasi Pelayanan Publik Nasional

Penggunaan: jippnas <perintah> [opsi]

Perintah:
${Object.entries(COMMANDS)
	.map(([name, { summary }]) => `  ${name.padEnd(20)}${summary}`)
	.join('\n')}

Opsi:
  -h, --help        Menampilkan bantuan ini; "jippnas <perintah> --help" untuk satu perintah
  -v, --version     Menampilkan versi

Variabel lingkungan:
  PORT              Port server web (bawaan 3000)
  HOST              Alamat yang didengarkan (bawaan 0.0.0.0)
  DATA_DIR          Folder data (bawaan ./data)
  DATABASE_URL      URL PostgreSQL; bila kosong dipakai PGlite di DATA_DIR/pglite
  BASE_URL          Alamat publik situs, mis. https://jippnas.example.go.id
  SEED_DEMO         auto (bawaan: isi data contoh bila PGlite masih kosong) atau never
  SMTP_URL          smtp:// atau smtps:// untuk mengirim e-mail; bila kosong e-mail disimpan di kotak keluar
  MAIL_FROM         Pengirim e-mail, mis. "JIPPNas <noreply@example.go.id>"
  SESSION_DAYS      Lama sesi masuk sejak terakhir dipakai, dalam hari (bawaan 14)
  UPLOAD_MAX_MB     Ukuran terbesar dokumen replikasi yang diunggah, dalam MB (bawaan 10)
  FILES_DIR         Folder dokumen replikasi (bawaan DATA_DIR/berkas)
  JIPPNAS_DEBUG     1 untuk menampilkan rincian teknis kesalahan`;

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
	try {
		const [name, ...rest] = argv;
		if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
			const topic = name === 'help' ? findCommand(rest[0]) : undefined;
			console.log(topic ? (await topic.load()).command.help : GENERAL_HELP);
			return 0;
		}
		if (name === '-v' || name === '--version') {
			console.log(packageVersion());
			return 0;
		}
		const entry = findCommand(name);
		if (!entry) {
			console.error(
				name.startsWith('-')
					? `Opsi tidak dikenal: ${name}. Jalankan "jippnas --help" untuk melihat daftar perintah.`
					: `Perintah tidak dikenal: ${name}. Jalankan "jippnas --help" untuk melihat daftar perintah.`
			);
			return 2;
		}
		const { command } = await entry.load();
		const beforeSeparator = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
		if (beforeSeparator.includes('--help') || beforeSeparator.includes('-h')) {
			console.log(command.help);
			return 0;
		}
		await command.run(rest);
		return 0;
	} catch (error) {
		return reportError(error);
	}
}

function findCommand(name: string | undefined) {
	return name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

/** Prints a failure the way a user can act on it, and returns the exit code. */
export function reportError(error: unknown): number {
	if (error instanceof UsageError) {
		console.error(`Kesalahan: ${error.message}`);
		console.error(`Lihat "jippnas ${error.command ? `${error.command} ` : ''}--help".`);
		return 2;
	}
	if (error instanceof ConfigError || error instanceof AppError || error instanceof CliError) {
		console.error(error.message);
		if (process.env.JIPPNAS_DEBUG === '1' && error.stack) console.error(error.stack);
		return 1;
	}
	const message = error instanceof Error ? error.message : String(error);
	console.error(`Terjadi kesalahan yang tidak terduga: ${message}`);
	if (process.env.JIPPNAS_DEBUG === '1') {
		if (error instanceof Error && error.stack) console.error(error.stack);
	} else {
		console.error('Jalankan lagi dengan JIPPNAS_DEBUG=1 untuk melihat rincian teknisnya.');
	}
	return 1;
}

function packageVersion(): string {
	const file = new URL('../../package.json', import.meta.url);
	return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
