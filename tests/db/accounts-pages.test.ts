import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ANON_CSRF_COOKIE, SESSION_COOKIE } from '../../src/lib/server/auth/cookies';
import { resolveSession } from '../../src/lib/server/services/resolve-session';
import { sendMail } from '../../src/lib/server/services/send-mail';
import { load as loadLayout } from '../../src/routes/+layout.server';
import { actions as adminUserActions, load as loadAdminUsers } from '../../src/routes/admin/pengguna/+page.server';
import { load as loadOutbox } from '../../src/routes/admin/kotak-keluar/+page.server';
import { actions as accountActions, load as loadAccount } from '../../src/routes/akun/+page.server';
import { actions as setPasswordActions, load as loadSetPassword } from '../../src/routes/atur-sandi/[token]/+page.server';
import { POST as signOutPost } from '../../src/routes/keluar/+server';
import { actions as forgotActions, load as loadForgot } from '../../src/routes/lupa-sandi/+page.server';
import { actions as signInActions, load as loadSignIn } from '../../src/routes/masuk/+page.server';
import { authenticatedEvent, outcome, requestEvent, type EventOptions } from '../support/request-event';
import { createUser, signIn, type TestUser } from '../support/sessions';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

vi.stubEnv('BASE_URL', '');
vi.stubEnv('SMTP_URL', '');

let database: TestDatabase;
let admin: TestUser;
let kurator: TestUser;

beforeAll(async () => {
	database = await createTestDatabase();
	admin = await createUser(database, { role: 'admin', email: 'admin@uji.go.id', name: 'Admin Nasional' });
	kurator = await createUser(database, { role: 'kurator', email: 'kurator@uji.go.id', name: 'Kurator Data' });
});
afterAll(async () => database?.dispose());

type Options = Omit<EventOptions, 'db'>;
const as = async (user: TestUser | null, options: Options) => {
	const cookie = user ? (await signIn(database, user)).cookie : undefined;
	return authenticatedEvent({ db: database, ...options, cookie: [cookie, options.cookie].filter(Boolean).join('; ') || undefined });
};
const outboxOf = (to: string) =>
	database.db.selectFrom('outbox').selectAll().where('to_address', '=', to).orderBy('id', 'desc').execute();
const linkIn = (body: string) => /\/atur-sandi\/([A-Za-z0-9_-]{43})/.exec(body)![1]!;

describe('/masuk', () => {
	it('gives the public a CSRF cookie and a private page; sends the signed-in on', async () => {
		const anonymous = await as(null, { path: '/masuk?kembali=/kurasi' });
		const data = (await loadSignIn(anonymous.event as never)) as { csrf: string; kembali: string };
		expect(data.csrf).toHaveLength(43);
		expect(anonymous.jar.set.get(ANON_CSRF_COOKIE)).toMatchObject({ value: data.csrf, options: { httpOnly: true, sameSite: 'lax', secure: false } });
		expect(anonymous.headers['cache-control']).toBe('private, no-store');
		expect(data.kembali).toBe('/kurasi');
		const signedIn = await as(kurator, { path: '/masuk?kembali=/kurasi' });
		expect(await outcome(() => loadSignIn(signedIn.event as never))).toEqual({ kind: 'redirect', status: 303, location: '/kurasi' });
	});

	it('refuses bad input and wrong passwords with the exact message', async () => {
		const invalid = await as(null, { path: '/masuk', form: { email: 'bukan-email', password: 'x' } });
		expect(await outcome(() => signInActions.default!(invalid.event as never))).toEqual({
			kind: 'failure',
			status: 400,
			data: { email: 'bukan-email', kembali: '', message: 'Alamat e-mail tidak valid.' }
		});
		const empty = await as(null, { path: '/masuk', form: { email: kurator.email, password: '' } });
		expect(await outcome(() => signInActions.default!(empty.event as never))).toMatchObject({ status: 400, data: { message: 'Kata sandi wajib diisi.' } });
		const wrong = await as(null, { path: '/masuk', form: { email: kurator.email, password: 'bukan sandinya', kembali: '/akun' } });
		expect(await outcome(() => signInActions.default!(wrong.event as never))).toEqual({
			kind: 'failure',
			status: 401,
			data: { email: kurator.email, kembali: '/akun', message: 'E-mail atau kata sandi salah.' }
		});
	});

	it('signs in: a session cookie (httpOnly, Lax, Secure on https) and back to a local page only', async () => {
		const ok = await as(null, { path: '/masuk', form: { email: kurator.email, password: kurator.password, kembali: '/kurasi?x=1' } });
		expect(await outcome(() => signInActions.default!(ok.event as never))).toEqual({ kind: 'redirect', status: 303, location: '/kurasi?x=1' });
		const cookie = ok.jar.set.get(SESSION_COOKIE)!;
		expect(cookie.options).toMatchObject({ path: '/', httpOnly: true, sameSite: 'lax', secure: false });
		expect((await resolveSession(database.db, cookie.value, { sessionDays: 14 }))?.actor.id).toBe(kurator.id);

		const tls = await as(null, { path: '/masuk', origin: 'https://jippnas.example.go.id', form: { email: kurator.email, password: kurator.password, kembali: '//jahat.example' } });
		expect(await outcome(() => signInActions.default!(tls.event as never))).toEqual({ kind: 'redirect', status: 303, location: '/akun' });
		expect(tls.jar.set.get(SESSION_COOKIE)!.options).toMatchObject({ secure: true });
	});

	it('the layout gives the signed-in their name, role and CSRF token, and the public neither', async () => {
		const session = await signIn(database, kurator);
		const signedIn = await authenticatedEvent({ db: database, path: '/', cookie: session.cookie });
		expect(await loadLayout(signedIn.event as never)).toEqual({ lang: 'id', user: { name: 'Kurator Data', role: 'kurator', unreadNotifications: 0 }, csrf: session.csrf });
		const anonymous = await as(null, { path: '/' });
		expect(await loadLayout(anonymous.event as never)).toEqual({ lang: 'id', user: null, csrf: '' });
	});
});

