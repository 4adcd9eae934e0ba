import { describe, expect, it } from 'vitest';
import { INBOX_BOX_BY_WORD, INBOX_WORD_BY_BOX, inboxScopesOf } from './inboxes';

describe('replication inboxes', () => {
	it('gives each role its boxes, the default first', () => {
		expect(inboxScopesOf({ role: 'operator', agencyId: 'pemkab-53.09' }, false)).toEqual([
			{ box: 'received', agencyId: 'pemkab-53.09' },
			{ box: 'made', agencyId: 'pemkab-53.09' }
		]);
		expect(inboxScopesOf({ role: 'koordinator_hub', hubId: 'hub-ntt' }, false)).toEqual([{ box: 'hub', hubId: 'hub-ntt' }]);
		expect(inboxScopesOf({ role: 'kurator' }, true)).toEqual([{ box: 'all' }]);
		expect(inboxScopesOf({ role: 'operator', agencyId: null }, false)).toEqual([]);
	});

	it('names the boxes in Indonesian both ways', () => {
		for (const [word, box] of Object.entries(INBOX_BOX_BY_WORD)) expect(INBOX_WORD_BY_BOX[box]).toBe(word);
	});
});
