import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { provideAppDatabase } from '../../lib/server/app-database';
import { findDirectRoute, publishedDirectRoutes } from '../../lib/server/http/direct-routes';
import { startImportWorker } from '../../lib/server/jobs/import-worker';
import { startReplicationTimers } from '../../lib/server/jobs/replication-timers';
import { smtpTransport } from '../../lib/server/auth/mail-transport';
import { warmSearchIndex } from '../../lib/server/search/search-index-lifecycle';
import { loadConfig, type AppConfig } from '../../lib/server/config/env';
import type { AppDatabase } from '../../lib/server/db/database';
import { isRegistryEmpty } from '../../lib/server/services/is-registry-empty';
import {
	DEFAULT_DEMO_COUNT,
	seedDemoData,
	type SeedDemoOutcome
} from '../../lib/server/services/seed-demo-data';
import { CliError, parseCommandArgs } from '../arguments';
import { compressResponse } from '../compression';
import { CLEAR_READ_CACHES, superviseServerProcesses, WORKER_NUMBER_ENV } from '../serve-cluster';
import { clearReadCaches, onReadCachesCleared } from '../../lib/server/read-cache';
import { describeDatabase, openConfiguredDatabase, prepareDatabase } from '../database';
import type { CliCommand } from '../main';
import { createProgress } from '../progress';
import { loadStopWords } from '../stop-words';
import { loadSearchAbbreviationsIfEmpty } from '../../lib/server/services/load-search-abbreviations';
import { describeAbbreviationOutcome } from './load-abbreviations';
import { loadRegionBoundariesIfEmpty } from '../../lib/server/services/load-region-boundaries';
import { DEFAULT_BOUNDARY_DIR, describeBoundaryOutcome } from './load-boundaries';
import { describeSeedOutcome } from './seed';

const HELP = `Penggunaan: jippnas serve

Menjalankan situs dan API JIPPNas. Sebelum mulai: menerapkan migrasi basis data dan memuat
data rujukan wilayah dan instansi. Bila basis data PGlite masih kosong, diisi dulu
${new Intl.NumberFormat('id-ID').format(DEFAULT_DEMO_COUNT)} inovasi contoh yang fiktif (matikan dengan SEED_DEMO=never). Basis data
PostgreSQL dari DATABASE_URL tidak pernah diisi data contoh secara otomatis.

Memerlukan hasil build aplikasi web: jalankan "npm run build" lebih dulu.
Berhenti dengan Ctrl+C (SIGINT) atau SIGTERM; permintaan yang sedang berjalan diselesaikan dulu.

Variabel lingkungan: PORT (3000), HOST (0.0.0.0), DATA_DIR (./data), DATABASE_URL,
BASE_URL (alamat publik; wajib bila situs berada di balik proxy HTTPS), SEED_DEMO (auto|never),
WEB_CONCURRENCY (1; dengan DATABASE_URL: jumlah proses server yang berbagi port, mis. jumlah inti).

Opsi:
  -h, --help    Menampilkan bantuan ini`;

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const HANDLER = path.join(PACKAGE_ROOT, 'build', 'handler.js');
// adapter-node assumes https when it cannot tell the protocol; this server speaks plain http,
// so unless an ORIGIN or a proxy's protocol header is configured, it states so on each request.
const LOCAL_PROTOCOL_HEADER = 'x-jippnas-protocol';
const FORCE_CLOSE_AFTER_MS = 10_000;

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

