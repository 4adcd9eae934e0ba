import { describe, expect, it } from 'vitest';
import { describeMatchReason } from './match-reasons';

describe('describeMatchReason', () => {
	it('shows the matcher note with how well the feature agreed and how much it counts', () => {
		expect(describeMatchReason({ feature: 'acronym', value: 1, weight: 0.1, note: 'Akronim sama: GOPEDULI' })).toBe(
			'Akronim sama: GOPEDULI — kecocokan 100%, bobot 10%'
		);
		expect(describeMatchReason({ feature: 'text', value: 0.599, weight: 0.3, note: 'Narasi 60% mirip' })).toBe(
			'Narasi 60% mirip — kecocokan 60%, bobot 30%'
		);
		expect(describeMatchReason({ feature: 'region', value: 0, weight: 0, note: 'Wilayah tidak diketahui' })).toBe(
			'Wilayah tidak diketahui (tidak dihitung)'
		);
	});

	it('keeps text reasons and other shapes readable', () => {
		expect(describeMatchReason('judul mirip')).toBe('judul mirip');
		expect(describeMatchReason({ message: 'tahun berbeda' })).toBe('tahun berbeda');
		expect(describeMatchReason({ field: 'title', similarity: 0.92 })).toBe('field: title, similarity: 0.92');
		expect(describeMatchReason(42)).toBe('42');
	});
});
