import { z } from 'zod';
import { loadConfig } from '../../lib/server/config/env';
import { USER_ROLES } from '../../lib/server/domain/accounts/roles';
import { SYSTEM_ACTOR } from '../../lib/server/policy';
import { createUser, validateNewUser } from '../../lib/server/services/create-user';
import { issuePasswordLink } from '../../lib/server/services/issue-password-link';
import { CliError, parseCommandArgs, UsageError } from '../arguments';
import { describeDatabase, withDatabase } from '../database';
import type { CliCommand } from '../main';

const HELP = `Penggunaan: jippnas user create --email E-MAIL --role PERAN [--agency KODE | --hub KODE]
                           [--name NAMA] [--password-stdin]

Membuat akun pengguna, misalnya admin nasional pertama saat pemasangan. Tanpa --password-stdin
dicetak tautan sekali pakai (berlaku 7 hari) untuk membuat kata sandi di peramban.

Peran:
  admin             Admin nasional: mengelola pengguna dan seluruh data
  kurator           Kurator data: impor, tinjauan duplikat, instansi
  koordinator_hub   Koordinator satu hub inovasi (wajib --hub)
  operator          Operator satu instansi (wajib --agency)

Opsi:
  --email E-MAIL      Alamat e-mail (dipakai untuk masuk; wajib)
  --role PERAN        Salah satu peran di atas (wajib)
  --agency KODE       Kode instansi operator, mis. pemkab-53.09
  --hub KODE          Kode hub untuk koordinator hub
  --name NAMA         Nama lengkap (bawaan: bagian e-mail sebelum @)
  --password-stdin    Membaca kata sandi dari masukan standar (minimal 10 karakter), mis.
                      printf '%s' "$SANDI" | jippnas user create ... --password-stdin
  -h, --help          Menampilkan bantuan ini

Tautan memakai BASE_URL bila diatur, selain itu http://localhost:PORT.

Contoh:
  jippnas user create --email admin@panrb.go.id --role admin --name "Admin Nasional"`;

const flagsSchema = z.object({
	positionals: z.array(z.string()),
	email: z.string({ error: 'Opsi --email wajib diisi.' }),
	role: z.enum(USER_ROLES, {
		error: (issue) =>
			issue.input === undefined
				? 'Opsi --role wajib diisi: admin, kurator, koordinator_hub atau operator.'
				: `Peran "${String(issue.input)}" tidak dikenal. Pilih admin, kurator, koordinator_hub atau operator.`
	}),
	agency: z.string().optional(),
	hub: z.string().optional(),
	name: z.string().optional(),
	'password-stdin': z.boolean().default(false)
});

export const command: CliCommand = {
	help: HELP,
	async run(argv) {
		const [sub] = argv;
		if (sub !== 'create') {
			throw new UsageError(
				sub === undefined ? 'Sebutkan subperintah: jippnas user create ...' : `Subperintah tidak dikenal: ${sub}. Yang tersedia: create.`,
				'user'
			);
		}
		const flags = parseCommandArgs(
			'user',
			argv.slice(1),
			{
				email: { type: 'string' },
				role: { type: 'string' },
				agency: { type: 'string' },
				hub: { type: 'string' },
				name: { type: 'string' },
				'password-stdin': { type: 'boolean' }
			},
			flagsSchema
		);
		if (flags.agency && flags.hub) throw new UsageError('Pilih salah satu: --agency atau --hub.', 'user');
		const password = flags['password-stdin'] ? await readPassword() : null;
		const input = { email: flags.email, role: flags.role, agencyId: flags.agency, hubId: flags.hub, name: flags.name, password };
		// Mistakes are reported before the database is opened.
		validateNewUser(input);
		const config = loadConfig();
		console.error(`Basis data: ${describeDatabase(config)}`);
		const baseUrl = config.BASE_URL ?? `http://localhost:${config.PORT}`;
		await withDatabase(config, async ({ db }) => {
			const user = await createUser(db, SYSTEM_ACTOR, input);
			const scope = user.agencyId ? `, instansi ${user.agencyId}` : user.hubId ? `, hub ${user.hubId}` : '';
			console.log(`Pengguna dibuat: ${user.name} <${user.email}> (${user.role}${scope}), id ${user.id}.`);
			if (user.hasPassword) {
				console.log('Kata sandi sudah diatur: pengguna dapat masuk di /masuk.');
				return;
			}
			const link = await issuePasswordLink(db, user.id, 'invite', { baseUrl });
			console.log('Tautan sekali pakai untuk membuat kata sandi (berlaku 7 hari):');
			console.log(link.url);
		});
	}
};

/** The password from stdin without its final line break; refused when empty or from a terminal. */
async function readPassword(): Promise<string> {
	if (process.stdin.isTTY) {
		throw new CliError('--password-stdin membaca kata sandi dari masukan standar: alirkan lewat pipa, mis. printf \'%s\' "$SANDI" | jippnas user create ...');
	}
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
	if (!text) throw new CliError('Tidak ada kata sandi di masukan standar.');
	return text;
}
