/**
 * Sign-in rate limits, decided from the recent attempts alone (no I/O): an account locks after
 * ACCOUNT_MAX_FAILURES failures in a row, an address is held back after ADDRESS_MAX_FAILURES
 * failures for any accounts. Both count only the last WINDOW; attempts refused by the limit are
 * not recorded, so hammering a locked account does not keep it locked forever.
 */
export const THROTTLE = {
	accountMaxFailures: 5,
	addressMaxFailures: 20,
	windowMs: 15 * 60 * 1000
} as const;

export type ThrottleDecision =
	| { allowed: true }
	| { allowed: false; reason: 'account_locked' | 'address_limited'; until: Date };

export interface RecentAttempt {
	outcome: 'success' | 'failure' | 'reset';
	at: Date;
}

/**
 * `accountAttempts`: the e-mail's attempts in the window, any order. A success or a password
 * reset ends the run of failures. `addressFailures`: times of failed attempts from the address.
 */
export function evaluateLoginThrottle(input: {
	accountAttempts: RecentAttempt[];
	addressFailures: Date[];
	now: Date;
	limits?: typeof THROTTLE;
}): ThrottleDecision {
	const limits = input.limits ?? THROTTLE;
	const since = input.now.getTime() - limits.windowMs;
	const recent = input.accountAttempts
		.filter((a) => a.at.getTime() > since)
		.sort((a, b) => b.at.getTime() - a.at.getTime());
	const run: Date[] = [];
	for (const attempt of recent) {
		if (attempt.outcome !== 'failure') break;
		run.push(attempt.at);
	}
	if (run.length >= limits.accountMaxFailures) {
		return { allowed: false, reason: 'account_locked', until: new Date(run[0]!.getTime() + limits.windowMs) };
	}
	const fromAddress = input.addressFailures
		.filter((at) => at.getTime() > since)
		.sort((a, b) => b.getTime() - a.getTime());
	if (fromAddress.length >= limits.addressMaxFailures) {
		// Free again when the oldest of the last `max` failures leaves the window.
		const oldest = fromAddress[limits.addressMaxFailures - 1]!;
		return { allowed: false, reason: 'address_limited', until: new Date(oldest.getTime() + limits.windowMs) };
	}
	return { allowed: true };
}

/** Whole minutes until `until`, at least 1, for messages. */
export function minutesUntil(until: Date, now: Date): number {
	return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
