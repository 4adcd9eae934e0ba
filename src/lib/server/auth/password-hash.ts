import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords are stored as argon2id hashes (the library's defaults: 19 MiB, 2 passes, 1 lane,
 * OWASP's minimum). The PHC string carries its own parameters, so stronger settings later
 * still verify old hashes.
 */
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
	return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
	// Unknown accounts are checked against a fixed hash so that they answer as slowly as known
	// ones: the time taken does not reveal which e-mail addresses have accounts.
	try {
		return (await verify(stored ?? (await dummyHash()), password)) && stored !== null;
	} catch {
		return false;
	}
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
	dummy ??= hashPassword('jippnas-no-such-account');
	return dummy;
}
