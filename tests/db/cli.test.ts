import { runCli } from '../support/run-cli';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Each spawn costs a second or two (tsx compiles the CLI), so these stay few: the plumbing of
// bin -> main -> command, exit codes and messages. Behaviour is tested at the service level.

let workDir: string;
beforeAll(() => {
	workDir = mkdtempSync(path.join(tmpdir(), 'jippnas-cli-'));
});
afterAll(() => {
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const jippnas = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: workDir, env });

describe('jippnas command', () => {
	it('--help lists the commands in Indonesian', async () => {
		const { code, stdout } = await jippnas(['--help']);
		expect(code).toBe(0);
		expect(stdout).toContain('Penggunaan: jippnas <perintah> [opsi]');
		for (const name of ['serve', 'migrate', 'seed', 'load-indicators', 'export']) {
			expect(stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
		}
	});

	it('an unknown command exits with 2 and says so', async () => {
		const { code, stdout, stderr } = await jippnas(['nosuch']);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toBe(
			'Perintah tidak dikenal: nosuch. Jalankan "jippnas --help" untuk melihat daftar perintah.\n'
		);
	});

	it('an unknown export format is refused before anything is opened', async () => {
		const { code, stderr } = await jippnas(['export', '--format', 'pdf']);
		expect(code).toBe(2);
		expect(stderr).toBe(
			'Kesalahan: Format "pdf" tidak dikenal. Pilih json, csv atau xlsx.\nLihat "jippnas export --help".\n'
		);
	});

	it('migrate creates the embedded database in DATA_DIR, then export writes JSON to stdout', async () => {
		const env = { DATA_DIR: './data', DATABASE_URL: '' };
		const migrate = await jippnas(['migrate'], env);
		expect(migrate.stderr).toBe('');
		expect(migrate.code).toBe(0);
		expect(migrate.stdout).toContain(`Basis data: PGlite di ${path.join(workDir, 'data', 'pglite')}\n`);
		expect(migrate.stdout).toMatch(/^Migrasi diterapkan: 0001_registry[,.]/m);
		expect(migrate.stdout).toContain('Data rujukan dimuat: 552 wilayah');
		// The lock that keeps PGlite to one process is released on the way out.
		expect(existsSync(path.join(workDir, 'data', 'pglite.lock'))).toBe(false);

		const exported = await jippnas(['export', '--format', 'json'], env);
		expect(exported.code).toBe(0);
		expect(JSON.parse(exported.stdout)).toEqual([]);
		expect(exported.stderr).toContain('Selesai: 0 inovasi diekspor.');
	});
});
