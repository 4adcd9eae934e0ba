/**
 * Mapping profiles: which source header feeds which canonical field, and with which parser.
 * Profiles are JSON files an operator can copy and edit when a source renames or adds columns,
 * so headers are matched loosely (case, surrounding white space, BOM) and anything the profile
 * does not know is reported rather than guessed at. Values are not parsed here: the normaliser
 * reads `parser`/`separator` from the profile and does that.
 */
import { z } from 'zod';
import { SOURCES } from '../vocabulary';
import kemendagriProfile from './profiles/kemendagri.json';
import lanProfile from './profiles/lan.json';
import panrbProfile from './profiles/panrb.json';

export const FIELD_PARSERS = ['text', 'html', 'date', 'year', 'integer', 'decimal', 'list'] as const;
export type FieldParser = (typeof FIELD_PARSERS)[number];

export const SOURCE_FILE_FORMATS = ['csv', 'xlsx', 'json', 'jsonl'] as const;

const columnSchema = z
	.object({
		field: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'Nama field harus camelCase, misalnya externalId.'),
		required: z.boolean().optional(),
		parser: z.enum(FIELD_PARSERS).optional(),
		separator: z.string().min(1).optional()
	})
	.strict();

export const mappingProfileSchema = z
	.object({
		source: z.enum(SOURCES),
		version: z.literal(1),
		format: z
			.object({
				/** File formats this source delivers. */
				files: z.array(z.enum(SOURCE_FILE_FORMATS)).min(1).optional(),
				/** Worksheet holding the table in an XLSX file. */
				sheet: z.string().min(1).optional(),
				delimiter: z.enum([',', ';']).optional(),
				decimalSeparator: z.enum([',', '.']).optional()
			})
			.strict()
			.optional(),
		columns: z.record(z.string().min(1), columnSchema),
		headerAliases: z.record(z.string().min(1), z.string().min(1)).optional()
	})
	.strict()
	.superRefine((profile, ctx) => {
		const headers = new Map<string, string>();
		const fields = new Map<string, string>();
		for (const [header, column] of Object.entries(profile.columns)) {
			const key = headerKey(header);
			if (headers.has(key)) {
				ctx.addIssue({ code: 'custom', path: ['columns', header], message: `Kolom "${header}" ditulis dua kali.` });
			}
			headers.set(key, header);
			// Two headers feeding one field would make the value depend on column order.
			const previous = fields.get(column.field);
			if (previous !== undefined) {
				ctx.addIssue({
					code: 'custom',
					path: ['columns', header, 'field'],
					message: `Field "${column.field}" sudah dipakai oleh kolom "${previous}".`
				});
			}
			fields.set(column.field, header);
			if (column.parser === 'list' && column.separator === undefined) {
				ctx.addIssue({
					code: 'custom',
					path: ['columns', header, 'separator'],
					message: `Kolom "${header}" berisi daftar dan memerlukan pemisah (separator).`
				});
			}
		}
		for (const [variant, target] of Object.entries(profile.headerAliases ?? {})) {
			if (!headers.has(headerKey(target))) {
				ctx.addIssue({
					code: 'custom',
					path: ['headerAliases', variant],
					message: `Alias "${variant}" menunjuk kolom "${target}" yang tidak ada di profil.`
				});
			}
			if (headers.has(headerKey(variant))) {
				ctx.addIssue({
					code: 'custom',
					path: ['headerAliases', variant],
					message: `Alias "${variant}" sama dengan nama kolom di profil.`
				});
			}
		}
	});

export type MappingProfile = z.infer<typeof mappingProfileSchema>;

