import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLanApiServer, type LanApiServer } from '../support/lan-api-server';
import { runCli } from '../support/run-cli';

// The plumbing of flags -> service -> progress and summary, on the embedded database. What a sync
// does (retries, resume, incremental) is tested at the service level (sync-lan.test.ts).
let workDir: string;
let lan: LanApiServer;
beforeAll(async () => {
	workDir = mkdtempSync(path.join(tmpdir(), 'jippnas-sync-cli-'));
	lan = await startLanApiServer();
});
afterAll(async () => {
	await lan?.close();
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const ENV = { DATA_DIR: './data', DATABASE_URL: '', SEED_DEMO: 'never' };
const jippnas = (args: string[]) => runCli(args, { cwd: workDir, env: ENV });

describe('jippnas sync lan', () => {
	it('pulls the API into the embedded database, page by page with progress, and imports it', async () => {
		const first = await jippnas(['sync', 'lan', '--url', `${lan.url}/`, '--per-page', '5']);
		expect(first.stdout).toContain(`Sinkronisasi #1 dari ${lan.url}/: semua catatan, 5 per halaman.`);
		expect(first.stderr).toContain('Mengambil halaman LAN: 100% (5/5)');
		expect(first.stderr).toContain('Mengimpor lan: 100% (21/21)');
		expect(first.stdout).toContain('Diambil: 21 catatan dari 5 halaman (total di sumber: 21).');
		expect(first.stdout).toContain('Dibaca: 21, baru: 21, diperbarui: 0, tidak berubah: 0');
		expect(first.stdout).toContain('Selesai: sinkronisasi #1 berhasil, impor #1 berhasil.');
		expect(first.code).toBe(0);
		expect(lan.requests.map((r) => [r.page, r.perPage, r.updatedSince])).toEqual([1, 2, 3, 4, 5].map((p) => [p, 5, null]));
	}, 120_000);

	it('asks only for changes on a rerun (same URL without the slash), and says which page failed and how to resume, with exit code 1', async () => {
		lan.requests.length = 0;
		lan.fault = (request) => (request.page === 1 ? { status: 404, body: '{}' } : undefined);
		try {
			const { code, stdout, stderr } = await jippnas(['sync', 'lan', '--url', lan.url, '--retries', '0', '--timeout', '2']);
			expect(stdout).toMatch(/Sinkronisasi #2 dari .*: catatan yang berubah sejak \d{4}-\d{2}-\d{2}T[\d:.]+Z, 100 per halaman\./);
			expect(stderr).toContain(
				'API LAN menolak permintaan halaman 1: HTTP 404 Not Found. Sinkronisasi #2 berhenti di halaman 1 (0 halaman sudah tersimpan); jalankan perintah yang sama lagi untuk melanjutkan dari halaman 1.'
			);
			expect(code).toBe(1);
			expect(lan.requests).toHaveLength(1);
			expect(lan.requests[0]!.updatedSince).not.toBeNull();
		} finally {
			lan.fault = undefined;
		}
	}, 120_000);

	it('refuses a call without --url with an Indonesian message and exit code 2', async () => {
		// The other flag checks run in-process: src/cli/commands/sync.test.ts.
		const { code, stderr, stdout } = await jippnas(['sync', 'lan']);
		expect(stderr).toBe('Kesalahan: Opsi --url wajib diisi: alamat dasar API LAN, mis. https://inoland.example.go.id.\nLihat "jippnas sync --help".\n');
		expect(stdout).toBe('');
		expect(code).toBe(2);
	});
});