describe('/keluar', () => {
	it('ends the session and clears the cookie', async () => {
		const session = await signIn(database, kurator);
		const built = await authenticatedEvent({ db: database, path: '/keluar', method: 'POST', cookie: session.cookie });
		expect(await outcome(() => signOutPost(built.event as never))).toEqual({ kind: 'redirect', status: 303, location: '/masuk?info=keluar' });
		expect(built.jar.set.get(SESSION_COOKIE)?.value).toBe('');
		expect(await resolveSession(database.db, session.token, { sessionDays: 14 })).toBeNull();
	});
});

describe('/akun', () => {
	it('sends the public to sign in and shows the signed-in their account', async () => {
		const anonymous = await as(null, { path: '/akun' });
		expect(await outcome(() => loadAccount(anonymous.event as never))).toEqual({ kind: 'redirect', status: 303, location: '/masuk?kembali=%2Fakun' });
		const signedIn = await as(kurator, { path: '/akun' });
		const data = (await loadAccount(signedIn.event as never)) as { account: Record<string, unknown> };
		expect(data.account).toMatchObject({ name: 'Kurator Data', email: kurator.email, role: 'kurator', roleLabel: 'Kurator data' });
	});

	it('changes the password: wrong current password and mismatches refused; other sessions end', async () => {
		const user = await createUser(database, { role: 'operator' });
		const other = await signIn(database, user);
		const here = await signIn(database, user);
		const submit = (form: Record<string, string>) =>
			authenticatedEvent({ db: database, path: '/akun?/gantiSandi', cookie: here.cookie, form }).then((b) => outcome(() => accountActions.gantiSandi!(b.event as never)));
		expect(await submit({ current: 'salah salah salah', password: 'sandi baru yang panjang', confirm: 'sandi baru yang panjang' })).toEqual({
			kind: 'failure',
			status: 400,
			data: { action: 'gantiSandi', message: 'Kata sandi saat ini salah.' }
		});
		expect(await submit({ current: user.password, password: 'sandi baru yang panjang', confirm: 'sandi baru lain' })).toMatchObject({
			status: 400,
			data: { message: 'Kedua kata sandi tidak sama.' }
		});
		expect(await submit({ current: user.password, password: 'pendek', confirm: 'pendek' })).toMatchObject({ status: 400, data: { message: 'Kata sandi minimal 10 karakter.' } });
		expect(await submit({ current: user.password, password: 'sandi baru yang panjang', confirm: 'sandi baru yang panjang' })).toEqual({
			kind: 'value',
			value: { action: 'gantiSandi', done: true }
		});
		expect(await resolveSession(database.db, other.token, { sessionDays: 14 })).toBeNull();
		expect(await resolveSession(database.db, here.token, { sessionDays: 14 })).not.toBeNull();
		const anonymous = await as(null, { path: '/akun?/gantiSandi', form: { current: 'x' } });
		expect(await outcome(() => accountActions.gantiSandi!(anonymous.event as never))).toMatchObject({ kind: 'redirect', location: '/masuk?kembali=%2Fakun%3F%2FgantiSandi' });
	});

	it('signs out everywhere', async () => {
		const user = await createUser(database, { role: 'koordinator_hub' });
		const a = await signIn(database, user);
		const b = await signIn(database, user);
		const built = await authenticatedEvent({ db: database, path: '/akun?/keluarSemua', cookie: a.cookie, form: { csrf: a.csrf } });
		expect(await outcome(() => accountActions.keluarSemua!(built.event as never))).toEqual({ kind: 'redirect', status: 303, location: '/masuk?info=keluar-semua' });
		expect(await resolveSession(database.db, a.token, { sessionDays: 14 })).toBeNull();
		expect(await resolveSession(database.db, b.token, { sessionDays: 14 })).toBeNull();
		expect(built.jar.set.get(SESSION_COOKIE)?.value).toBe('');
	});
});

