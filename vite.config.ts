import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [sveltekit()],
	ssr: {
		// PGlite ships WebAssembly and data files it loads from its own package directory.
		external: ['@electric-sql/pglite', 'pg', 'exceljs', 'idn-area-data']
	},
	optimizeDeps: { exclude: ['@electric-sql/pglite'] }
});