export const command: CliCommand = {
	help: HELP,
	async run(argv) {
		parseCommandArgs('serve', argv, {}, z.object({}));
		const config = loadConfig();
		if (!existsSync(HANDLER)) {
			throw new CliError(
				`Hasil build aplikasi web tidak ditemukan (${HANDLER}). Jalankan "npm run build" di ${PACKAGE_ROOT} terlebih dahulu.`
			);
		}
		// A server process forked by the primary below: the primary has prepared the database.
		if (cluster.isWorker) {
			const number = Number(process.env[WORKER_NUMBER_ENV] ?? 1);
			return serveInThisProcess(config, { prepare: false, background: number === 1, processNumber: number });
		}
		console.log(`Basis data: ${describeDatabase(config)}`);
		let processes = config.WEB_CONCURRENCY;
		if (processes > 1 && !config.DATABASE_URL) {
			console.warn(`WEB_CONCURRENCY=${processes} diabaikan: basis data PGlite hanya dapat dibuka oleh satu proses.`);
			processes = 1;
		}
		if (processes === 1) return serveInThisProcess(config, { prepare: true, background: true, processNumber: null });

		const database = await openConfiguredDatabase(config);
		try {
			await prepare(database, config);
		} finally {
			await database.close();
		}
		console.log(`Menjalankan ${processes} proses server (WEB_CONCURRENCY) ...`);
		await superviseServerProcesses({
			processes,
			onListening: () => announce(config, ` dengan ${processes} proses`)
		});
	}
};

interface ServeOptions {
	/** Migrate, load reference data and seed first (not in a forked process: the primary did). */
	prepare: boolean;
	/** Run the import worker and the replication timers here (one process of a cluster). */
	background: boolean;
	/** This process's number in a cluster, null when it serves alone. */
	processNumber: number | null;
}

async function serveInThisProcess(config: AppConfig, options: ServeOptions): Promise<void> {
	const database = await openConfiguredDatabase(config);
	let server: Server;
	try {
		if (options.prepare) await prepare(database, config);
		provideAppDatabase(database);
		const ownProtocolHeader = configureOrigin(config);
		// Uploads on /admin/impor may be up to IMPORT_MAX_UPLOAD_MB, replication documents up to
		// UPLOAD_MAX_MB (plus the form around the file).
		process.env.BODY_SIZE_LIMIT ??= String((Math.max(config.IMPORT_MAX_UPLOAD_MB, config.UPLOAD_MAX_MB) + 1) * 1024 * 1024);
		const bodyLimit = Number(process.env.BODY_SIZE_LIMIT);
		const { handler } = (await import(pathToFileURL(HANDLER).href)) as { handler: NodeHandler };
		// Published by the built server as it initialised (its hooks' init).
		const directRoutes = publishedDirectRoutes();
		const processHeader = options.processNumber === null ? null : String(options.processNumber);
		server = createServer((req, res) => {
			if (ownProtocolHeader) req.headers[LOCAL_PROTOCOL_HEADER] = 'http';
			// Which of the cluster's processes answered: for operators reading logs, and tests.
			if (processHeader) res.setHeader('x-server-process', processHeader);
			// The busiest public reads, answered before SvelteKit (their answers are compressed already).
			const direct = findDirectRoute(directRoutes, req.method, req.url);
			if (direct) return direct(req, res);
			// A body announced as too large is refused in words, before the app reads any of it.
			if (Number(req.headers['content-length'] ?? 0) > bodyLimit) return refuseTooLarge(res, config);
			compressResponse(req, res);
			handler(req, res);
		});
		await listen(server, config);
	} catch (error) {
		await database.close();
		throw error;
	}
	const inCluster = options.processNumber !== null;
	const who = inCluster ? ` (proses ${options.processNumber})` : '';
	if (!inCluster) announce(config, '');
	const stopRelay = inCluster ? relayReadCacheClears(database) : () => {};
	// The in-process search index (decision 007) is built now, not on the first search.
	const indexStarted = performance.now();
	void warmSearchIndex(database.db).then(
		() =>
			console.log(
				`Indeks pencarian siap dalam ${((performance.now() - indexStarted) / 1000).toFixed(1)} dtk${who} ` +
					`(memori ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB)`
			),
		(error: unknown) => console.error(`Indeks pencarian gagal dibangun${who}: ${error instanceof Error ? error.message : String(error)}`)
	);
	const background: Array<{ stop(): Promise<void> }> = [];
	if (options.background) {
		// Imports uploaded on /admin/impor run here; PGlite is this process's alone, so whatever
		// was running when it last stopped was interrupted and is queued again.
		background.push(
			startImportWorker(database.db, {
				uploadDir: path.join(config.DATA_DIR, 'uploads'),
				staleAfterMs: config.IMPORT_STALE_MINUTES * 60_000,
				stopWords: loadStopWords(),
				aloneAtStart: database.kind === 'pglite'
			})
		);
		// Replication reminders (hourly) and the notification e-mails queued in the outbox.
		background.push(
			startReplicationTimers(database.db, {
				mailer: { transport: config.SMTP_URL ? smtpTransport(config.SMTP_URL) : null, from: config.MAIL_FROM },
				baseUrl: config.BASE_URL ?? `http://localhost:${config.PORT}`
			})
		);
	}
	await untilStopped(server, database, {
		stop: () => Promise.all(background.map((work) => work.stop())).then(() => stopRelay()),
		quiet: inCluster
	});
}

