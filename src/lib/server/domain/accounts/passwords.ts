import { z } from 'zod';

/**
 * What a password must be: long rather than complicated (NIST SP 800-63B), not the e-mail
 * address, and not one of the passwords everybody tries first.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

const COMMON = new Set([
	'1234567890',
	'12345678910',
	'123456789012',
	'0987654321',
	'qwertyuiop',
	'password123',
	'password1234',
	'passw0rd123',
	'katasandi123',
	'indonesia123',
	'bismillah123',
	'admin12345',
	'jippnas123',
	'jippnas2024',
	'jippnas2025',
	'1111111111',
	'aaaaaaaaaa'
]);

/** The problem with a new password in Indonesian, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
	if (password.length < PASSWORD_MIN) return `Kata sandi minimal ${PASSWORD_MIN} karakter.`;
	if (password.length > PASSWORD_MAX) return `Kata sandi maksimal ${PASSWORD_MAX} karakter.`;
	const lower = password.toLowerCase();
	if (COMMON.has(lower) || /^(.)\1+$/.test(password)) {
		return 'Kata sandi ini terlalu mudah ditebak. Pilih kalimat pendek yang hanya Anda ketahui.';
	}
	if (context.email && lower === context.email.trim().toLowerCase()) {
		return 'Kata sandi tidak boleh sama dengan alamat e-mail.';
	}
	return null;
}

/** A new password with its confirmation, as sent by the set-password and change-password forms. */
export const newPasswordSchema = z
	.object({
		password: z.string({ error: 'Kata sandi baru wajib diisi.' }),
		confirm: z.string({ error: 'Ulangi kata sandi baru.' })
	})
	.superRefine((value, ctx) => {
		const problem = passwordProblem(value.password);
		if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
		else if (value.password !== value.confirm) {
			ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'Kedua kata sandi tidak sama.' });
		}
	});

export const emailSchema = z
	.string({ error: 'Alamat e-mail wajib diisi.' })
	.trim()
	.min(1, 'Alamat e-mail wajib diisi.')
	.max(254, 'Alamat e-mail terlalu panjang.')
	.pipe(z.email({ error: 'Alamat e-mail tidak valid.' }))
	.transform((email) => email.toLowerCase());
