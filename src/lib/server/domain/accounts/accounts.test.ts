import { describe, expect, it } from 'vitest';
import { evaluateLoginThrottle, minutesUntil, THROTTLE, type RecentAttempt } from './login-throttle';
import { emailSchema, newPasswordSchema, passwordProblem } from './passwords';
import { scopeForRole } from './roles';
import { hashToken, isWellFormedToken, newSecretToken, sameSecret } from './secret-token';
import { newUserId, newUserSchema } from './user-input';

const now = new Date('2025-06-01T10:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const failures = (n: number, from = 10): RecentAttempt[] => Array.from({ length: n }, (_, i) => ({ outcome: 'failure', at: ago(from + i) }));

describe('evaluateLoginThrottle', () => {
	it('allows up to four failures in a row', () => {
		expect(evaluateLoginThrottle({ accountAttempts: failures(4), addressFailures: [], now })).toEqual({ allowed: true });
	});

	it('locks on the fifth, until 15 minutes after the last failure', () => {
		const decision = evaluateLoginThrottle({ accountAttempts: failures(5), addressFailures: [], now });
		expect(decision).toEqual({ allowed: false, reason: 'account_locked', until: new Date(ago(10).getTime() + THROTTLE.windowMs) });
	});

	it('counts only failures after the last success or password reset', () => {
		const attempts: RecentAttempt[] = [...failures(3, 10), { outcome: 'success', at: ago(20) }, ...failures(4, 30)];
		expect(evaluateLoginThrottle({ accountAttempts: attempts, addressFailures: [], now }).allowed).toBe(true);
		const reset: RecentAttempt[] = [{ outcome: 'reset', at: ago(5) }, ...failures(6, 10)];
		expect(evaluateLoginThrottle({ accountAttempts: reset, addressFailures: [], now }).allowed).toBe(true);
	});

	it('forgets failures older than the window', () => {
		expect(evaluateLoginThrottle({ accountAttempts: failures(5, 15 * 60), addressFailures: [], now }).allowed).toBe(true);
	});

	it('holds back an address after 20 failures, until the oldest of them leaves the window', () => {
		const times = Array.from({ length: 20 }, (_, i) => ago(i * 10));
		const decision = evaluateLoginThrottle({ accountAttempts: [], addressFailures: times, now });
		expect(decision).toEqual({ allowed: false, reason: 'address_limited', until: new Date(ago(190).getTime() + THROTTLE.windowMs) });
		expect(evaluateLoginThrottle({ accountAttempts: [], addressFailures: times.slice(1), now }).allowed).toBe(true);
	});

	it('rounds the wait up to whole minutes, at least one', () => {
		expect(minutesUntil(new Date(now.getTime() + 61_000), now)).toBe(2);
		expect(minutesUntil(new Date(now.getTime() - 1000), now)).toBe(1);
	});
});

describe('passwords', () => {
	it('asks for length, not complexity, and refuses the obvious', () => {
		expect(passwordProblem('pendek')).toBe('Kata sandi minimal 10 karakter.');
		expect(passwordProblem('x'.repeat(201))).toBe('Kata sandi maksimal 200 karakter.');
		expect(passwordProblem('1234567890')).toBe('Kata sandi ini terlalu mudah ditebak. Pilih kalimat pendek yang hanya Anda ketahui.');
		expect(passwordProblem('zzzzzzzzzzzz')).toBe('Kata sandi ini terlalu mudah ditebak. Pilih kalimat pendek yang hanya Anda ketahui.');
		expect(passwordProblem('budi@kab.go.id', { email: 'Budi@kab.go.id' })).toBe('Kata sandi tidak boleh sama dengan alamat e-mail.');
		expect(passwordProblem('kopi pagi di bajawa')).toBeNull();
	});

	it('checks the confirmation', () => {
		const result = newPasswordSchema.safeParse({ password: 'kopi pagi di bajawa', confirm: 'kopi pagi di ende' });
		expect(result.success).toBe(false);
		expect(result.error!.issues[0]!.message).toBe('Kedua kata sandi tidak sama.');
	});

	it('normalises e-mail addresses and refuses non-addresses', () => {
		expect(emailSchema.parse('  Budi@Kab.GO.id ')).toBe('budi@kab.go.id');
		expect(emailSchema.safeParse('budi').error!.issues[0]!.message).toBe('Alamat e-mail tidak valid.');
		expect(emailSchema.safeParse('').error!.issues[0]!.message).toBe('Alamat e-mail wajib diisi.');
	});
});

describe('roles and new users', () => {
	it('gives operators one agency and hub coordinators one hub, and others neither', () => {
		expect(scopeForRole('operator', {})).toEqual({ ok: false, message: 'Operator harus terhubung ke satu instansi: pilih instansinya.' });
		expect(scopeForRole('koordinator_hub', { agencyId: 'x' })).toEqual({ ok: false, message: 'Koordinator hub harus terhubung ke satu hub: pilih hubnya.' });
		expect(scopeForRole('operator', { agencyId: 'pemkab-53.09', hubId: 'h' })).toEqual({ ok: true, agencyId: 'pemkab-53.09', hubId: null });
		expect(scopeForRole('admin', { agencyId: 'pemkab-53.09' })).toEqual({ ok: true, agencyId: null, hubId: null });
	});

	it('refuses an unknown role in Indonesian', () => {
		const result = newUserSchema.safeParse({ email: 'a@b.id', role: 'raja' });
		expect(result.error!.issues[0]!.message).toBe('Peran tidak dikenal. Pilih admin, kurator, koordinator_hub atau operator.');
	});

	it('makes readable user ids', () => {
		expect(newUserId()).toMatch(/^usr-[0-9a-hjkmnp-tv-z]{10}$/);
	});
});

describe('secret tokens', () => {
	it('are 256 random bits stored only as their hash', () => {
		const token = newSecretToken();
		expect(isWellFormedToken(token)).toBe(true);
		expect(newSecretToken()).not.toBe(token);
		expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken(token)).not.toContain(token);
	});

	it('compare in constant time, and never match empty values', () => {
		expect(sameSecret('abc', 'abc')).toBe(true);
		expect(sameSecret('abc', 'abd')).toBe(false);
		expect(sameSecret('abc', 'abcd')).toBe(false);
		expect(sameSecret('', '')).toBe(false);
	});
});
