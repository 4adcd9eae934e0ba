import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db/database';
import { verifyPassword } from '../../src/lib/server/auth/password-hash';
import { findPasswordLink } from '../../src/lib/server/services/set-password-with-link';
import { runCli } from '../support/run-cli';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// `jippnas user create` for the first admin. On PostgreSQL the command works on this file's
// fresh database; on PGlite on a DATA_DIR of its own, opened here once the commands are done.

let workDir: string;
let serverDatabase: TestDatabase | undefined;
let env: Record<string, string>;

beforeAll(async () => {
	workDir = mkdtempSync(path.join(tmpdir(), 'jippnas-user-cli-'));
	if (process.env.DATABASE_URL) {
		serverDatabase = await createTestDatabase();
		env = { DATABASE_URL: serverDatabase.url!, BASE_URL: 'https://jippnas.uji.go.id' };
	} else {
		env = { DATA_DIR: './data', DATABASE_URL: '', BASE_URL: 'https://jippnas.uji.go.id' };
	}
});
afterAll(async () => {
	await serverDatabase?.dispose();
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const jippnas = (args: string[], stdin?: string) => runCli(['user', 'create', ...args], { cwd: workDir, env, stdin });

async function withDatabase<T>(work: (database: AppDatabase) => Promise<T>): Promise<T> {
	if (serverDatabase) return work(serverDatabase);
	const database = await openDatabase({ pgliteDir: path.join(workDir, 'data', 'pglite') });
	try {
		return await work(database);
	} finally {
		await database.close();
	}
}

describe('jippnas user create', () => {
	let link: string;

	it('creates the first admin without a password and prints a one-time link to set it', async () => {
		const result = await jippnas(['--email', 'Admin@Uji.go.id', '--role', 'admin', '--name', 'Admin Nasional']);
		expect(result.stderr).not.toContain('Kesalahan');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^Pengguna dibuat: Admin Nasional <admin@uji\.go\.id> \(admin\), id usr-[0-9a-z]{10}\.$/m);
		expect(result.stdout).toContain('Tautan sekali pakai untuk membuat kata sandi (berlaku 7 hari):\n');
		const match = /^https:\/\/jippnas\.uji\.go\.id\/atur-sandi\/([A-Za-z0-9_-]{43})$/m.exec(result.stdout);
		expect(match).not.toBeNull();
		link = match![1]!;
	});

	it('takes a password from stdin for an operator of one agency', async () => {
		const result = await jippnas(
			['--email', 'operator@ngadakab.go.id', '--role', 'operator', '--agency', 'pemkab-53.09', '--password-stdin'],
			'kopi pagi di bajawa\n'
		);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Pengguna dibuat: operator <operator@ngadakab.go.id> (operator, instansi pemkab-53.09)');
		expect(result.stdout).toContain('Kata sandi sudah diatur: pengguna dapat masuk di /masuk.');
		expect(result.stdout).not.toContain('atur-sandi');
	});

	it('refuses a missing agency and an unknown role before opening the database', async () => {
		const noAgency = await jippnas(['--email', 'op2@uji.go.id', '--role', 'operator']);
		expect(noAgency.code).toBe(1);
		expect(noAgency.stderr).toBe('Operator harus terhubung ke satu instansi: pilih instansinya.\n');
		const badRole = await jippnas(['--email', 'x@uji.go.id', '--role', 'raja']);
		expect(badRole.code).toBe(2);
		expect(badRole.stderr).toBe(
			'Kesalahan: Peran "raja" tidak dikenal. Pilih admin, kurator, koordinator_hub atau operator.\nLihat "jippnas user --help".\n'
		);
	});

	it('refuses an e-mail that is taken and a weak password', async () => {
		const taken = await jippnas(['--email', 'ADMIN@uji.go.id', '--role', 'kurator']);
		expect(taken.code).toBe(1);
		expect(taken.stderr).toContain('Alamat e-mail ini sudah dipakai akun lain.\n');
		const weak = await jippnas(['--email', 'k@uji.go.id', '--role', 'kurator', '--password-stdin'], 'pendek\n');
		expect(weak.code).toBe(1);
		expect(weak.stderr).toBe('Kata sandi minimal 10 karakter.\n');
	});

	it('left exactly the two accounts, the link usable and the password hashed with argon2id', async () => {
		await withDatabase(async ({ db }) => {
			const users = await db.selectFrom('users').select(['email', 'role', 'agency_id', 'password_hash']).orderBy('email').execute();
			expect(users.map((u) => [u.email, u.role, u.agency_id])).toEqual([
				['admin@uji.go.id', 'admin', null],
				['operator@ngadakab.go.id', 'operator', 'pemkab-53.09']
			]);
			expect(users[0]!.password_hash).toBeNull();
			expect(users[1]!.password_hash).toMatch(/^\$argon2id\$/);
			expect(await verifyPassword(users[1]!.password_hash, 'kopi pagi di bajawa')).toBe(true);
			const view = await findPasswordLink(db, link);
			expect(view).toMatchObject({ purpose: 'invite', email: 'admin@uji.go.id' });
		});
	});
});
