// Sums vitest JSON reports into the one line CI prints, and insists the browser tests ran.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
let browserPassed = 0;
let ok = true;
// Arguments: report.json=exitCode, one per test run.
for (const argument of process.argv.slice(2)) {
	const [file, exitCode] = argument.split('=');
	if (!existsSync(file)) {
		console.log(`Laporan tidak ada: ${file} (rangkaian uji tidak berjalan)`);
		failed += 1;
		ok = false;
		continue;
	}
	const report = JSON.parse(readFileSync(file, 'utf8'));
	const failedBefore = failed;
	for (const suite of report.testResults ?? []) {
		// A file that failed to load has no assertions: count it as a failure.
		if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) failed += 1;
		for (const test of suite.assertionResults ?? []) {
			if (test.status === 'passed') {
				passed += 1;
				if (suite.name.includes('/tests/browser/')) browserPassed += 1;
			} else if (test.status === 'failed') failed += 1;
			else skipped += 1;
		}
	}
	// Unhandled errors (or a failed build) fail a run without failing a test: count them so the
	// closing line tells the truth.
	if (exitCode !== '0' && failed === failedBefore) {
		console.log(`${file}: proses uji berakhir dengan kode ${exitCode} tanpa uji yang gagal (mis. galat di luar uji).`);
		failed += 1;
	}
}
if (browserPassed === 0) {
	console.log('Uji browser tidak berjalan: CI mewajibkannya.');
	failed += 1;
	ok = false;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok && failed === 0 ? 0 : 1);
