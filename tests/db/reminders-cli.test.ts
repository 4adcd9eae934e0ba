import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';

// The plumbing of `jippnas reminders send` on an embedded database; what is sent and when is
// tested at the service level (replication-notifications.test.ts).
let workDir: string;
beforeAll(() => {
	workDir = mkdtempSync(path.join(tmpdir(), 'jippnas-reminders-cli-'));
});
afterAll(() => {
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const ENV = { DATA_DIR: './data', DATABASE_URL: '', SEED_DEMO: 'never' };
const jippnas = (args: string[]) => runCli(args, { cwd: workDir, env: ENV });

describe('jippnas reminders send', () => {
	it('computes the reminders of the given day in WIB and says what it sent', async () => {
		const { code, stdout } = await jippnas(['reminders', 'send', '--date', '2025-03-01']);
		expect(stdout).toContain('Pengingat untuk 2025-03-01 (WIB): 0 terkirim, 0 sudah pernah dikirim.');
		expect(code).toBe(0);
	}, 120_000);

	it('refuses a missing subcommand and a malformed date in Indonesian with exit code 2', async () => {
		const missing = await jippnas(['reminders']);
		expect(missing.stderr).toBe('Kesalahan: Sebutkan subperintah: jippnas reminders send\nLihat "jippnas reminders --help".\n');
		expect(missing.code).toBe(2);
		const badDate = await jippnas(['reminders', 'send', '--date', '1-3-2025']);
		expect(badDate.stderr).toContain('Opsi --date harus berupa tanggal YYYY-MM-DD, mis. 2025-03-01.');
		expect(badDate.code).toBe(2);
	});
});
