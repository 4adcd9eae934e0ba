import { error, redirect } from '@sveltejs/kit';
import { ERROR_TABLE } from '../errors';
import { can, type Actor, type PolicyAction } from '../policy';

/**
 * Signed-in pages: the public is sent to sign in (and brought back here afterwards), a signed-in
 * user without the right gets 403. Returns who is acting. For actions that need no resource.
 */
export function requirePermission(event: { locals: App.Locals; url: URL }, action: PolicyAction): Actor {
	const actor = event.locals.actor;
	if (!actor) redirect(303, `/masuk?kembali=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	if (!(can as (actor: Actor, action: PolicyAction) => boolean)(actor, action)) {
		error(403, { code: 'FORBIDDEN', message: ERROR_TABLE.FORBIDDEN.message });
	}
	return actor;
}
