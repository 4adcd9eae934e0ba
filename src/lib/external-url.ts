/**
 * A link taken from source data, or null when it is not a plain web address. Source records
 * are not trusted: a `javascript:` or `data:` URL in an href would run in the visitor's browser.
 */
export function safeExternalUrl(raw: string | null | undefined): string | null {
	const value = raw?.trim();
	if (!value) return null;
	let url: URL;
	try {
		url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`);
	} catch {
		return null;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
	if (!url.hostname.includes('.')) return null;
	return url.toString();
}

/** The host of a URL for link text ("youtube.com"), without "www.". */
export function urlHost(url: string): string {
	try {
		return new URL(url).hostname.replace(/^www\./, '');
	} catch {
		return url;
	}
}
