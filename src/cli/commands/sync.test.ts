import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GENERAL_HELP, main } from '../main';

// Flag checks in-process (each spawn of the CLI costs seconds): they fail before the
// configuration or the database is touched. tests/db/sync-cli.test.ts runs the real command.
let errors: string[];
let logs: string[];
beforeEach(() => {
	// Should a check ever let a call through, it must not create a database inside the repository.
	vi.stubEnv('DATA_DIR', path.join(tmpdir(), 'jippnas-sync-flags'));
	errors = [];
	logs = [];
	vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
	vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logs.push(args.join(' ')));
});
afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
});

const URL = 'http://127.0.0.1:9';

describe('jippnas sync flags', () => {
	it.each([
		[['sync', 'lan'], 'Opsi --url wajib diisi: alamat dasar API LAN, mis. https://inoland.example.go.id.'],
		[['sync', '--url', URL], 'Sebutkan sumber yang disinkronkan: jippnas sync lan --url ALAMAT.'],
		[['sync', 'panrb', '--url', URL], 'Sumber "panrb" tidak dapat disinkronkan dari API; saat ini hanya lan.'],
		[['sync', 'lan', 'kemendagri', '--url', URL], 'Argumen tidak dikenal: kemendagri.'],
		[['sync', 'lan', '--url', 'ftp://lan.example'], 'Opsi --url harus berupa alamat http:// atau https:// yang lengkap, tanpa ?… atau #….'],
		[['sync', 'lan', '--url', 'inoland.example.go.id'], 'Opsi --url harus berupa alamat http:// atau https:// yang lengkap, tanpa ?… atau #….'],
		[['sync', 'lan', '--url', URL, '--since', 'kemarin'], 'Opsi --since harus berupa waktu ISO 8601, mis. 2024-01-31 atau 2024-01-31T08:00:00+07:00.'],
		[['sync', 'lan', '--url', URL, '--since', '2024-02-30'], 'Opsi --since harus berupa waktu ISO 8601, mis. 2024-01-31 atau 2024-01-31T08:00:00+07:00.'],
		[['sync', 'lan', '--url', URL, '--per-page', '0'], 'Opsi --per-page harus bilangan bulat 1 sampai 1000.'],
		[['sync', 'lan', '--url', URL, '--per-page', '2.5'], 'Opsi --per-page harus bilangan bulat 1 sampai 1000.'],
		[['sync', 'lan', '--url', URL, '--timeout', 'lama'], 'Opsi --timeout harus berupa jumlah detik lebih dari 0, paling lama 600.'],
		[['sync', 'lan', '--url', URL, '--timeout', '0'], 'Opsi --timeout harus berupa jumlah detik lebih dari 0, paling lama 600.'],
		[['sync', 'lan', '--url', URL, '--retries', '-1'], 'Nilai opsi --retries diawali tanda minus: tulis --retries=NILAI.'],
		[['sync', 'lan', '--url', URL, '--retries', '21'], 'Opsi --retries harus bilangan bulat 0 sampai 20.'],
		[['sync', 'lan', '--url', URL, '--force'], 'Opsi tidak dikenal: --force.']
	])('%j → exit 2 with an Indonesian message', async (args, message) => {
		expect(await main(args)).toBe(2);
		expect(errors).toEqual([`Kesalahan: ${message}`, 'Lihat "jippnas sync --help".']);
		expect(logs).toEqual([]);
	});

	it('explains itself with --help and is listed in the general help', async () => {
		expect(await main(['sync', '--help'])).toBe(0);
		expect(logs[0]).toMatch(/^Penggunaan: jippnas sync lan --url ALAMAT \[--since WAKTU\] \[--per-page N\] \[--timeout DETIK\] \[--retries N\]\n/);
		expect(logs[0]).toContain('(bawaan 100)');
		expect(GENERAL_HELP).toMatch(/\n {2}sync +Menarik inovasi dari API LAN/);
	});
});
