import { describe, expect, it } from 'vitest';
import { diffRecords } from './record-diff';

describe('diffRecords', () => {
	it('lists only the fields that changed, with both values', () => {
		expect(diffRecords({ title: 'A', stage: 'penciptaan', sdgs: [3] }, { title: 'B', stage: 'penciptaan', sdgs: [3] })).toEqual({
			title: { from: 'A', to: 'B' }
		});
	});
	it('compares arrays by value and treats undefined as null', () => {
		expect(diffRecords({ sdgs: [1, 2], acronym: null }, { sdgs: [1, 2], acronym: undefined })).toEqual({});
		expect(diffRecords({ sdgs: [1, 2] }, { sdgs: [2, 1] })).toEqual({ sdgs: { from: [1, 2], to: [2, 1] } });
	});
	it('ignores fields absent from the new version and can be limited to some fields', () => {
		expect(diffRecords({ title: 'A', summary: 'x' }, { summary: 'y' })).toEqual({ summary: { from: 'x', to: 'y' } });
		expect(diffRecords({ title: 'A', summary: 'x' }, { title: 'B', summary: 'y' }, ['title'])).toEqual({
			title: { from: 'A', to: 'B' }
		});
	});
});
