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
	// A new innovation entered by hand (create-innovation.ts).
	SIMILAR_INNOVATIONS_FOUND: {
		status: 409,
		message:
			'Sudah ada inovasi dengan judul yang sama atau hampir sama. Periksa daftarnya agar tidak tercatat dua kali; bila inovasi ini memang berbeda, simpan lagi dengan konfirmasi "Tetap simpan".'
	},
	INNOVATION_AGENCY_REQUIRED: { status: 400, message: 'Pilih instansi pemilik inovasi.' },
	FILE_UNREADABLE: { status: 400, message: 'Berkas tidak dapat dibaca.' },
	// Imports started from the web (admin/impor).
	UPLOAD_TOO_LARGE: { status: 413, message: 'Berkas terlalu besar.' },
	IMPORT_RUN_NOT_FOUND: { status: 404, message: 'Impor tidak ditemukan.' },
	IMPORT_JOB_NOT_FOUND: { status: 404, message: 'Antrean impor tidak ditemukan.' },
	SOURCE_UNAVAILABLE: { status: 502, message: 'Sumber data tidak dapat dihubungi. Coba lagi nanti.' },
	SOURCE_BAD_RESPONSE: { status: 502, message: 'Sumber data mengirim jawaban yang tidak dapat dibaca.' },
	SYNC_ALREADY_RUNNING: {
		status: 409,
		message: 'Sinkronisasi LAN untuk alamat ini sedang berjalan di proses lain. Tunggu sampai selesai, lalu jalankan lagi.'
	},
	// Accounts (sign-in, sessions, CSRF, password links, user management).
	SIGN_IN_FAILED: { status: 401, message: 'E-mail atau kata sandi salah.' },
	ACCOUNT_LOCKED: {
		status: 429,
		message:
			'Akun ini dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi nanti, atau atur ulang kata sandi melalui "Lupa kata sandi?".'
	},
	TOO_MANY_ATTEMPTS: {
		status: 429,
		message: 'Terlalu banyak percobaan masuk yang gagal dari alamat jaringan ini. Coba lagi nanti.'
	},
	ACCOUNT_DISABLED: {
		status: 403,
		message: 'Akun ini dinonaktifkan. Hubungi admin JIPPNas bila Anda memerlukan akses lagi.'
	},
	CSRF_INVALID: {
		status: 403,
		message:
			'Formulir ditolak: token keamanan tidak ada atau tidak cocok (mungkin halaman sudah terlalu lama dibuka). Muat ulang halaman, lalu kirim lagi.'
	},
	PASSWORD_LINK_INVALID: {
		status: 410,
		message:
			'Tautan ini tidak berlaku lagi: sudah dipakai, sudah kedaluwarsa, atau tidak lengkap tersalin. Minta tautan baru melalui "Lupa kata sandi?" atau kepada admin.'
	},
	WRONG_PASSWORD: { status: 400, message: 'Kata sandi saat ini salah.' },
	EMAIL_TAKEN: { status: 409, message: 'Alamat e-mail ini sudah dipakai akun lain.' },
	USER_NOT_FOUND: { status: 404, message: 'Pengguna tidak ditemukan.' },
	LAST_ADMIN: {
		status: 409,
		message: 'Admin nasional terakhir yang aktif tidak dapat dinonaktifkan atau diubah perannya.'
	},
	OWN_ACCOUNT: {
		status: 409,
		message: 'Anda tidak dapat menonaktifkan akun Anda sendiri atau mengubah peran Anda sendiri.'
	},
	// Curation of duplicates and agencies (review queue, merge/split/undo, agency queue).
	REVIEW_NOT_FOUND: { status: 404, message: 'Pasangan tinjauan tidak ditemukan.' },
	REVIEW_ALREADY_DECIDED: { status: 409, message: 'Pasangan ini sudah diputuskan oleh kurator lain.' },
	SOURCE_RECORD_NOT_FOUND: { status: 404, message: 'Rekaman sumber tidak ditemukan.' },
	MERGE_NOT_POSSIBLE: { status: 409, message: 'Kedua inovasi ini tidak dapat digabungkan.' },
	SPLIT_NOT_POSSIBLE: { status: 409, message: 'Rekaman sumber ini tidak dapat dipisahkan.' },
	DECISION_NOT_FOUND: { status: 404, message: 'Keputusan kurasi tidak ditemukan.' },
	DECISION_ALREADY_UNDONE: { status: 409, message: 'Keputusan ini sudah dibatalkan.' },
	DECISION_HAS_DEPENDENTS: {
		status: 409,
		message: 'Keputusan ini tidak dapat dibatalkan karena keputusan yang dibuat sesudahnya bergantung padanya.'
	},
	DECISION_NOT_UNDOABLE: { status: 409, message: 'Keputusan ini tidak dapat dibatalkan lagi karena datanya sudah berubah.' },
	AGENCY_NAME_ALREADY_RESOLVED: { status: 409, message: 'Nama instansi ini sudah dipetakan oleh kurator.' },
	// Search synonyms (admin/sinonim).
	SYNONYM_NOT_FOUND: { status: 404, message: 'Sinonim tidak ditemukan.' },
	SYNONYM_EXISTS: { status: 409, message: 'Pasangan istilah dan padanan ini sudah ada.' },
	SYNONYM_ALREADY_REMOVED: { status: 409, message: 'Sinonim ini sudah dihapus.' },
	// Replication documents and the PDFs generated from a replication.
	UPLOAD_EMPTY: { status: 400, message: 'Berkas kosong. Pilih berkas yang berisi dokumennya.' },
	UPLOAD_TYPE_NOT_ALLOWED: {
		status: 415,
		message: 'Berkas harus PDF, JPEG atau PNG. Isi berkas ini bukan salah satunya (nama berkas tidak menentukan jenisnya).'
	},
	DOCUMENT_NOT_FOUND: { status: 404, message: 'Dokumen tidak ditemukan.' },
	DOCUMENT_KIND_NOT_ALLOWED: { status: 409, message: 'Dokumen jenis ini tidak dapat diunggah pada tahap replikasi saat ini.' },
	DOCUMENT_ALREADY_REMOVED: { status: 409, message: 'Dokumen ini sudah dihapus.' },
	DOCUMENT_REMOVED: { status: 410, message: 'Dokumen ini sudah dihapus dan tidak dapat diunduh lagi.' },
	STORED_FILE_UNREADABLE: {
		status: 500,
		message: 'Berkas ini tidak dapat dibaca dari penyimpanan server. Hubungi admin JIPPNas.'
	},
	AGREEMENT_NOT_DRAFTED: { status: 409, message: 'Kesepakatan replikasi ini belum disusun, sehingga dokumennya belum dapat dibuat.' },
	CERTIFICATE_NOT_AVAILABLE: { status: 409, message: 'Sertifikat baru tersedia setelah replikasi dinyatakan selesai.' },
	// The replication workflow (domain/replication/state-machine.ts).
	REPLICATION_NOT_FOUND: { status: 404, message: 'Replikasi tidak ditemukan.' },
	REPLICATION_OWN_INNOVATION: {
		status: 409,
		message: 'Instansi tidak dapat mereplikasi inovasinya sendiri. Pilih inovasi dari instansi lain.'
	},
	REPLICATION_ALREADY_OPEN: {
		status: 409,
		message: 'Instansi ini sudah memiliki replikasi yang sedang berjalan untuk inovasi yang sama. Lanjutkan replikasi tersebut.'
	},
	REPLICATION_AGENCY_REQUIRED: { status: 400, message: 'Pilih instansi replikator yang diwakili.' },
	REPLICATION_PART_NOT_ALLOWED: {
		status: 403,
		message: 'Peran Anda dalam replikasi ini tidak mencakup langkah ini.'
	},
	REPLICATION_STEP_NOT_ALLOWED: {
		status: 409,
		message: 'Langkah ini tidak dapat dilakukan pada tahap replikasi saat ini. Muat ulang halaman untuk melihat tahap terbaru.'
	},
	REPLICATION_ALREADY_VERIFIED: { status: 409, message: 'Minat replikasi ini sudah diverifikasi fasilitator.' },
	REPLICATION_ALREADY_ACCEPTED: { status: 409, message: 'Minat replikasi ini sudah diterima instansi inovator.' },
	REPLICATION_AGREEMENT_NOT_DRAFTED: {
		status: 409,
		message: 'Kesepakatan belum disusun. Isi kewajiban para pihak dan masa berlakunya terlebih dahulu.'
	},
	REPLICATION_AGREEMENT_SIDE_REQUIRED: {
		status: 400,
		message: 'Pilih pihak yang dikonfirmasi: PIHAK PERTAMA (instansi inovator) atau PIHAK KEDUA (instansi replikator).'
	},
	REPLICATION_AGREEMENT_ALREADY_CONFIRMED: { status: 409, message: 'Pihak ini sudah mengonfirmasi kesepakatan.' },
	REPLICATION_AGREEMENT_NOT_CONFIRMED: {
		status: 409,
		message: 'Kesepakatan belum dikonfirmasi oleh kedua pihak (PIHAK PERTAMA dan PIHAK KEDUA).'
	},
	REPLICATION_SIGNED_AGREEMENT_MISSING: {
		status: 409,
		message: 'Unggah dahulu pindaian kesepakatan yang sudah ditandatangani kedua pihak.'
	},
	REPLICATION_PLAN_MISSING: { status: 409, message: 'Rencana adaptasi belum diisi.' },
	REPLICATION_COMMITMENT_MISSING: {
		status: 409,
		message: 'Unggah dahulu surat komitmen pelaksanaan replikasi sebelum memulai implementasi.'
	},
	REPLICATION_REPORT_MISSING: {
		status: 409,
		message: 'Replikasi belum dapat dinyatakan selesai: belum ada laporan pemantauan.'
	},
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
