import { describe, expect, it } from 'vitest';
import { describeMatchReason } from './match-reasons';

describe('describeMatchReason', () => {
	it('keeps text as it is', () => {
		expect(describeMatchReason('judul mirip')).toBe('judul mirip');
	});

	it('shows the text of an object with its points', () => {
		expect(describeMatchReason({ reason: 'instansi sama', points: 30 })).toBe('instansi sama (+30)');
		expect(describeMatchReason({ message: 'tahun berbeda', score: -5 })).toBe('tahun berbeda (-5)');
		expect(describeMatchReason({ label: 'judul mirip' })).toBe('judul mirip');
	});

	it('lists the fields of an object without a text', () => {
		expect(describeMatchReason({ field: 'title', similarity: 0.92 })).toBe('field: title, similarity: 0.92');
	});

	it('turns other values into text', () => {
		expect(describeMatchReason(42)).toBe('42');
	});
});