function announce(config: AppConfig, suffix: string): void {
	const shownHost = ['0.0.0.0', '::'].includes(config.HOST) ? 'localhost' : config.HOST;
	console.log(`JIPPNas berjalan di http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${config.PORT}${suffix}`);
	if (config.BASE_URL) console.log(`Alamat publik: ${config.BASE_URL}`);
}

/**
 * In a cluster: a write here clears this process's read caches (and marks its search index
 * stale); the primary passes that on, so the sibling processes forget theirs too.
 */
function relayReadCacheClears(database: AppDatabase): () => void {
	let fromSibling = false;
	const stopListening = onReadCachesCleared((db) => {
		if (!fromSibling && db === database.db && process.connected) process.send?.(CLEAR_READ_CACHES);
	});
	const onMessage = (message: unknown) => {
		if (message !== CLEAR_READ_CACHES) return;
		fromSibling = true;
		try {
			clearReadCaches(database.db);
		} finally {
			fromSibling = false;
		}
	};
	process.on('message', onMessage);
	return () => {
		stopListening();
		process.off('message', onMessage);
	};
}

async function prepare(database: AppDatabase, config: AppConfig): Promise<void> {
	const { migrations, referenceData } = await prepareDatabase(database, (name) =>
		console.log(`Menerapkan migrasi ${name} ...`)
	);
	if (migrations.applied.length) console.log(`Migrasi diterapkan: ${migrations.applied.join(', ')}.`);
	if (!referenceData.skipped) {
		console.log(`Data rujukan dimuat: ${referenceData.regions} wilayah, ${referenceData.agencies} instansi.`);
	}
	await loadDefaultAbbreviations(database);
	await loadDefaultBoundaries(database);
	// Demo data only ever goes into the embedded database, and only into an empty one: a
	// PostgreSQL server is someone's real registry.
	if (database.kind !== 'pglite' || config.SEED_DEMO === 'never') return;
	if (!(await isRegistryEmpty(database.db))) return;
	console.log(
		`Basis data masih kosong: mengisi ${new Intl.NumberFormat('id-ID').format(DEFAULT_DEMO_COUNT)} inovasi contoh agar situs bisa dicoba (atur SEED_DEMO=never untuk mematikan) ...`
	);
	const progress = createProgress('Mengisi data contoh');
	let outcome: SeedDemoOutcome;
	try {
		outcome = await seedDemoData(database.db, {
			count: DEFAULT_DEMO_COUNT,
			onProgress: (done, total) => progress.update(done, total)
		});
	} finally {
		progress.finish();
	}
	console.log(`${describeSeedOutcome(outcome)} Semua inovasi contoh bersifat fiktif.`);
}

// Beside the repository (../shared/data); a production install may not have it.
const ABBREVIATIONS = fileURLToPath(new URL('../../../../shared/data/bahasa/singkatan-pemerintahan.csv', import.meta.url));

/** Search synonyms from the government abbreviation list, once, while there are none yet. */
async function loadDefaultAbbreviations(database: AppDatabase): Promise<void> {
	const outcome = await loadSearchAbbreviationsIfEmpty(database.db, ABBREVIATIONS);
	if ('skipped' in outcome) {
		if (outcome.skipped === 'no-file') console.log(`Sinonim pencarian: ${ABBREVIATIONS} tidak ada, dilewati.`);
		return;
	}
	console.log(`Sinonim pencarian dimuat. ${describeAbbreviationOutcome(outcome)}`);
}

