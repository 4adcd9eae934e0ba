import { runCli } from '../support/run-cli';
import { mkdtempSync, rmSync } from 'node:fs';
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
});
