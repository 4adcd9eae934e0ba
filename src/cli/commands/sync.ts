import { z } from 'zod';
import { loadConfig } from '../../lib/server/config/env';
import { LAN_API_DEFAULTS } from '../../lib/server/import/lan-api-client';
import { INCREMENTAL_OVERLAP_MS, syncLanSource } from '../../lib/server/services/sync-lan-source';
import { CliError, parseCommandArgs } from '../arguments';
import { describeDatabase, withDatabase } from '../database';
import type { CliCommand } from '../main';
import { createProgress, type Progress } from '../progress';
import { loadStopWords } from '../stop-words';

const HELP = `Penggunaan: jippnas sync lan --url ALAMAT [--since WAKTU] [--per-page N] [--timeout DETIK] [--retries N]

Menarik inovasi dari API Laboratorium Inovasi LAN (GET ALAMAT/api/inolands) halaman demi halaman,
lalu mengimpornya seperti berkas ekspor LAN. Setiap halaman disimpan dulu ke DATA_DIR/sync/ sebelum
dicatat, sehingga sinkronisasi yang terhenti (gangguan jaringan, server sumber mati) dilanjutkan dari
halaman berikutnya bila perintah yang sama dijalankan lagi. Kegagalan sementara (HTTP 429, 5xx,
waktu tunggu habis, koneksi putus) dicoba lagi dengan jeda yang makin panjang, mengikuti
Retry-After bila ada.

Sinkronisasi pertama dari suatu alamat menarik semua catatan. Berikutnya hanya menarik catatan
yang berubah sejak awal sinkronisasi terakhir yang berhasil (updated_since, dengan selisih
${INCREMENTAL_OVERLAP_MS / 60_000} menit untuk perbedaan jam). Mengimpor ulang catatan yang tidak berubah tidak
mengubah apa pun; catatan yang berubah disimpan sebagai versi baru.

Opsi:
  --url ALAMAT       Alamat dasar API LAN, mis. https://inoland.example.go.id (wajib)
  --since WAKTU      Hanya catatan yang berubah sejak WAKTU (ISO 8601, mis. 2024-01-31 atau
                     2024-01-31T08:00:00+07:00), menggantikan waktu sinkronisasi terakhir
  --per-page N       Catatan per halaman, 1–1000 (bawaan ${LAN_API_DEFAULTS.perPage})
  --timeout DETIK    Batas waktu satu permintaan (bawaan ${LAN_API_DEFAULTS.timeoutMs / 1000})
  --retries N        Percobaan ulang per halaman sebelum menyerah, 0–20 (bawaan ${LAN_API_DEFAULTS.retries})
  -h, --help         Menampilkan bantuan ini

Kode keluar 1 bila API tidak dapat dihubungi setelah semua percobaan, jawabannya tidak sesuai
format, atau impor gagal; halaman yang sudah diambil tetap tersimpan untuk dilanjutkan. Juga 1,
tanpa mengambil apa pun, bila sinkronisasi dari alamat yang sama sedang berjalan di proses lain.

Contoh:
  jippnas sync lan --url https://inoland.example.go.id
  jippnas sync lan --url https://inoland.example.go.id --since 2024-06-01 --per-page 200`;

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO 8601 date or date-time with a real calendar date (Date.parse would take 30 February as 1 March). */
function isIsoTime(value: string): boolean {
	const match = ISO_8601.exec(value);
	if (!match || Number.isNaN(Date.parse(value))) return false;
	const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const flagsSchema = z.object({
	positionals: z.array(z.string()).superRefine(([source], ctx) => {
		if (source === undefined) ctx.addIssue({ code: 'custom', message: 'Sebutkan sumber yang disinkronkan: jippnas sync lan --url ALAMAT.' });
		else if (source !== 'lan') ctx.addIssue({ code: 'custom', message: `Sumber "${source}" tidak dapat disinkronkan dari API; saat ini hanya lan.` });
	}),
	url: z
		.string({ error: 'Opsi --url wajib diisi: alamat dasar API LAN, mis. https://inoland.example.go.id.' })
		.trim()
		.refine((value) => {
			try {
				const url = new URL(value);
				return (url.protocol === 'http:' || url.protocol === 'https:') && !url.search && !url.hash;
			} catch {
				return false;
			}
		}, 'Opsi --url harus berupa alamat http:// atau https:// yang lengkap, tanpa ?… atau #….'),
	since: z
		.string()
		.trim()
		.refine(isIsoTime, 'Opsi --since harus berupa waktu ISO 8601, mis. 2024-01-31 atau 2024-01-31T08:00:00+07:00.')
		.transform((value) => new Date(value))
		.optional(),
	'per-page': z
		.string()
		.regex(/^\d+$/, 'Opsi --per-page harus bilangan bulat 1 sampai 1000.')
		.transform(Number)
		.refine((n) => n >= 1 && n <= 1000, 'Opsi --per-page harus bilangan bulat 1 sampai 1000.')
		.optional(),
	timeout: z
		.string()
		.regex(/^\d+(\.\d+)?$/, 'Opsi --timeout harus berupa jumlah detik lebih dari 0, paling lama 600.')
		.transform(Number)
		.refine((n) => n > 0 && n <= 600, 'Opsi --timeout harus berupa jumlah detik lebih dari 0, paling lama 600.')
		.optional(),
	retries: z
		.string()
		.regex(/^\d+$/, 'Opsi --retries harus bilangan bulat 0 sampai 20.')
		.transform(Number)
		.refine((n) => n <= 20, 'Opsi --retries harus bilangan bulat 0 sampai 20.')
		.optional()
});

const numberFormat = new Intl.NumberFormat('id-ID');
const n = (value: number) => numberFormat.format(value);
const seconds = (ms: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(ms / 1000);

export const command: CliCommand = {
	help: HELP,
	async run(argv) {
		const flags = parseCommandArgs(
			'sync',
			argv,
			{
				url: { type: 'string' },
				since: { type: 'string' },
				'per-page': { type: 'string' },
				timeout: { type: 'string' },
				retries: { type: 'string' }
			},
			flagsSchema,
			{ positionals: 1 }
		);
		const config = loadConfig();
		console.log(`Basis data: ${describeDatabase(config)}`);
		// On PostgreSQL one connection holds the sync's lock for the whole run (syncLanSource): the
		// sync's own queries need at least one more.
		const result = await withDatabase({ ...config, DATABASE_POOL_SIZE: Math.max(2, config.DATABASE_POOL_SIZE) }, async ({ db, kind }) => {
			let pages: Progress | undefined;
			let importing: Progress | undefined;
			try {
				return await syncLanSource(db, {
					baseUrl: flags.url,
					databaseKind: kind,
					...(flags.since ? { since: flags.since } : {}),
					dataDir: config.DATA_DIR,
					actor: 'cli',
					...(flags['per-page'] !== undefined ? { perPage: flags['per-page'] } : {}),
					...(flags.timeout !== undefined ? { timeoutMs: Math.round(flags.timeout * 1000) } : {}),
					...(flags.retries !== undefined ? { retries: flags.retries } : {}),
					stopWords: loadStopWords(),
					client: {
						onRetry: ({ page, attempt, maxAttempts, delayMs, reason }) => {
							if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
							process.stderr.write(
								`Halaman ${page} gagal (${reason}); mencoba lagi dalam ${seconds(delayMs)} detik (percobaan ${attempt + 1} dari ${maxAttempts}).\n`
							);
						}
					},
					onStart: ({ syncId, resumed, fromPage, since, perPage }) => {
						const what = since ? `catatan yang berubah sejak ${since.toISOString()}` : 'semua catatan';
						console.log(
							resumed
								? `Melanjutkan sinkronisasi #${syncId} (${what}, ${perPage} per halaman) dari halaman ${fromPage}.`
								: `Sinkronisasi #${syncId} dari ${flags.url}: ${what}, ${perPage} per halaman.`
						);
						pages = createProgress('Mengambil halaman LAN');
					},
					onPage: (done, last) => pages?.update(done, last),
					onImportProgress: (done, total) => {
						if (pages) {
							pages.finish();
							pages = undefined;
						}
						importing ??= createProgress('Mengimpor lan');
						importing.update(done, total);
					}
				});
			} finally {
				pages?.finish();
				importing?.finish();
			}
		});
		console.log(`Diambil: ${n(result.recordsFetched)} catatan dari ${n(result.pagesFetched)} halaman (total di sumber: ${n(result.total)}).`);
		if (!result.import) {
			console.log('Tidak ada catatan baru atau berubah: tidak ada yang diimpor.');
			console.log(`Selesai: sinkronisasi #${result.syncId} berhasil.`);
			return;
		}
		const c = result.import.counts;
		if (result.import.unknownColumns.length) {
			console.log(`Kolom tidak dikenal (disimpan di data mentah): ${result.import.unknownColumns.join(', ')}`);
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
		const labels: Record<string, string> = { succeeded: 'berhasil', partly: 'berhasil sebagian', failed: 'gagal', running: 'berjalan' };
		const label = labels[result.import.status] ?? result.import.status;
		console.log(`Selesai: sinkronisasi #${result.syncId} berhasil, impor #${result.import.runId} ${label}.`);
		if (result.import.status === 'failed') throw new CliError(`Impor #${result.import.runId} gagal.`);
	}
};
