/**
 * Domain errors carry a code; ERROR_TABLE maps each code to an HTTP status and the message a
 * user reads (Bahasa Indonesia). Services throw AppError and never know about HTTP; routes and
 * the CLI present it. Anything that is not an AppError is an internal error: logged, never shown.
 */
export const ERROR_TABLE = {
	VALIDATION_FAILED: { status: 400, message: 'Data yang dikirim tidak valid.' },
	UNAUTHENTICATED: { status: 401, message: 'Silakan masuk terlebih dahulu.' },
	FORBIDDEN: { status: 403, message: 'Anda tidak berwenang melakukan tindakan ini.' },
	NOT_FOUND: { status: 404, message: 'Data tidak ditemukan.' },
	INNOVATION_NOT_FOUND: { status: 404, message: 'Inovasi tidak ditemukan.' },
	AGENCY_NOT_FOUND: { status: 404, message: 'Instansi tidak ditemukan.' },
	REGION_NOT_FOUND: { status: 404, message: 'Wilayah tidak ditemukan.' },
	HUB_NOT_FOUND: { status: 404, message: 'Hub inovasi tidak ditemukan.' },
	METHOD_NOT_ALLOWED: { status: 405, message: 'Metode HTTP ini tidak didukung untuk alamat ini.' },
	STALE_VERSION: {
		status: 409,
		message:
			'Inovasi ini sudah diubah oleh orang lain sejak Anda membukanya. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda.'
	},
	ALREADY_DELETED: { status: 409, message: 'Inovasi ini sudah dihapus.' },
	NOT_DELETED: { status: 409, message: 'Inovasi ini tidak dalam keadaan terhapus.' },
	FILE_UNREADABLE: { status: 400, message: 'Berkas tidak dapat dibaca.' },
	INTERNAL: {
		status: 500,
		message: 'Terjadi kesalahan pada server. Silakan coba lagi beberapa saat lagi.'
	}
} as const;

export type ErrorCode = keyof typeof ERROR_TABLE;

export class AppError extends Error {
	constructor(
		public readonly code: ErrorCode,
		/** A more specific message for the user; the table's message when absent. */
		userMessage?: string,
		/** Field-level problems, e.g. from validation. */
		public readonly details?: Array<{ path: string; message: string }>
	) {
		super(userMessage ?? ERROR_TABLE[code].message);
		this.name = 'AppError';
	}

	get status(): number {
		return ERROR_TABLE[this.code].status;
	}
}

/** A zod failure as the VALIDATION_FAILED error: the first problem as the message, all as details. */
export function validationError(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): AppError {
	const details = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
	return new AppError('VALIDATION_FAILED', details[0]?.message, details);
}

export interface PresentedError {
	status: number;
	body: { error: { code: string; message: string; details?: Array<{ path: string; message: string }> } };
}

/** The response for any thrown value; internal errors reveal nothing of their cause. */
export function presentError(error: unknown): PresentedError {
	if (error instanceof AppError) {
		return {
			status: error.status,
			body: {
				error: {
					code: error.code,
					message: error.message,
					...(error.details?.length ? { details: error.details } : {})
				}
			}
		};
	}
	return {
		status: 500,
		body: { error: { code: 'INTERNAL', message: ERROR_TABLE.INTERNAL.message } }
	};
}