/** How headers are compared: case-insensitive, without BOM and surrounding or repeated white space. */
export function headerKey(header: string): string {
	return header.replace(/\uFEFF/g, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface MappedColumn {
	/** The header as written in the file. */
	header: string;
	/** The profile's column it was matched to (directly or through an alias). */
	sourceHeader: string;
	field: string;
	required: boolean;
	parser: FieldParser;
	separator?: string;
}

export interface HeaderMapping {
	columns: MappedColumn[];
	/** Headers the profile does not know; their values stay in the raw row. */
	unknownColumns: string[];
	/** Headers matched to a profile column that an earlier header already matched. */
	duplicateColumns: string[];
	/** Required profile columns with no header in the file, in profile order. */
	missingRequired: string[];
	/** `Kolom wajib tidak ada: ...` when a required column is missing, otherwise null. */
	error: string | null;
}

export function applyMappingProfile(profile: MappingProfile, headers: readonly string[]): HeaderMapping {
	const byKey = new Map<string, string>();
	for (const header of Object.keys(profile.columns)) byKey.set(headerKey(header), header);
	for (const [variant, target] of Object.entries(profile.headerAliases ?? {})) {
		const resolved = byKey.get(headerKey(target));
		if (resolved !== undefined) byKey.set(headerKey(variant), resolved);
	}

	const columns: MappedColumn[] = [];
	const unknownColumns: string[] = [];
	const duplicateColumns: string[] = [];
	const seen = new Set<string>();
	for (const header of headers) {
		const sourceHeader = byKey.get(headerKey(header));
		if (sourceHeader === undefined) {
			unknownColumns.push(header);
			continue;
		}
		if (seen.has(sourceHeader)) {
			duplicateColumns.push(header);
			continue;
		}
		seen.add(sourceHeader);
		const column = profile.columns[sourceHeader]!;
		columns.push({
			header,
			sourceHeader,
			field: column.field,
			required: column.required ?? false,
			parser: column.parser ?? 'text',
			...(column.separator !== undefined ? { separator: column.separator } : {})
		});
	}

	const missingRequired = Object.entries(profile.columns)
		.filter(([header, column]) => column.required && !seen.has(header))
		.map(([header]) => header);
	return {
		columns,
		unknownColumns,
		duplicateColumns,
		missingRequired,
		error: missingRequired.length > 0 ? `Kolom wajib tidak ada: ${missingRequired.join(', ')}` : null
	};
}

export type RawValue = string | number | boolean | Date | null | undefined;

export interface MappedRow {
	/** The row exactly as read, unknown columns included. */
	raw: Record<string, RawValue>;
	/** Canonical field -> the value as text; null when the cell is empty or the column absent. */
	fields: Record<string, string | null>;
}

/**
 * Picks the profile's fields out of one row. Pass the mapping of the file's headers to avoid
 * matching them again for every row; without it the row's own keys are matched.
 */
export function mapRow(
	profile: MappingProfile,
	row: Record<string, RawValue>,
	mapping: HeaderMapping = applyMappingProfile(profile, Object.keys(row))
): MappedRow {
	const fields: Record<string, string | null> = { ...emptyFieldsOf(profile) };
	for (const column of mapping.columns) fields[column.field] = rawText(row[column.header]);
	return { raw: row, fields };
}

const emptyFields = new WeakMap<MappingProfile, { columns: MappingProfile['columns']; fields: Record<string, null> }>();

/**
 * Every field of the profile, null, in profile order: copied for each row (cheaper than building
 * it). Never handed out, so never changed; a profile given other columns gets it built again.
 */
function emptyFieldsOf(profile: MappingProfile): Record<string, null> {
	const known = emptyFields.get(profile);
	if (known && known.columns === profile.columns) return known.fields;
	const fields: Record<string, null> = {};
	for (const column of Object.values(profile.columns)) fields[column.field] = null;
	emptyFields.set(profile, { columns: profile.columns, fields });
	return fields;
}

/** A cell as text, without interpreting it: the normaliser parses it with the column's parser. */
function rawText(value: RawValue): string | null {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return null;
		const iso = value.toISOString();
		// Spreadsheet date cells carry no time; keep them as plain dates.
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
	}
	const text = String(value);
	return text.trim() === '' ? null : text;
}

/** The profiles for the contract in docs/source-formats.md; operators start from a copy. */
export const DEFAULT_MAPPING_PROFILES: Readonly<Record<(typeof SOURCES)[number], MappingProfile>> = {
	panrb: mappingProfileSchema.parse(panrbProfile),
	kemendagri: mappingProfileSchema.parse(kemendagriProfile),
	lan: mappingProfileSchema.parse(lanProfile)
};
