import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// Small per-page stylesheets are inlined: one request fewer on slow mobile connections.
		inlineStyleThreshold: 4096,
		// Content security policy of every page (docs/decisions/006). Pages ship no inline script;
		// SvelteKit adds the hashes of the styles it inlines. Style attributes (bar widths) are
		// allowed on their own, which does not allow style elements or any script.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
