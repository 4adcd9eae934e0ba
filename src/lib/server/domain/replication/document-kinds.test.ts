import { describe, expect, it } from 'vitest';
import type { ReplicationDocumentKind, ReplicationState } from '../../db/schema';
import { CLOSED_STATES, DOCUMENT_KINDS, documentKindRefusal, documentKindsFor, isDocumentKind, isDocumentKindAllowed, OPEN_STATES } from './document-kinds';

const ALL_STATES: ReplicationState[] = [...OPEN_STATES, ...CLOSED_STATES];

// The whole table, written out: state -> kinds that may be uploaded.
const EXPECTED: Record<ReplicationState, ReplicationDocumentKind[]> = {
	minat: ['surat_minat', 'lainnya'],
	diverifikasi: ['lainnya'],
	kesepakatan: ['kesepakatan_ditandatangani', 'lainnya'],
	persiapan: ['rencana_adaptasi', 'surat_komitmen', 'lainnya'],
	implementasi: ['surat_komitmen', 'laporan_pemantauan', 'lainnya'],
	pemantauan: ['laporan_pemantauan', 'lainnya'],
	selesai: [],
	ditolak: [],
	dihentikan: [],
	dibatalkan: []
};

describe('document kinds by state', () => {
	it('matches the table for every state and kind', () => {
		expect(ALL_STATES).toHaveLength(10);
		for (const state of ALL_STATES) {
			expect(documentKindsFor(state), state).toEqual(EXPECTED[state]);
			for (const kind of DOCUMENT_KINDS) {
				expect(isDocumentKindAllowed(kind, state), `${kind} in ${state}`).toBe(EXPECTED[state].includes(kind));
			}
		}
	});

	it('knows its kinds', () => {
		expect(isDocumentKind('surat_komitmen')).toBe(true);
		expect(isDocumentKind('foto')).toBe(false);
		expect(isDocumentKind(undefined)).toBe(false);
	});
});

describe('documentKindRefusal', () => {
	it('says when a kind can be uploaded, and that closed replications take none', () => {
		expect(documentKindRefusal('surat_komitmen', 'persiapan')).toBeNull();
		expect(documentKindRefusal('surat_komitmen', 'minat')).toBe(
			'Surat komitmen hanya dapat diunggah pada tahap persiapan atau implementasi; replikasi ini sedang pada tahap minat.'
		);
		expect(documentKindRefusal('lainnya', 'selesai')).toBe('Replikasi ini sudah ditutup (selesai); dokumen tidak dapat diunggah lagi.');
	});
});
