import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// Small per-page stylesheets are inlined: one request fewer on slow mobile connections.
		inlineStyleThreshold: 4096
	}
};

export default config;
