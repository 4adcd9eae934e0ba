import { tmpdir } from 'node:os';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server';
import { checkA11y, launchBrowser } from '../support/browser';
import { runCli } from '../support/run-cli';
import { signInThroughForm } from '../support/sessions';

/** Signing in and out in Chromium without JavaScript: the account journey of every signed-in role. */

const USER = { email: 'kurator.akun@uji.go.id', password: 'kopi pagi di bajawa', name: 'Kurator Akun' };

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
	[server, browser] = await Promise.all([
		startAppServer({
			seedCount: 20,
			beforeServe: async (env) => {
				const result = await runCli(
					['user', 'create', '--email', USER.email, '--role', 'kurator', '--name', USER.name, '--password-stdin'],
					{ cwd: tmpdir(), env, stdin: USER.password }
				);
				if (result.code !== 0) throw new Error(`jippnas user create gagal:\n${result.stderr}`);
			}
		}),
		launchBrowser()
	]);
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

afterEach(({ task }) => {
	if (task.result?.state === 'fail' && server) console.error(`--- stderr server (${task.name}) ---\n${server.stderr.join('')}`);
});

describe('accounts in the browser', () => {
	it('a wrong password is explained; signing in shows the name; signing out ends the session', async () => {
		const context = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled: false });
		context.setDefaultTimeout(15_000);
		const page = await context.newPage();

		// The account page is behind sign-in and brings the user back to it.
		await page.goto('/akun');
		expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/masuk?kembali=%2Fakun');

		const signInPage = await page.goto('/masuk');
		const csp = signInPage!.headers()['content-security-policy'] ?? '';
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toContain("script-src 'self'");
		await page.getByLabel('Alamat e-mail').fill(USER.email);
		await page.getByLabel('Kata sandi', { exact: true }).fill('bukan sandinya');
		await page.getByRole('button', { name: 'Masuk', exact: true }).click();
		await expect(page.getByRole('alert').textContent()).resolves.toContain('E-mail atau kata sandi salah.');

		await signInThroughForm(page, server.baseUrl, USER, '/akun');
		expect(new URL(page.url()).pathname).toBe('/akun');
		await expect(page.getByRole('link', { name: `Masuk sebagai ${USER.name}` }).isVisible()).resolves.toBe(true);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Akun saya');

		await page.getByRole('button', { name: 'Keluar', exact: true }).click();
		await page.waitForURL((url) => url.pathname === '/masuk');
		await expect(page.getByRole('status').textContent()).resolves.toContain('Anda sudah keluar.');
		await page.goto('/akun');
		expect(new URL(page.url()).pathname).toBe('/masuk');
		await context.close();
	});

	it('the sign-in and account pages pass axe', async () => {
		const context = await browser.newContext({ baseURL: server.baseUrl });
		const page = await context.newPage();
		await page.goto('/masuk');
		await checkA11y(page);
		await signInThroughForm(page, server.baseUrl, USER, '/akun');
		await checkA11y(page);
		await context.close();
	});
});
