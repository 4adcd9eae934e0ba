import { runCli } from '../support/run-cli';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// One spawn (tsx compiles the CLI each time): the plumbing of flags -> service -> summary and
// exit code. What the import does is tested at the service level (import-source-file.test.ts).
const SAMPLE = path.resolve(import.meta.dirname, '../../../shared/samples/kemendagri.csv');

let workDir: string;
beforeAll(() => {
	workDir = mkdtempSync(path.join(tmpdir(), 'jippnas-import-cli-'));
});
afterAll(() => {
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const jippnas = (args: string[], env: Record<string, string>) => runCli(args, { cwd: workDir, env });

describe('jippnas import', () => {
	it('imports a Kemendagri CSV into the embedded database, shows progress and prints the counts', async () => {
		const { code, stdout, stderr } = await jippnas(['import', '--source', 'kemendagri', '--file', SAMPLE], {
			DATA_DIR: './data',
			DATABASE_URL: '',
			SEED_DEMO: 'never'
		});
		expect(stderr).toContain('Mengimpor kemendagri: 100% (32/32)');
		expect(stdout).toContain(
			'Dibaca: 32, baru: 31, diperbarui: 0, tidak berubah: 0, ditautkan: 0, untuk ditinjau: 0, dikarantina: 1, baris kosong: 0'
		);
		expect(stdout).toMatch(/Selesai: impor #1 berhasil sebagian\./);
		expect(code).toBe(0);
	}, 120_000);

	it('names a file or mapping profile it cannot read, and imports nothing', async () => {
		const env = { DATA_DIR: './data-unread', DATABASE_URL: '', SEED_DEMO: 'never' };
		const missing = path.join(workDir, 'tidak-ada.csv');
		const noFile = await jippnas(['import', '--source', 'kemendagri', '--file', missing], env);
		expect(noFile.stderr).toContain(`Berkas tidak ditemukan: ${missing}`);
		expect(noFile.code).toBe(1);

		const noProfile = await jippnas(['import', '--source', 'kemendagri', '--file', SAMPLE, '--mapping', 'tidak-ada.json'], env);
		expect(noProfile.stderr).toContain(`Profil pemetaan tidak ditemukan: ${path.join(workDir, 'tidak-ada.json')}`);
		expect(noProfile.code).toBe(1);

		const broken = path.join(workDir, 'profil.json');
		writeFileSync(broken, '{ bukan json');
		const notJson = await jippnas(['import', '--source', 'kemendagri', '--file', SAMPLE, '--mapping', broken], env);
		expect(notJson.stderr).toContain(`Profil pemetaan ${broken} bukan JSON yang sah.`);
		expect(notJson.code).toBe(1);
		// Stopped before the database was opened.
		expect(existsSync(path.join(workDir, 'data-unread'))).toBe(false);
	}, 120_000);
});
