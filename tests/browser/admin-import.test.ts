import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server';
import { checkA11y, launchBrowser } from '../support/browser';
import { runCli } from '../support/run-cli';
import { signInThroughForm } from '../support/sessions';

/**
 * An admin imports a source export from the web: signs in, uploads the PANRB sample, watches the
 * run finish with its counts, reads the quarantined row and downloads it as CSV; with
 * JavaScript (the page polls the progress) and without (the page refreshes itself).
 */

const PANRB_CSV = path.resolve(import.meta.dirname, '../../../shared/samples/panrb.csv');
const ADMIN = { email: 'admin-impor@uji.go.id', password: 'kata sandi uji 2025' };
const FINISH_TIMEOUT_MS = 90_000;

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
	[server, browser] = await Promise.all([
		startAppServer({
			seedCount: 20,
			beforeServe: async (env) => {
				const result = await runCli(['user', 'create', '--email', ADMIN.email, '--role', 'admin', '--name', 'Admin Impor', '--password-stdin'], {
					cwd: tmpdir(),
					env,
					stdin: ADMIN.password
				});
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

async function signedIn(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled, acceptDownloads: true });
	context.setDefaultTimeout(15_000);
	const page = await context.newPage();
	// The import pages send the public to sign in and bring them back.
	await page.goto('/admin/impor');
	expect(new URL(page.url()).pathname).toBe('/masuk');
	expect(new URL(page.url()).searchParams.get('kembali')).toBe('/admin/impor');
	await signInThroughForm(page, server.baseUrl, ADMIN, '/admin/impor');
	expect(new URL(page.url()).pathname).toBe('/admin/impor');
	return { context, page };
}

async function uploadAndWait(page: Page): Promise<void> {
	await page.getByLabel('Sumber data').selectOption('panrb');
	await page.getByLabel('Berkas ekspor').setInputFiles(PANRB_CSV);
	await page.getByRole('button', { name: 'Unggah dan impor' }).click();
	// The queue page moves on to the run's page once the worker has started it; that page
	// updates itself until the run has finished.
	await page.waitForURL(/\/admin\/impor\/\d+$/, { timeout: FINISH_TIMEOUT_MS });
	await page.locator('[data-status]', { hasText: 'berhasil sebagian' }).waitFor({ timeout: FINISH_TIMEOUT_MS });
}

const count = (page: Page, key: string) => page.locator(`[data-count="${key}"]`).textContent();

describe('importing from the web', () => {
	it('with JavaScript: uploads, watches the run finish, reads and downloads the quarantined row', async () => {
		const { context, page } = await signedIn(true);
		try {
			await checkA11y(page);
			await uploadAndWait(page);

			expect(await count(page, 'read')).toBe('42');
			expect(await count(page, 'inserted')).toBe('41');
			expect(await count(page, 'rejected')).toBe('1');
			const bar = page.locator('progress#kemajuan-bar');
			expect(await bar.getAttribute('value')).toBe('42');
			expect(await bar.getAttribute('max')).toBe('42');
			expect(await page.getByText('42 dari 42 baris (100%)').count()).toBe(1);

			const rows = page.locator('section[aria-labelledby="karantina"] tbody tr');
			expect(await rows.count()).toBe(1);
			expect((await rows.first().locator('td').nth(2).textContent())!.trim().length).toBeGreaterThan(10);
			await checkA11y(page);

			const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh CSV' }).click()]);
			expect(download.suggestedFilename()).toMatch(/^karantina-impor-\d+\.csv$/);
			const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
			expect(csv).toHaveLength(2);
			expect(csv[0]).toMatch(/,Baris,Alasan Karantina$/);

			// The run is in the list with its outcome and who started it.
			await page.getByRole('link', { name: 'Kembali ke daftar impor' }).click();
			const first = page.locator('section[aria-labelledby="riwayat"] tbody tr').first();
			expect(await first.textContent()).toContain('Admin Impor');
			expect(await first.textContent()).toContain('berhasil sebagian');
		} finally {
			await context.close();
		}
	}, 150_000);

	it('with JavaScript: the progress script moves the bar and counts in place, then reloads once finished', async () => {
		// The script alone, against answers of the progress endpoint played back in order: an
		// import of the samples finishes before a run page can be seen running.
		const context = await browser.newContext({ baseURL: server.baseUrl });
		const page = await context.newPage();
		try {
			const answers = [
				{ status: 'running', done: 10, total: 40, percent: 25, finished: false, counts: { inserted: 9, rejected: 1 } },
				{ status: 'partly', done: 40, total: 40, percent: 100, finished: true, counts: { inserted: 39, rejected: 1 } }
			];
			let served = 0;
			await page.route('**/admin/impor/7/kemajuan', (route) => route.fulfill({ json: answers[Math.min(served++, answers.length - 1)] }));
			await page.route('**/uji-kemajuan', (route) =>
				route.fulfill({
					contentType: 'text/html',
					body: `<!doctype html><html lang="id"><body><section data-progress-url="/admin/impor/7/kemajuan">
						<progress id="kemajuan-bar" max="40" value="0"></progress>
						<p data-progress-text="{done} dari {total} baris ({percent}%)">0 dari 40 baris (0%)</p>
						<dd data-count="inserted">0</dd><dd data-count="rejected">0</dd></section>
						<script src="/scripts/import-progress.js"></script></body></html>`
				})
			);
			await page.goto('/uji-kemajuan');
			await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
			await page.locator('[data-progress-text]', { hasText: '10 dari 40 baris (25%)' }).waitFor();
			expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
			expect(await page.locator('progress').evaluate((bar) => (bar as HTMLProgressElement).value)).toBe(10);
			expect(await page.locator('[data-count="inserted"]').textContent()).toBe('9');
			// Finished: the page reloads (the marker is gone) to show the outcome and the quarantine.
			await page.waitForFunction(() => (window as unknown as { marker?: boolean }).marker === undefined);
		} finally {
			await context.close();
		}
	});

	it('without JavaScript: the same upload finishes as unchanged rows', async () => {
		const { context, page } = await signedIn(false);
		try {
			await uploadAndWait(page);
			expect(await count(page, 'read')).toBe('42');
			expect(await count(page, 'unchanged')).toBe('41');
			expect(await count(page, 'inserted')).toBe('0');
			expect(await page.locator('script[src="/scripts/import-progress.js"]').count()).toBe(0);
		} finally {
			await context.close();
		}
	}, 150_000);
});