/** Province outlines and centroids for maps, once, while none are loaded (a failure only skips the maps). */
async function loadDefaultBoundaries(database: AppDatabase): Promise<void> {
	try {
		const outcome = await loadRegionBoundariesIfEmpty(database.db, DEFAULT_BOUNDARY_DIR);
		if ('skipped' in outcome) {
			if (outcome.skipped === 'no-file') console.log(`Batas wilayah untuk peta: ${DEFAULT_BOUNDARY_DIR} tidak ada, dilewati (peta tanpa garis batas).`);
			return;
		}
		console.log(`Batas wilayah untuk peta dimuat. ${describeBoundaryOutcome(outcome)}`);
	} catch (error) {
		console.error(`Batas wilayah untuk peta tidak dapat dimuat: ${error instanceof Error ? error.message : String(error)}`);
	}
}

function refuseTooLarge(res: ServerResponse, config: AppConfig): void {
	res.writeHead(413, { 'content-type': 'text/html; charset=utf-8', connection: 'close', 'cache-control': 'no-store' });
	res.end(
		`<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Berkas terlalu besar — JIPPNas</title></head>` +
			`<body><main><h1>Berkas terlalu besar</h1><p>Berkas terlalu besar: maksimal ${config.IMPORT_MAX_UPLOAD_MB} MB.</p>` +
			`<p><a href="/admin/impor">Kembali ke halaman impor</a></p></main></body></html>`
	);
}

/** Tells adapter-node the site's origin; returns whether this server sets the protocol itself. */
function configureOrigin(config: AppConfig): boolean {
	if (process.env.ORIGIN || process.env.PROTOCOL_HEADER) return false;
	if (config.BASE_URL) {
		process.env.ORIGIN = new URL(config.BASE_URL).origin;
		return false;
	}
	process.env.PROTOCOL_HEADER = LOCAL_PROTOCOL_HEADER;
	return true;
}

function listen(server: Server, config: AppConfig): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', (error: NodeJS.ErrnoException) => {
			const where = `${config.HOST}:${config.PORT}`;
			if (error.code === 'EADDRINUSE') {
				reject(new CliError(`Port ${config.PORT} sudah dipakai program lain. Hentikan program itu atau pilih port lain, mis. PORT=3001.`));
			} else if (error.code === 'EACCES') {
				reject(new CliError(`Tidak diizinkan mendengarkan di ${where}. Pilih port di atas 1024, mis. PORT=3000.`));
			} else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
				reject(new CliError(`Alamat HOST=${config.HOST} tidak tersedia di mesin ini.`));
			} else reject(error);
		});
		server.listen(config.PORT, config.HOST, () => resolve());
	});
}

/** Resolves once a signal has stopped the server (in-flight requests finished) and closed the database. */
function untilStopped(server: Server, database: AppDatabase, worker: { stop(): Promise<void>; quiet: boolean }): Promise<void> {
	return new Promise((resolve) => {
		let stopping = false;
		const stop = (signal: NodeJS.Signals | 'disconnect') => {
			if (stopping) {
				// In a cluster Ctrl+C reaches this process and the primary, which passes it on: the
				// second signal is the same request, and forcing is the primary's call.
				if (worker.quiet) return;
				console.error('Dihentikan paksa.');
				process.exit(130);
			}
			stopping = true;
			if (!worker.quiet) console.log(`\n${signal} diterima: menghentikan server ...`);
			const forceTimer = setTimeout(() => server.closeAllConnections(), FORCE_CLOSE_AFTER_MS);
			forceTimer.unref();
			server.close(() => {
				clearTimeout(forceTimer);
				worker
					.stop()
					.then(() => database.close())
					.catch((error: unknown) => console.error(`Basis data gagal ditutup: ${(error as Error).message}`))
					.finally(() => {
						if (!worker.quiet) console.log('Server berhenti.');
						process.off('SIGINT', stop);
						process.off('SIGTERM', stop);
						process.off('disconnect', onPrimaryGone);
						resolve();
					});
			});
			server.closeIdleConnections();
		};
		// A forked process whose primary has gone stops too.
		const onPrimaryGone = () => stop('disconnect');
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
		if (cluster.isWorker) process.on('disconnect', onPrimaryGone);
	});
}
