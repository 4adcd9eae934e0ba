import { describe, expect, it } from 'vitest';
import { compareNarratives, narrativeFeatures, stopWordsKeyOf } from '../matching/similarity';
import { prepareRecord } from '../matching/score';
import type { MatchRecord } from '../matching/types';
import { emptyCandidate, type CanonicalCandidate, type NormalisedSourceRecord } from './normalise-source-record';
import { mappedDocument, matchFeaturesOf, matchRecordOfMapped, readMatchFeatures } from './stored-record';

const STOP_WORDS = new Set(['dan', 'yang', 'dari']);

function candidate(overrides: Partial<CanonicalCandidate> = {}): CanonicalCandidate {
	return {
		...emptyCandidate('BU TAAT (Bersama Untuk PBB Lunas)', 'A-0157', '32.78'),
		acronym: 'BU TAAT',
		yearStarted: 2021,
		summary: 'Warga membayar PBB di balai desa.',
		problem: 'Realisasi PBB rendah, 55,1% dari target.',
		implementation: 'Menjangkau 2.340 wajib pajak dengan anggaran Rp 120 juta.',
		results: 'Realisasi naik menjadi 69,9%.',
		...overrides
	};
}

function normalised(record: CanonicalCandidate): NormalisedSourceRecord {
	const text = [record.summary, record.problem, record.aims, record.novelty, record.implementation, record.results].filter(Boolean).join(' ');
	return { externalId: 'SNV-1', record, match: { year: 2023, text }, learnedPanrbId: null };
}

describe('stored source records', () => {
	it('keeps the narrative once in mapped: the match part holds the year, and the text only without a summary', () => {
		const withSummary = mappedDocument(normalised(candidate()), 'abc');
		expect(withSummary).toEqual({ record: candidate(), match: { year: 2023 }, rawChecksum: 'abc' });
		const withoutSummary = mappedDocument(normalised(candidate({ summary: '' })), 'abc');
		expect(withoutSummary.match).toEqual({ year: 2023, text: normalised(candidate({ summary: '' })).match.text });
	});

	it('reads back the match features it stored, under the same stop words only', () => {
		const value = normalised(candidate());
		const record: MatchRecord = { key: 'panrb:SNV-1', source: 'panrb', title: value.record.title, agencyId: 'A-0157', regionCode: '32.78', year: 2023, text: value.match.text };
		const prepared = prepareRecord(record, { stopWords: STOP_WORDS });
		const stored = JSON.parse(JSON.stringify(matchFeaturesOf(prepared, stopWordsKeyOf(STOP_WORDS))));
		const read = readMatchFeatures(stored, stopWordsKeyOf(new Set(['yang', 'dan', 'dari'])));
		expect(read).not.toBeNull();
		expect(read!.record).toEqual({ title: record.title, agencyId: 'A-0157', regionCode: '32.78', year: 2023 });
		expect(read!.hasText).toBe(true);
		expect([...read!.narrative.words]).toEqual([...prepared.narrative.words]);
		expect(read!.narrative.figures).toEqual(prepared.narrative.figures);
		expect(compareNarratives(read!.narrative, prepared.narrative).score).toBe(1);
		// Other stop words give other word hashes: the features must be computed again.
		expect(readMatchFeatures(stored, stopWordsKeyOf(new Set(['dan'])))).toBeNull();
		expect(readMatchFeatures(null, stopWordsKeyOf(STOP_WORDS))).toBeNull();
		expect(readMatchFeatures({ ...stored, words: 'abc' }, stopWordsKeyOf(STOP_WORDS))).toBeNull();
	});

	it('rebuilds the comparison record from mapped, in the current shape and in the shape stored before 0014', () => {
		const value = normalised(candidate());
		const current = matchRecordOfMapped('panrb:SNV-1', 'panrb', mappedDocument(value, 'abc'));
		expect(current).toEqual({
			key: 'panrb:SNV-1',
			source: 'panrb',
			title: value.record.title,
			agencyId: 'A-0157',
			regionCode: '32.78',
			year: 2023,
			text: value.match.text
		});
		const legacy = matchRecordOfMapped('lan:7', 'lan', {
			record: candidate(),
			match: { title: 'Bu Taat', agencyId: 'A-0157', regionCode: '32.78', year: 2020, text: 'Narasi lama 2.340 wajib pajak' },
			rawChecksum: 'x'
		});
		expect(legacy).toEqual({ key: 'lan:7', source: 'lan', title: 'Bu Taat', agencyId: 'A-0157', regionCode: '32.78', year: 2020, text: 'Narasi lama 2.340 wajib pajak' });
		expect(narrativeFeatures(legacy!.text).figures).toEqual(['2340']);
		// Demo records are stored without a candidate: nothing to compare.
		expect(matchRecordOfMapped('panrb:9', 'panrb', {})).toBeNull();
	});
});