describe('password reset by e-mail (outbox)', () => {
	it('refuses an invalid address, answers the same for unknown ones, and mails a link to known ones', async () => {
		const invalid = await as(null, { path: '/lupa-sandi', form: { email: 'budi' } });
		expect(await outcome(() => forgotActions.default!(invalid.event as never))).toEqual({
			kind: 'failure',
			status: 400,
			data: { email: 'budi', message: 'Alamat e-mail tidak valid.' }
		});
		const unknown = await as(null, { path: '/lupa-sandi', form: { email: 'tidak.ada@uji.go.id' } });
		expect(await outcome(() => forgotActions.default!(unknown.event as never))).toEqual({ kind: 'value', value: { sent: true } });
		expect(await outboxOf('tidak.ada@uji.go.id')).toEqual([]);
		const page = await as(null, { path: '/lupa-sandi' });
		expect(((await loadForgot(page.event as never)) as { csrf: string }).csrf).toHaveLength(43);
	});

	it('resets the password through the link once; sessions end; the old password stops working', async () => {
		const user = await createUser(database, { role: 'kurator', email: 'lupa@uji.go.id' });
		const before = await signIn(database, user);
		const ask = await as(null, { path: '/lupa-sandi', form: { email: 'LUPA@uji.go.id' } });
		expect(await outcome(() => forgotActions.default!(ask.event as never))).toEqual({ kind: 'value', value: { sent: true } });
		const [mail] = await outboxOf('lupa@uji.go.id');
		expect(mail).toMatchObject({ subject: 'Atur ulang kata sandi JIPPNas', status: 'held' });
		expect(mail!.body).toContain('http://localhost/atur-sandi/');
		const token = linkIn(mail!.body);

		const page = await as(null, { path: `/atur-sandi/${token}`, params: { token } });
		expect(await loadSetPassword(page.event as never)).toMatchObject({ link: { purpose: 'reset', email: 'lupa@uji.go.id' } });

		const set = (form: Record<string, string>) =>
			as(null, { path: `/atur-sandi/${token}`, params: { token }, form }).then((b) => outcome(() => setPasswordActions.default!(b.event as never)));
		expect(await set({ password: 'lupa@uji.go.id', confirm: 'lupa@uji.go.id' })).toEqual({
			kind: 'failure',
			status: 400,
			data: { message: 'Kata sandi tidak boleh sama dengan alamat e-mail.' }
		});
		expect(await set({ password: 'sandi baru lupa sandi', confirm: 'sandi baru lupa sandi' })).toEqual({ kind: 'redirect', status: 303, location: '/masuk?info=sandi' });
		expect(await resolveSession(database.db, before.token, { sessionDays: 14 })).toBeNull();
		// Spent: the page and the form both say so.
		const again = await set({ password: 'sandi baru lupa sandi', confirm: 'sandi baru lupa sandi' });
		expect(again).toMatchObject({ kind: 'failure', status: 410, data: { message: expect.stringContaining('Tautan ini tidak berlaku lagi') } });
		expect(await outcome(() => loadSetPassword(page.event as never))).toMatchObject({ kind: 'error', status: 410 });

		const old = await as(null, { path: '/masuk', form: { email: user.email, password: user.password } });
		expect(await outcome(() => signInActions.default!(old.event as never))).toMatchObject({ status: 401 });
		const fresh = await as(null, { path: '/masuk', form: { email: user.email, password: 'sandi baru lupa sandi' } });
		expect(await outcome(() => signInActions.default!(fresh.event as never))).toMatchObject({ kind: 'redirect', location: '/akun' });
	});

	it('a made-up link is refused', async () => {
		const token = 'Z'.repeat(43);
		const page = await as(null, { path: `/atur-sandi/${token}`, params: { token } });
		expect(await outcome(() => loadSetPassword(page.event as never))).toMatchObject({
			kind: 'error',
			status: 410,
			body: { code: 'PASSWORD_LINK_INVALID' }
		});
	});

	it('delivers through SMTP when configured, and keeps failures in the outbox with the reason', async () => {
		const sent: string[] = [];
		const ok = { transport: { send: async (m: { to: string }) => void sent.push(m.to) }, from: 'JIPPNas <a@b.id>' };
		const id = await sendMail(database.db, { to: 'smtp@uji.go.id', subject: 'S', body: 'B' }, ok);
		const broken = { transport: { send: async () => Promise.reject(new Error('550 mailbox unavailable')) }, from: 'x@y.id' };
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const failedId = await sendMail(database.db, { to: 'smtp@uji.go.id', subject: 'S2', body: 'B' }, broken);
		const rows = await outboxOf('smtp@uji.go.id');
		expect(sent).toEqual(['smtp@uji.go.id']);
		expect(rows.find((r) => Number(r.id) === id)).toMatchObject({ status: 'sent', error: null });
		expect(rows.find((r) => Number(r.id) === failedId)).toMatchObject({ status: 'failed', error: '550 mailbox unavailable' });
	});
});

