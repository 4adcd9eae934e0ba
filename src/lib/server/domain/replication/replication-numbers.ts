import { randomBytes } from 'node:crypto';

/** Replication ids: `rep-` and 10 characters of Crockford base32, like innovation ids. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export function newReplicationId(bytes: Uint8Array = randomBytes(10)): string {
	let out = 'rep-';
	for (let i = 0; i < 10; i++) out += ALPHABET[bytes[i]! % 32];
	return out;
}

/** Numbers are per calendar year in Western Indonesian Time (UTC+7), where the programme runs. */
export function yearInIndonesia(now: Date): number {
	return new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear();
}

/** The suffix every agreement number of a year ends with (to count them). */
export const agreementNumberSuffix = (year: number) => `/KS-REP/JIPPNAS/${year}`;
export const certificateNumberSuffix = (year: number) => `/SRT-REP/JIPPNAS/${year}`;

/** `007/KS-REP/JIPPNAS/2025`: the 7th agreement numbered in 2025. */
export function formatAgreementNumber(sequence: number, year: number): string {
	return `${String(sequence).padStart(3, '0')}${agreementNumberSuffix(year)}`;
}

/** `012/SRT-REP/JIPPNAS/2025`: the 12th completion certificate of 2025. */
export function formatCertificateNumber(sequence: number, year: number): string {
	return `${String(sequence).padStart(3, '0')}${certificateNumberSuffix(year)}`;
}
