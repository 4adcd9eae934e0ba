/**
 * Accepts a source file uploaded by an admin and queues its import for the background worker.
 * Everything that can be known about the file without writing to the registry is checked here
 * (source, size, type, readable, required columns, mapping profile), so a bad upload gets its
 * reason at once and nothing is queued or stored.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema';
import {
	importJobPayloadSchema,
	UPLOAD_MESSAGES,
	uploadExtension,
	type ImportJobPayload
} from '../domain/import/import-job';
import { applyMappingProfile, DEFAULT_MAPPING_PROFILES, mappingProfileSchema, type MappingProfile } from '../domain/import/mapping-profile';
import { SOURCES } from '../domain/vocabulary';
import { AppError } from '../errors';
import { readSourceRows } from '../import/read-source-file';
import { storeUpload } from '../import/upload-store';
import { authorize, type Actor } from '../policy';
import { insertJob } from '../repositories/job-repository';

/** The parts of a Web `File` used here (what `request.formData()` gives for a file field). */
export interface UploadedFile {
	name: string;
	size: number;
	arrayBuffer(): Promise<ArrayBuffer>;
}

export interface QueueImportJobInput {
	source: unknown;
	file: UploadedFile | null;
	/** Optional mapping profile (JSON file); an empty file field counts as none. */
	mapping?: UploadedFile | null;
	/** DATA_DIR/uploads */
	uploadDir: string;
	maxBytes: number;
}

export interface QueuedImportJob {
	jobId: number;
	checksum: string;
}

const sourceSchema = z.enum(SOURCES, { error: UPLOAD_MESSAGES.source });
const MAX_PROFILE_BYTES = 1024 * 1024;

const invalid = (message: string) => new AppError('VALIDATION_FAILED', message);
const isChosen = (file: UploadedFile | null | undefined): file is UploadedFile => !!file && (file.name !== '' || file.size > 0);

export async function queueImportJob(db: Kysely<DB>, actor: Actor, input: QueueImportJobInput): Promise<QueuedImportJob> {
	authorize(actor, 'import.run');
	const parsedSource = sourceSchema.safeParse(input.source);
	if (!parsedSource.success) throw invalid(UPLOAD_MESSAGES.source);
	const source = parsedSource.data;

	const file = input.file;
	if (!isChosen(file)) throw invalid(UPLOAD_MESSAGES.noFile);
	// Checked before the bytes are read into memory.
	if (file.size > input.maxBytes) {
		throw new AppError('UPLOAD_TOO_LARGE', UPLOAD_MESSAGES.tooLarge(Math.floor(input.maxBytes / (1024 * 1024))));
	}
	if (file.size === 0) throw invalid(UPLOAD_MESSAGES.empty);
	const extension = uploadExtension(file.name);
	if (!extension) throw invalid(UPLOAD_MESSAGES.extension);

	const mapping = isChosen(input.mapping) ? await readProfile(input.mapping, source) : null;
	const profile = mapping ?? DEFAULT_MAPPING_PROFILES[source];

	const bytes = new Uint8Array(await file.arrayBuffer());
	// The same reading the importer will do: an unreadable file or missing columns fail now.
	const read = await readSourceRows(bytes, { format: 'auto', fileName: file.name, sheet: profile.format?.sheet });
	if (read.rows.length === 0 && read.problems.length === 0) throw invalid(UPLOAD_MESSAGES.noRows);
	const columns = applyMappingProfile(profile, read.headers);
	if (columns.error) throw invalid(columns.error);

	const { storedName, checksum } = await storeUpload(input.uploadDir, bytes, extension);
	const payload: ImportJobPayload = importJobPayloadSchema.parse({
		source,
		fileName: file.name,
		storedName,
		checksum,
		size: bytes.byteLength,
		mapping
	});
	const jobId = await insertJob(db, { kind: 'import', payload: payload as unknown as Record<string, unknown>, actor: actor.id });
	return { jobId, checksum };
}

async function readProfile(file: UploadedFile, source: string): Promise<MappingProfile> {
	if (file.size > MAX_PROFILE_BYTES) throw invalid(UPLOAD_MESSAGES.profileNotJson);
	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder('utf-8').decode(await file.arrayBuffer()).replace(/^\uFEFF/, ''));
	} catch {
		throw invalid(UPLOAD_MESSAGES.profileNotJson);
	}
	const parsed = mappingProfileSchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw invalid(UPLOAD_MESSAGES.profileInvalid(issue.path.length ? ` (${issue.path.join('.')})` : '', issue.message));
	}
	if (parsed.data.source !== source) throw invalid(UPLOAD_MESSAGES.profileSource(parsed.data.source, source));
	return parsed.data;
}