describe('/admin/pengguna', () => {
	it('sends the public to sign in, refuses non-admins, lists users for admins', async () => {
		const anonymous = await as(null, { path: '/admin/pengguna' });
		expect(await outcome(() => loadAdminUsers(anonymous.event as never))).toMatchObject({ kind: 'redirect', location: '/masuk?kembali=%2Fadmin%2Fpengguna' });
		const curator = await as(kurator, { path: '/admin/pengguna' });
		expect(await outcome(() => loadAdminUsers(curator.event as never))).toMatchObject({ kind: 'error', status: 403 });
		const page = await as(admin, { path: '/admin/pengguna' });
		const data = (await loadAdminUsers(page.event as never)) as { users: Array<{ email: string }> };
		expect(data.users.map((u) => u.email)).toContain('kurator@uji.go.id');
	});

	it('invites: refused for non-admins, bad input explained, an e-mail with a link for the invitee', async () => {
		const curator = await as(kurator, { path: '/admin/pengguna?/undang', form: { email: 'baru@uji.go.id', role: 'kurator' } });
		expect(await outcome(() => adminUserActions.undang!(curator.event as never))).toMatchObject({ kind: 'error', status: 403 });
		const invalid = await as(admin, { path: '/admin/pengguna?/undang', form: { email: 'op@uji.go.id', role: 'operator', name: 'Op' } });
		expect(await outcome(() => adminUserActions.undang!(invalid.event as never))).toMatchObject({
			kind: 'failure',
			status: 400,
			data: { action: 'undang', message: 'Operator harus terhubung ke satu instansi: pilih instansinya.' }
		});
		const unknownAgency = await as(admin, { path: '/admin/pengguna?/undang', form: { email: 'op@uji.go.id', role: 'operator', agencyId: 'tidak-ada' } });
		expect(await outcome(() => adminUserActions.undang!(unknownAgency.event as never))).toMatchObject({ status: 404, data: { message: 'Instansi "tidak-ada" tidak ditemukan.' } });
		const ok = await as(admin, { path: '/admin/pengguna?/undang', form: { email: 'Op@Uji.go.id', role: 'operator', agencyId: 'pemkab-53.09', name: 'Operator Ngada' } });
		expect(await outcome(() => adminUserActions.undang!(ok.event as never))).toEqual({
			kind: 'value',
			value: { action: 'undang', done: 'adminUsers.doneInvited', params: { email: 'op@uji.go.id' } }
		});
		const [mail] = await outboxOf('op@uji.go.id');
		expect(mail!.subject).toBe('Undangan ke JIPPNas: buat kata sandi Anda');
		expect(mail!.body).toContain('sebagai Operator instansi');
		const taken = await as(admin, { path: '/admin/pengguna?/undang', form: { email: 'op@uji.go.id', role: 'kurator' } });
		expect(await outcome(() => adminUserActions.undang!(taken.event as never))).toMatchObject({ status: 409, data: { message: 'Alamat e-mail ini sudah dipakai akun lain.' } });
	});

	it('changes roles with history; never the last admin or one’s own', async () => {
		const user = await createUser(database, { role: 'kurator' });
		const curator = await as(kurator, { path: '/admin/pengguna?/peran', form: { userId: user.id, role: 'admin' } });
		expect(await outcome(() => adminUserActions.peran!(curator.event as never))).toMatchObject({ kind: 'error', status: 403 });
		const bad = await as(admin, { path: '/admin/pengguna?/peran', form: { userId: user.id, role: 'raja' } });
		expect(await outcome(() => adminUserActions.peran!(bad.event as never))).toMatchObject({
			status: 400,
			data: { message: 'Peran tidak dikenal. Pilih admin, kurator, koordinator_hub atau operator.' }
		});
		const own = await as(admin, { path: '/admin/pengguna?/peran', form: { userId: admin.id, role: 'kurator' } });
		expect(await outcome(() => adminUserActions.peran!(own.event as never))).toMatchObject({
			status: 409,
			data: { message: 'Anda tidak dapat menonaktifkan akun Anda sendiri atau mengubah peran Anda sendiri.' }
		});
		const ok = await as(admin, { path: '/admin/pengguna?/peran', form: { userId: user.id, role: 'operator', agencyId: 'pemkab-53.09' } });
		expect(await outcome(() => adminUserActions.peran!(ok.event as never))).toMatchObject({ kind: 'value', value: { done: 'adminUsers.doneRole' } });
		const session = await signIn(database, user);
		expect((await resolveSession(database.db, session.token, { sessionDays: 14 }))?.actor).toEqual({ id: user.id, role: 'operator', agencyId: 'pemkab-53.09', hubId: null });
		const history = await database.db.selectFrom('change_history').select(['action', 'actor', 'changes']).where('entity_type', '=', 'user').where('entity_id', '=', user.id).orderBy('id').execute();
		expect(history.map((h) => h.action)).toEqual(['create', 'update']);
		expect(history[1]).toMatchObject({ actor: admin.id, changes: { role: { from: 'kurator', to: 'operator' }, agency_id: { from: null, to: 'pemkab-53.09' } } });
	});

	it('disables (sessions end) and enables again; accounts stay', async () => {
		const user = await createUser(database, { role: 'kurator' });
		const session = await signIn(database, user);
		const curator = await as(kurator, { path: '/admin/pengguna?/nonaktifkan', form: { userId: user.id } });
		expect(await outcome(() => adminUserActions.nonaktifkan!(curator.event as never))).toMatchObject({ kind: 'error', status: 403 });
		const missing = await as(admin, { path: '/admin/pengguna?/nonaktifkan', form: { userId: 'usr-tidakada00' } });
		expect(await outcome(() => adminUserActions.nonaktifkan!(missing.event as never))).toMatchObject({ status: 404, data: { message: 'Pengguna tidak ditemukan.' } });
		const off = await as(admin, { path: '/admin/pengguna?/nonaktifkan', form: { userId: user.id } });
		expect(await outcome(() => adminUserActions.nonaktifkan!(off.event as never))).toMatchObject({ kind: 'value', value: { done: 'adminUsers.doneDisabled', params: { name: user.name } } });
		expect(await resolveSession(database.db, session.token, { sessionDays: 14 })).toBeNull();
		const on = await as(admin, { path: '/admin/pengguna?/aktifkan', form: { userId: user.id } });
		expect(await outcome(() => adminUserActions.aktifkan!(on.event as never))).toMatchObject({ kind: 'value', value: { done: 'adminUsers.doneEnabled' } });
		const row = await database.db.selectFrom('users').select('disabled_at').where('id', '=', user.id).executeTakeFirstOrThrow();
		expect(row.disabled_at).toBeNull();
	});
});

