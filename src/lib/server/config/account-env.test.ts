import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './env';

/** The account settings in the environment (SMTP_URL, MAIL_FROM, SESSION_DAYS). */
describe('account configuration', () => {
	it('has defaults: no SMTP (outbox only), 14-day sessions', () => {
		const config = parseConfig({});
		expect(config.SMTP_URL).toBeUndefined();
		expect(config.SESSION_DAYS).toBe(14);
		expect(config.MAIL_FROM).toBe('JIPPNas <noreply@jippnas.invalid>');
	});

	it('refuses wrong values with Indonesian messages', () => {
		const problems = (env: Record<string, string>) => {
			try {
				parseConfig(env);
			} catch (error) {
				return (error as ConfigError).problems;
			}
			return [];
		};
		expect(problems({ SMTP_URL: 'http://mail' })).toEqual([
			'SMTP_URL: SMTP_URL harus berupa URL smtp:// atau smtps://, mis. smtps://user:sandi@mail.example.go.id:465'
		]);
		expect(problems({ SESSION_DAYS: '0' })).toEqual(['SESSION_DAYS: SESSION_DAYS minimal 1']);
		expect(problems({ MAIL_FROM: 'bukan alamat' })[0]).toMatch(/^MAIL_FROM: MAIL_FROM harus berupa alamat e-mail/);
		expect(parseConfig({ SMTP_URL: 'smtps://u:p@mail.go.id:465', MAIL_FROM: 'JIPPNas <noreply@x.go.id>' }).SMTP_URL).toBe('smtps://u:p@mail.go.id:465');
	});
});
