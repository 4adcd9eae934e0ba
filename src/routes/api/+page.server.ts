import { getOpenApiDocument } from '$lib/server/api/api-routes';
import { describeApi } from '$lib/server/api/docs-view';
import type { PageServerLoad } from './$types';

// A reference to read, not an application: no client-side JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ url }) => ({
	api: describeApi(await getOpenApiDocument(), url.origin)
});
