import type { UserRole } from '../../db/schema';

/** The signed-in roles and the scope each needs: one agency for operators, one hub for hub coordinators. */
export const USER_ROLES = ['admin', 'kurator', 'koordinator_hub', 'operator'] as const satisfies readonly UserRole[];

export const ROLE_LABELS: Record<UserRole, string> = {
	admin: 'Admin nasional',
	kurator: 'Kurator data',
	koordinator_hub: 'Koordinator hub',
	operator: 'Operator instansi'
};

export interface RoleScope {
	agencyId?: string | null;
	hubId?: string | null;
}

/**
 * Keeps only the scope the role uses (an admin has no agency), or says what is missing.
 */
export function scopeForRole(
	role: UserRole,
	scope: RoleScope
): { ok: true; agencyId: string | null; hubId: string | null } | { ok: false; message: string } {
	if (role === 'operator') {
		if (!scope.agencyId) return { ok: false, message: 'Operator harus terhubung ke satu instansi: pilih instansinya.' };
		return { ok: true, agencyId: scope.agencyId, hubId: null };
	}
	if (role === 'koordinator_hub') {
		if (!scope.hubId) return { ok: false, message: 'Koordinator hub harus terhubung ke satu hub: pilih hubnya.' };
		return { ok: true, agencyId: null, hubId: scope.hubId };
	}
	return { ok: true, agencyId: null, hubId: null };
}
