import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { authorize, can, type Actor } from './policy';

const admin: Actor = { id: 'a', role: 'admin' };
const curator: Actor = { id: 'c', role: 'kurator' };
const hubCoordinator: Actor = { id: 'h', role: 'koordinator_hub', hubId: 'hub-daerah-53' };
const operator: Actor = { id: 'o', role: 'operator', agencyId: 'pemkab-53.09' };
const ownInnovation = { agency_id: 'pemkab-53.09' };
const otherInnovation = { agency_id: 'pemkot-35.78' };

describe('policy', () => {
	it('lets admins, curators and the owning operator edit', () => {
		expect(can(admin, 'innovation.update', otherInnovation)).toBe(true);
		expect(can(curator, 'innovation.update', otherInnovation)).toBe(true);
		expect(can(operator, 'innovation.update', ownInnovation)).toBe(true);
		expect(can(operator, 'innovation.update', otherInnovation)).toBe(false);
		expect(can(hubCoordinator, 'innovation.update', ownInnovation)).toBe(false);
	});
	it('keeps restoring a deleted innovation for admins', () => {
		expect(can(admin, 'innovation.restore')).toBe(true);
		expect(can(curator, 'innovation.restore')).toBe(false);
		expect(can(operator, 'innovation.restore')).toBe(false);
	});
	it('refuses the public: unauthenticated, then forbidden', () => {
		expect(can(null, 'innovation.readContact')).toBe(false);
		expect(() => authorize(null, 'innovation.restore')).toThrowError(
			expect.objectContaining({ code: 'UNAUTHENTICATED' }) as unknown as AppError
		);
		expect(() => authorize(operator, 'innovation.delete', otherInnovation)).toThrowError(
			expect.objectContaining({ code: 'FORBIDDEN' }) as unknown as AppError
		);
		expect(() => authorize(operator, 'innovation.delete', ownInnovation)).not.toThrow();
	});
});
