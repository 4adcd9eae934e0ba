import type { RequestHandler } from '@sveltejs/kit';
import { errorResponse } from '$lib/server/api/define-endpoint';
import { AppError } from '$lib/server/errors';

/** Any other address under /api/v1, with any method: a JSON 404 rather than the HTML error page. */
export const fallback: RequestHandler = (event) =>
	errorResponse(
		new AppError('NOT_FOUND', 'Alamat API tidak ditemukan. Daftar endpoint ada di /api/v1/openapi.json.'),
		event
	);
