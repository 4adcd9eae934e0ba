import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { emailSchema } from './passwords';
import { USER_ROLES } from './roles';

/** User ids: `usr-` and 10 characters of Crockford base32, like innovation ids. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export function newUserId(bytes: Uint8Array = randomBytes(10)): string {
	let out = 'usr-';
	for (let i = 0; i < 10; i++) out += ALPHABET[bytes[i]! % 32];
	return out;
}

const optionalId = z
	.string()
	.trim()
	.max(100)
	.optional()
	.nullable()
	.transform((v) => v || null);

export const roleSchema = z.enum(USER_ROLES, {
	error: 'Peran tidak dikenal. Pilih admin, kurator, koordinator_hub atau operator.'
});

/** A new account as the invite form and `jippnas user create` describe it. */
export const newUserSchema = z.object({
	email: emailSchema,
	name: z
		.string()
		.trim()
		.max(120, 'Nama maksimal 120 karakter.')
		.optional()
		.nullable()
		.transform((v) => v || null),
	role: roleSchema,
	agencyId: optionalId,
	hubId: optionalId
});

/** Role as text: it comes from forms and flags and is checked by the schema. */
export type NewUserInput = Omit<z.input<typeof newUserSchema>, 'role'> & { role: string };

/** The name shown when none was given: the part of the e-mail address before the @. */
export function defaultName(email: string): string {
	return email.split('@')[0]!;
}
