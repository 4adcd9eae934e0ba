import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// One spawn (tsx compiles the CLI each time): the plumbing of flags -> service -> summary and
// exit code. What the import does is tested at the service level (import-source-file.test.ts).
const BIN = path.resolve(import.meta.dirname, '../../bin/jippnas.js');
const SAMPLE = path.resolve(import.meta.dirname, '../../../shared/samples/kemendagri.csv');

let workDir: string;
beforeAll(() => {
	workDir = mkdtempSync(path.join(tmpdir(), 'jippnas-import-cli-'));
});
afterAll(() => {
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function jippnas(args: string[], env: Record<string, string>) {
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
		const child = spawn(process.execPath, [BIN, ...args], {
			cwd: workDir,
			env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? workDir, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

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