describe('/admin/kotak-keluar', () => {
	it('is for admins: the public signs in, others get 403, admins read the messages', async () => {
		const anonymous = await as(null, { path: '/admin/kotak-keluar' });
		expect(await outcome(() => loadOutbox(anonymous.event as never))).toMatchObject({ kind: 'redirect', location: '/masuk?kembali=%2Fadmin%2Fkotak-keluar' });
		const curator = await as(kurator, { path: '/admin/kotak-keluar' });
		expect(await outcome(() => loadOutbox(curator.event as never))).toMatchObject({ kind: 'error', status: 403 });
		const bad = await as(admin, { path: '/admin/kotak-keluar?halaman=nol' });
		expect(await outcome(() => loadOutbox(bad.event as never))).toMatchObject({ kind: 'error', status: 400, body: { message: 'Nomor halaman harus berupa angka' } });
		await sendMail(database.db, { to: 'baca@uji.go.id', subject: 'Untuk dibaca', body: 'Isi' });
		const page = await as(admin, { path: '/admin/kotak-keluar' });
		const data = (await loadOutbox(page.event as never)) as { messages: Array<{ to: string; subject: string; status: string }> };
		expect(data.messages[0]).toMatchObject({ to: 'baca@uji.go.id', subject: 'Untuk dibaca', status: 'held' });
	});
});
