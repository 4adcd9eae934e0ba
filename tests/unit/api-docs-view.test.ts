import { beforeAll, describe, expect, it } from 'vitest';
import { getOpenApiDocument } from '../../src/lib/server/api/api-routes';
import { describeApi, type ApiDocsView, type EndpointView } from '../../src/lib/server/api/docs-view';

let view: ApiDocsView;
const endpoint = (path: string): EndpointView => view.groups.flatMap((g) => g.endpoints).find((e) => e.path === path)!;

beforeAll(async () => {
	view = describeApi(await getOpenApiDocument(), 'https://jippnas.example.go.id');
});

describe('the API reference page, drawn from the OpenAPI document', () => {
	it('groups endpoints by tag in the document order', () => {
		expect(view.groups.map((g) => g.tag)).toEqual(['Inovasi', 'Pencarian', 'Instansi', 'Wilayah', 'Hub', 'Replikasi', 'Statistik', 'Dokumentasi']);
		expect(view.groups[0]!.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual([
			'GET /api/v1/innovations',
			'POST /api/v1/innovations',
			'GET /api/v1/innovations/{id}',
			'PATCH /api/v1/innovations/{id}',
			'DELETE /api/v1/innovations/{id}'
		]);
		expect(view.openApiPath).toBe('/api/v1/openapi.json');
		expect(view.paragraphs.length).toBeGreaterThan(2);
	});

	it('describes parameters with their type, bounds, default and accepted values', () => {
		const params = endpoint('/api/v1/innovations').parameters;
		expect(params.find((p) => p.name === 'tahap')).toMatchObject({
			location: 'kueri',
			type: 'teks',
			required: false,
			allowed: ['penciptaan', 'pengembangan', 'pelembagaan'],
			description: 'Tahap inovasi'
		});
		expect(params.find((p) => p.name === 'limit')).toMatchObject({ type: 'bilangan bulat', constraints: '1–100', defaultValue: '20' });
		expect(endpoint('/api/v1/regions/{code}').parameters).toMatchObject([{ name: 'code', location: 'path', required: true }]);
	});

	it('builds a curl example from the documented example values', () => {
		expect(endpoint('/api/v1/innovations').curl).toBe(
			"curl -s 'https://jippnas.example.go.id/api/v1/innovations?q=ktp+keliling&provinsi=53&limit=5'"
		);
		expect(endpoint('/api/v1/regions/{code}').curl).toBe("curl -s 'https://jippnas.example.go.id/api/v1/regions/53.09'");
		expect(endpoint('/api/v1/statistics').curl).toBe("curl -s 'https://jippnas.example.go.id/api/v1/statistics'");
	});

	it('flattens response fields through references, lists and nullable objects', () => {
		const list = endpoint('/api/v1/innovations');
		expect(list.responseSchema).toBe('InnovationSearchPage');
		expect(list.fields.find((f) => f.path === 'items')).toMatchObject({ type: 'daftar objek', depth: 0 });
		expect(list.fields.find((f) => f.path === 'items[].agency.name')).toMatchObject({ type: 'teks', depth: 2, description: 'Nama instansi' });
		expect(list.fields.find((f) => f.path === 'items[].createdAt')).toMatchObject({ type: 'tanggal-waktu', nullable: false });

		const region = endpoint('/api/v1/regions/{code}').fields;
		expect(region.find((f) => f.path === 'characteristics')).toMatchObject({
			nullable: true,
			description: 'Karakteristik wilayah; null bila belum dimuat'
		});
		expect(region.find((f) => f.path === 'characteristics.population.total')).toMatchObject({ type: 'bilangan bulat', nullable: true });

		const details = endpoint('/api/v1/innovations/{id}').fields;
		expect(details.find((f) => f.path === 'innovation.stage')?.allowed).toEqual(['penciptaan', 'pengembangan', 'pelembagaan']);
		expect(details.find((f) => f.path === 'innovation.provenance')?.type).toBe('peta (nama → nilai)');
		expect(details.find((f) => f.path === 'innovation.provenance.<nama>.source')).toBeDefined();
	});

	it('lists the errors of each endpoint with status, code and message', () => {
		expect(endpoint('/api/v1/innovations/{id}').errors).toEqual([
			{
				status: '400',
				code: 'VALIDATION_FAILED',
				message: 'Id inovasi harus berbentuk inv- diikuti 10 huruf/angka, mis. inv-7k2m9q4x1b'
			},
			{ status: '404', code: 'INNOVATION_NOT_FOUND', message: 'Inovasi tidak ditemukan.' },
			{ status: '500', code: 'INTERNAL', message: 'Terjadi kesalahan pada server. Silakan coba lagi beberapa saat lagi.' }
		]);
		expect(endpoint('/api/v1/statistics').errors.map((e) => e.code)).toEqual(['INTERNAL']);
	});

	it('shows who may call, the JSON body of a write and a curl example with the session and CSRF header', () => {
		expect(endpoint('/api/v1/innovations').access).toBe('Publik, tanpa masuk.');
		const list = view.groups.flatMap((g) => g.endpoints).filter((e) => e.path === '/api/v1/replications');
		expect(list.map((e) => e.method)).toEqual(['GET', 'POST']);
		const [read, file] = list as [EndpointView, EndpointView];
		expect(read.access).toContain('dengan cookie sesi');
		expect(read.requestFields).toEqual([]);
		expect(file.access).toBe('Perlu masuk: cookie sesi dan header x-csrf-token (token CSRF sesi).');
		expect(file.successStatus).toBe('201');
		expect(file.requestFields.map((f) => f.path)).toEqual(['innovationId', 'kind', 'interestScope', 'interestReason', 'replicatorAgencyId']);
		expect(file.requestFields.find((f) => f.path === 'kind')?.allowed).toEqual(['penuh', 'sebagian', 'perluasan']);
		expect(file.curl).toContain("curl -s -X POST 'https://jippnas.example.go.id/api/v1/replications'");
		expect(file.curl).toContain("-H 'x-csrf-token: TOKEN_CSRF'");
		expect(file.curl).toContain(`-d '{"innovationId":"inv-7k2m9q4x1b"`);
		expect(file.errors.map((e) => e.code)).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'UNAUTHENTICATED', 'CSRF_INVALID']));
	});
});
