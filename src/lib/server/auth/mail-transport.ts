import nodemailer from 'nodemailer';

/** Sends one message; throws when the server refuses it. */
export interface MailTransport {
	send(mail: { from: string; to: string; subject: string; text: string }): Promise<void>;
}

const transports = new Map<string, MailTransport>();

/** The SMTP transport for SMTP_URL (smtp:// with STARTTLS when offered, smtps:// for TLS), kept per URL. */
export function smtpTransport(smtpUrl: string): MailTransport {
	let transport = transports.get(smtpUrl);
	if (!transport) {
		// The SMTP transport reads host, port, TLS and credentials from `url`.
		const client = nodemailer.createTransport({
			url: smtpUrl,
			connectionTimeout: 10_000,
			greetingTimeout: 10_000,
			socketTimeout: 20_000
		} as Parameters<typeof nodemailer.createTransport>[0]);
		transport = {
			async send(mail) {
				await client.sendMail(mail);
			}
		};
		transports.set(smtpUrl, transport);
	}
	return transport;
}
