import { Writable } from 'node:stream';
import { AppError } from '$lib/server/errors';
import { throwPageError } from '$lib/server/http/page-errors';
import { requirePermission } from '$lib/server/http/require-permission';
import { parsePathId } from '$lib/server/http/route-ids';
import { exportQuarantine, QUARANTINE_FORMATS, type QuarantineFormat } from '$lib/server/services/export-quarantine';
import type { RequestHandler } from './$types';

const CONTENT_TYPES: Record<QuarantineFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/** /admin/impor/12/karantina.csv and .xlsx: the run's quarantined rows with their reasons, as a download. */
export const GET: RequestHandler = async (event) => {
	requirePermission(event, 'import.run');
	const { params, locals } = event;
	try {
		const runId = parsePathId(params.id, () => new AppError('IMPORT_RUN_NOT_FOUND', `Impor #${params.id} tidak ditemukan.`));
		const format = params.format as QuarantineFormat;
		if (!QUARANTINE_FORMATS.includes(format)) throw new AppError('NOT_FOUND', 'Format unduhan tidak dikenal. Pilih csv atau xlsx.');
		const chunks: Buffer[] = [];
		const out = new Writable({
			write(chunk: Buffer, _encoding, callback) {
				chunks.push(chunk);
				callback();
			}
		});
		await exportQuarantine(locals.db.db, { runId, format, out });
		return new Response(Buffer.concat(chunks), {
			headers: {
				'content-type': CONTENT_TYPES[format],
				'content-disposition': `attachment; filename="karantina-impor-${runId}.${format}"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (error) {
		throwPageError(error);
	}
};
