import { z } from 'zod';
import { AFFAIR_CODES, STAGES } from './vocabulary';

/**
 * The fields of an innovation a person may change, as one zod schema for forms, the API and
 * the CLI. Every field is optional in an edit; `version` is the version the editor started from.
 */
const text = (label: string, max = 20_000) =>
	z.string({ error: `${label} harus berupa teks` }).trim().max(max, `${label} maksimal ${max} karakter`);
const optionalText = (label: string, max = 500) =>
	z.preprocess((v) => (v === '' ? null : v), text(label, max).nullable());
const isoDate = (label: string) =>
	z.preprocess(
		(v) => (v === '' ? null : v),
		z.iso.date({ error: `${label} harus berupa tanggal (TTTT-BB-HH)` }).nullable()
	);

export const innovationChangesSchema = z
	.object({
		title: text('Judul', 300).min(3, 'Judul minimal 3 karakter'),
		acronym: optionalText('Akronim', 60),
		yearStarted: z
			.number({ error: 'Tahun mulai harus berupa angka' })
			.int('Tahun mulai harus berupa angka tahun')
			.min(1945, 'Tahun mulai minimal 1945')
			.max(2100, 'Tahun mulai maksimal 2100')
			.nullable(),
		startedOn: isoDate('Tanggal mulai'),
		summary: text('Ringkasan'),
		problem: text('Latar belakang'),
		aims: text('Tujuan'),
		novelty: text('Kebaruan'),
		implementation: text('Implementasi'),
		results: text('Hasil dan dampak'),
		transferability: text('Kemampuan direplikasi'),
		resources: text('Sumber daya'),
		sustainabilityStrategy: text('Strategi keberlanjutan'),
		mainAffair: z.enum(AFFAIR_CODES, { error: 'Urusan pemerintahan tidak dikenal' }).nullable(),
		otherAffairs: z.array(z.enum(AFFAIR_CODES, { error: 'Urusan pemerintahan tidak dikenal' })).max(10),
		sdgs: z
			.array(z.number().int().min(1, 'SDG harus nomor 1-17').max(17, 'SDG harus nomor 1-17'))
			.max(17),
		isDigital: z.boolean({ error: 'Digital harus ya atau tidak' }).nullable(),
		stage: z.enum(STAGES, { error: 'Tahap inovasi tidak dikenal' }),
		sustainabilityStatus: z
			.enum(['berlanjut', 'berlanjut_dengan_pengembangan', 'berhenti'], { error: 'Status keberlanjutan tidak dikenal' })
			.nullable(),
		statusVerifiedOn: isoDate('Tanggal verifikasi status'),
		regulationRef: optionalText('Dasar regulasi'),
		budgetLine: optionalText('Mata anggaran'),
		sopRef: optionalText('SOP'),
		videoUrl: z.preprocess(
			(v) => (v === '' ? null : v),
			z.url({ protocol: /^https?$/, error: 'Tautan video harus berupa URL http(s)' }).nullable()
		)
	})
	.partial()
	.strict();

export type InnovationChanges = z.infer<typeof innovationChangesSchema>;

/** Column names of the changes (camelCase in the API, snake_case in the table). */
export const CHANGE_COLUMNS = {
	title: 'title',
	acronym: 'acronym',
	yearStarted: 'year_started',
	startedOn: 'started_on',
	summary: 'summary',
	problem: 'problem',
	aims: 'aims',
	novelty: 'novelty',
	implementation: 'implementation',
	results: 'results',
	transferability: 'transferability',
	resources: 'resources',
	sustainabilityStrategy: 'sustainability_strategy',
	mainAffair: 'main_affair',
	otherAffairs: 'other_affairs',
	sdgs: 'sdgs',
	isDigital: 'is_digital',
	stage: 'stage',
	sustainabilityStatus: 'sustainability_status',
	statusVerifiedOn: 'status_verified_on',
	regulationRef: 'regulation_ref',
	budgetLine: 'budget_line',
	sopRef: 'sop_ref',
	videoUrl: 'video_url'
} as const satisfies Record<keyof InnovationChanges, string>;

export function toColumns(changes: InnovationChanges): Record<string, unknown> {
	const columns: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(changes)) {
		if (value === undefined) continue;
		columns[CHANGE_COLUMNS[key as keyof InnovationChanges]] = value;
	}
	return columns;
}
