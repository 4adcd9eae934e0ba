import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../src/lib/server/db/database';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { syncReferenceData } from '../../src/lib/server/services/sync-reference-data';
import { prepareServerDatabase, startAppServer, type AppServer } from '../support/app-server';
import { createInnovation } from '../support/factories';
import { createUser, signIn, type TestSession } from '../support/sessions';

/**
 * `jippnas serve` with WEB_CONCURRENCY=2 on PostgreSQL (decision 009): two processes share the
 * port, and a write answered by one is not served stale by the other, whose read caches
 * (national figures: 30 s) are cleared through the primary. PGlite runs one process only, so
 * this runs in the PostgreSQL pass.
 */

let server: AppServer;
let session: TestSession;
let cleanup: () => Promise<void> = async () => {};

async function prepare(database: AppDatabase) {
	await runMigrations(database);
	await syncReferenceData(database.db);
	await createInnovation(database.db, { agency_id: 'pemkab-53.09', title: 'Inovasi Awal Proses Ganda' });
	session = await signIn(database, await createUser(database, { role: 'operator', agencyId: 'pemkab-53.09' }));
}

describe.runIf(process.env.DATABASE_URL)('serve with WEB_CONCURRENCY=2', () => {
	beforeAll(async () => {
		const prepared = await prepareServerDatabase('processes', prepare);
		cleanup = prepared.cleanup;
		server = await startAppServer({ ...prepared.options, env: { ...prepared.options.env, WEB_CONCURRENCY: '2' } });
	}, 240_000);

	afterAll(async () => {
		await server?.stop();
		await cleanup();
	});

	afterEach(({ task }) => {
		if (task.result?.state === 'fail' && server) console.error(`--- stderr server (${task.name}) ---\n${server.stderr.join('')}`);
	});

	/**
	 * A kept-alive connection to the given process: the primary hands new connections to the
	 * processes in turn once both listen (the server counts as ready when the first one answers).
	 */
	async function connectionTo(processNumber: string): Promise<http.Agent> {
		for (let attempt = 0; attempt < 40; attempt++) {
			const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
			if ((await call(agent, 'GET', '/api/v1/regions?limit=1')).process === processNumber) return agent;
			agent.destroy();
		}
		throw new Error(`Proses ${processNumber} tidak pernah menjawab.`);
	}

	function call(agent: http.Agent, method: string, path: string, body?: object): Promise<{ status: number; json: any; process: string }> {
		const payload = body ? JSON.stringify(body) : undefined;
		return new Promise((resolve, reject) => {
			const request = http.request(
				server.baseUrl + path,
				{
					method,
					agent,
					headers: payload
						? { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf, accept: 'application/json' }
						: { accept: 'application/json' }
				},
				(response) => {
					let text = '';
					response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
					response.on('end', () => resolve({ status: response.statusCode!, json: JSON.parse(text), process: String(response.headers['x-server-process']) }));
				}
			);
			request.on('error', reject);
			request.end(payload);
		});
	}

	it('answers from both processes and clears the sibling’s cached figures after a write', async () => {
		const [first, second] = [await connectionTo('1'), await connectionTo('2')];
		const before = await call(first, 'GET', '/api/v1/statistics');
		expect(before.status).toBe(200);
		// The second connection goes to the other process, which now caches the same figure.
		const sibling = await call(second, 'GET', '/api/v1/statistics');
		expect(sibling.json.innovations).toBe(before.json.innovations);
		expect([before.process, sibling.process]).toEqual(['1', '2']);

		const created = await call(first, 'POST', '/api/v1/innovations', {
			title: 'Layanan Dua Proses Serentak',
			summary: 'Inovasi uji untuk memeriksa bahwa proses server kedua tidak menyajikan angka yang basi.',
			yearStarted: 2024,
			confirmSimilar: true
		});
		expect(created.status).toBe(201);
		expect((await call(first, 'GET', '/api/v1/statistics')).json.innovations).toBe(before.json.innovations + 1);
		// The clear travels process -> primary -> process while the answer travels to us; without
		// it the sibling would answer its cached figure for 30 s.
		const deadline = Date.now() + 2_000;
		let seen = before.json.innovations;
		while (Date.now() < deadline && seen !== before.json.innovations + 1) seen = (await call(second, 'GET', '/api/v1/statistics')).json.innovations;
		expect(seen).toBe(before.json.innovations + 1);
	});
});
