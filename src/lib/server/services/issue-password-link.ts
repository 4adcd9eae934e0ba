import type { Kysely } from 'kysely';
import type { DB, PasswordTokenPurpose } from '../db/schema';
import { hashToken, newSecretToken } from '../domain/accounts/secret-token';
import { expireOpenPasswordTokens, insertPasswordToken } from '../repositories/password-token-repository';

/** How long a link works: an hour to reset a password, a week to accept an invitation. */
export const LINK_LIFETIME_MS: Record<PasswordTokenPurpose, number> = {
	reset: 60 * 60 * 1000,
	invite: 7 * 24 * 60 * 60 * 1000
};

export interface PasswordLink {
	token: string;
	url: string;
	expiresAt: Date;
}

/** A one-time link to set the password; earlier open links of the user stop working. */
export async function issuePasswordLink(
	db: Kysely<DB>,
	userId: string,
	purpose: PasswordTokenPurpose,
	options: { baseUrl: string; now?: Date }
): Promise<PasswordLink> {
	const now = options.now ?? new Date();
	const token = newSecretToken();
	const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS[purpose]);
	await expireOpenPasswordTokens(db, userId, now);
	await insertPasswordToken(db, { id: hashToken(token), userId, purpose, expiresAt });
	return { token, url: passwordLinkUrl(options.baseUrl, token), expiresAt };
}

export function passwordLinkUrl(baseUrl: string, token: string): string {
	return `${baseUrl.replace(/\/+$/, '')}/atur-sandi/${token}`;
}
