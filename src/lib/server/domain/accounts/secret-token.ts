import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets in cookies and links: 32 random bytes as base64url. The database keeps only their
 * SHA-256, so reading the tables never gives anyone a working session or link.
 */
export function newSecretToken(): string {
	return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two strings in constant time (for CSRF tokens). */
export function sameSecret(a: string, b: string): boolean {
	const left = Buffer.from(a, 'utf8');
	const right = Buffer.from(b, 'utf8');
	return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** Whether a value looks like one of our tokens (before any database lookup). */
export function isWellFormedToken(value: string | null | undefined): value is string {
	return !!value && /^[A-Za-z0-9_-]{43}$/.test(value);
}
