// Progressive enhancement for /admin/impor/[id] while an import runs: polls the run's progress
// (JSON) every two seconds and updates the bar and counts; reloads the page once the run has
// finished, to show its quarantined rows. Without JavaScript the page refreshes itself instead.
(() => {
	const section = document.querySelector('[data-progress-url]');
	if (!section || !window.fetch) return;
	const url = section.getAttribute('data-progress-url');
	const bar = section.querySelector('progress');
	const text = section.querySelector('[data-progress-text]');
	const template = text ? text.getAttribute('data-progress-text') : null;
	const format = new Intl.NumberFormat(document.documentElement.lang || 'id');
	const poll = async () => {
		try {
			const response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
			if (response.ok) {
				const progress = await response.json();
				if (progress.finished) {
					window.location.reload();
					return;
				}
				if (bar) {
					bar.max = Math.max(progress.total, 1);
					bar.value = progress.done;
					bar.textContent = progress.percent + '%';
				}
				if (text && template) {
					const values = { done: format.format(progress.done), total: format.format(progress.total), percent: String(progress.percent) };
					text.textContent = template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
				}
				for (const cell of section.querySelectorAll('[data-count]')) {
					const value = progress.counts[cell.getAttribute('data-count')];
					if (typeof value === 'number') cell.textContent = format.format(value);
				}
			}
		} catch {
			// A missed poll is retried on the next tick.
		}
		window.setTimeout(poll, 2000);
	};
	window.setTimeout(poll, 2000);
})();
