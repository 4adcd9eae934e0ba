/**
 * Rules for imports started from the web: which uploads are accepted, what a queued import job
 * carries, and how far a run has come. No I/O.
 */
import { z } from 'zod';
import type { ImportCounts, ImportRunStatus } from '../../db/schema';
import { SOURCES } from '../vocabulary';
import { mappingProfileSchema } from './mapping-profile';

/** File name endings the readers understand (read-source-file.ts). */
export const UPLOAD_EXTENSIONS = ['.xlsx', '.csv', '.txt', '.json', '.jsonl', '.ndjson'] as const;

export const UPLOAD_MESSAGES = {
	source: 'Pilih sumber data: KemenPANRB, Kemendagri atau LAN.',
	noFile: 'Pilih berkas ekspor sumber yang akan diimpor.',
	empty: 'Berkas yang diunggah kosong.',
	tooLarge: (maxMb: number) => `Berkas terlalu besar: maksimal ${maxMb} MB.`,
	extension: 'Jenis berkas tidak didukung. Unggah berkas XLSX, CSV, JSON atau JSON Lines.',
	noRows: 'Berkas tidak berisi baris data.',
	profileNotJson: 'Profil pemetaan bukan JSON yang sah.',
	profileInvalid: (where: string, message: string) => `Profil pemetaan tidak valid${where}: ${message}`,
	profileSource: (profileSource: string, source: string) =>
		`Profil pemetaan ditulis untuk sumber "${profileSource}", bukan "${source}".`
} as const;

/** The extension of an uploaded file name (lower case), or null when it is not one we read. */
export function uploadExtension(fileName: string): (typeof UPLOAD_EXTENSIONS)[number] | null {
	const match = fileName.toLowerCase().match(/\.[a-z]+$/);
	const extension = match?.[0];
	return (UPLOAD_EXTENSIONS as readonly string[]).includes(extension ?? '') ? (extension as (typeof UPLOAD_EXTENSIONS)[number]) : null;
}

/** What a queued import job carries (jobs.payload). */
export const importJobPayloadSchema = z.object({
	source: z.enum(SOURCES),
	/** The name the file had on the uploader's computer (its extension picks the reader). */
	fileName: z.string().min(1),
	/** The stored copy under DATA_DIR/uploads. */
	storedName: z.string().regex(/^[0-9a-f]{64}\.[a-z]+$/),
	/** SHA-256 of the bytes, checked again before the import. */
	checksum: z.string().regex(/^[0-9a-f]{64}$/),
	size: z.number().int().min(1),
	mapping: mappingProfileSchema.nullable()
});
export type ImportJobPayload = z.infer<typeof importJobPayloadSchema>;

export interface ImportProgress {
	/** Rows dealt with so far (stored, unchanged or quarantined). */
	done: number;
	/** Rows read from the file. */
	total: number;
	/** 0..100, whole. */
	percent: number;
	finished: boolean;
}

/**
 * How far a run has come. The importer commits counts after each batch; rows of the file that a
 * later row with the same ID replaced are never counted, so a finished run counts as complete.
 */
export function importProgress(status: ImportRunStatus, counts: Partial<ImportCounts>): ImportProgress {
	const total = Math.max(0, counts.read ?? 0);
	const handled = (counts.inserted ?? 0) + (counts.updated ?? 0) + (counts.unchanged ?? 0) + (counts.rejected ?? 0);
	const finished = status !== 'running';
	const done = status === 'succeeded' || status === 'partly' ? total : Math.min(total, handled);
	return { done, total, percent: total === 0 ? (finished ? 100 : 0) : Math.floor((done / total) * 100), finished };
}
