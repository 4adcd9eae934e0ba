import { describe, expect, it } from 'vitest';
import { detectFileType, safeFileName } from './file-type';

const bytes = (...parts: Array<number[] | string>) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('detectFileType', () => {
	it('recognises PDF, JPEG and PNG by their first bytes', () => {
		expect(detectFileType(bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'))).toEqual({ mediaType: 'application/pdf', extension: '.pdf' });
		expect(detectFileType(bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF'))).toEqual({ mediaType: 'image/jpeg', extension: '.jpg' });
		expect(detectFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'))).toEqual({
			mediaType: 'image/png',
			extension: '.png'
		});
	});

	it('refuses a renamed program, an HTML page, text and truncated signatures', () => {
		expect(detectFileType(bytes('MZ\x90\x00\x03'))).toBeNull(); // Windows .exe
		expect(detectFileType(bytes([0x7f], 'ELF'))).toBeNull();
		expect(detectFileType(bytes('<!doctype html><p>%PDF-1.4</p>'))).toBeNull();
		expect(detectFileType(bytes(' %PDF-1.4'))).toBeNull();
		expect(detectFileType(bytes('PK\x03\x04'))).toBeNull(); // zip / docx
		expect(detectFileType(bytes('%PDF'))).toBeNull();
		expect(detectFileType(bytes([0xff, 0xd8]))).toBeNull();
		expect(detectFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]))).toBeNull();
		expect(detectFileType(new Uint8Array())).toBeNull();
	});
});

describe('safeFileName', () => {
	const pdf = { mediaType: 'application/pdf' as const, extension: '.pdf' as const };
	it('keeps the name without folders or control characters, with the real extension', () => {
		expect(safeFileName('C:\\Users\\ani\\Surat Minat.PDF', pdf)).toBe('Surat Minat.pdf');
		expect(safeFileName('../../etc/passwd', pdf)).toBe('passwd.pdf');
		expect(safeFileName('laporan\u0000"x".exe', pdf)).toBe('laporanx.pdf');
		expect(safeFileName('', pdf)).toBe('dokumen.pdf');
		expect(safeFileName(`${'a'.repeat(300)}.pdf`, pdf)).toHaveLength(200);
	});
});
