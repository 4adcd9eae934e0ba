import { fail } from '@sveltejs/kit';
import { smtpTransport } from '../auth/mail-transport';
import { loadConfig } from '../config/env';
import { AppError } from '../errors';
import type { Mailer } from '../services/send-mail';

/** Settings the account pages pass to services (which never read the environment themselves). */
export function accountSettings(url: URL): { sessionDays: number; baseUrl: string; configuredBaseUrl?: string; mailer: Mailer } {
	const config = loadConfig();
	return {
		sessionDays: config.SESSION_DAYS,
		// Links in e-mails point to the public address when it is configured, else to this one.
		baseUrl: config.BASE_URL ?? url.origin,
		configuredBaseUrl: config.BASE_URL,
		mailer: { transport: config.SMTP_URL ? smtpTransport(config.SMTP_URL) : null, from: config.MAIL_FROM }
	};
}

/** A domain error as the form's answer (status and Indonesian message); anything else is rethrown. */
export function formFailure<T extends Record<string, unknown>>(error: unknown, values: T = {} as T) {
	if (error instanceof AppError) return fail(error.status, { ...values, message: error.message });
	throw error;
}

/** A path on this site to return to after signing in; anything else (other sites, `//x`) is refused. */
export function localReturnPath(value: string | null | undefined, origin: string): string | null {
	// Browsers drop tabs and newlines inside URLs, which can turn "/\t/x" into "//x".
	if (!value || !value.startsWith('/') || /[\u0000-\u001f\\]/.test(value)) return null;
	const target = new URL(value, origin);
	return target.origin === origin ? target.pathname + target.search : null;
}

/** A text field of a submitted form ('' when absent or a file). */
export function field(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}
