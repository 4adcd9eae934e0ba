import { readCache } from '../read-cache';

/**
 * Public pages and API answers are the same for every anonymous visitor, so a rendered answer
 * is reused for a few seconds (micro-caching, as a caching proxy would do). It is kept per
 * database handle, so any write through this process clears it with the other read caches.
 * Only anonymous GETs with a 200 answer that is not marked private or no-store are kept.
 */
export interface CachedResponse {
	status: number;
	headers: Array<[string, string]>;
	body: ArrayBuffer;
}

const MAX_ENTRIES = 500;
/** Larger answers (exports, big lists) are not worth the memory. */
const MAX_BODY_BYTES = 256 * 1024;

export function isCacheableRequest(request: Request, hasSession: boolean): boolean {
	return request.method === 'GET' && !hasSession && !request.headers.has('authorization');
}

export function publicResponseCache(db: object, ttlSeconds: number) {
	return readCache<CachedResponse | null>(db, 'public-responses', ttlSeconds * 1000, MAX_ENTRIES);
}

export async function toCachedResponse(response: Response): Promise<CachedResponse | null> {
	const cacheControl = response.headers.get('cache-control') ?? '';
	// An encoded body (an API answer kept compressed) suits only clients accepting that encoding,
	// and the key here does not name one.
	if (response.status !== 200 || /no-store|private/.test(cacheControl) || response.headers.has('set-cookie') || response.headers.has('content-encoding')) {
		return null;
	}
	const body = await response.arrayBuffer();
	if (body.byteLength > MAX_BODY_BYTES) return null;
	return { status: response.status, headers: [...response.headers], body };
}

export function fromCachedResponse(cached: CachedResponse): Response {
	const response = new Response(cached.body.slice(0), { status: cached.status, headers: cached.headers });
	response.headers.set('x-cache', 'hit');
	return response;
}
