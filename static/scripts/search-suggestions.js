// Suggestions while typing for inputs with data-suggest: ARIA 1.2 combobox + listbox.
// Without JavaScript the box stays a plain GET form to /katalog?q=.
(() => {
	const set = (el, k, v) => el.setAttribute(k, v);
	for (const input of document.querySelectorAll('input[data-suggest]')) {
		const d = input.dataset, kinds = (d.suggestKinds || '').split('|'), id = input.id + '-saran';
		const list = document.createElement('ul'), status = document.createElement('span');
		let items = [], active = -1, timer, pending;
		list.id = id;
		list.className = 'suggest-list';
		status.className = 'visually-hidden';
		set(list, 'role', 'listbox');
		set(list, 'aria-label', d.suggestLabel || '');
		set(status, 'role', 'status');
		set(input, 'role', 'combobox');
		set(input, 'aria-autocomplete', 'list');
		set(input, 'aria-controls', id);
		set(input, 'autocomplete', 'off');
		input.parentElement.classList.add('suggest-host');
		input.after(list, status);
		const mark = (i) => {
			active = i;
			[...list.children].forEach((o, j) => set(o, 'aria-selected', j === i));
			if (i < 0) input.removeAttribute('aria-activedescendant');
			else set(input, 'aria-activedescendant', id + '-' + i);
		};
		const show = (open) => {
			list.hidden = !open;
			set(input, 'aria-expanded', open);
			if (!open) mark(-1);
		};
		const go = (i) => items[i] && location.assign(items[i].url);
		const render = () => {
			list.replaceChildren(...items.map((item, i) => {
				const li = document.createElement('li'), small = document.createElement('small');
				li.id = id + '-' + i;
				set(li, 'role', 'option');
				small.textContent = [kinds[['innovation', 'agency', 'region'].indexOf(item.kind)], item.detail].filter(Boolean).join(' · ');
				li.append(item.label, ' ', small);
				li.onmousedown = (e) => e.preventDefault();
				li.onclick = () => go(i);
				return li;
			}));
			status.textContent = (d.suggestCount || '{n}').replace('{n}', items.length);
			show(items.length > 0);
		};
		const load = async () => {
			const q = input.value.trim().slice(0, 100);
			pending?.abort();
			if (q.length < 2) return (items = []), render();
			pending = new AbortController();
			try {
				const r = await fetch(d.suggest + '?q=' + encodeURIComponent(q), { signal: pending.signal });
				if (r.ok) (items = (await r.json()).items), render();
			} catch {
				// aborted by a newer request, or offline: the form still works
			}
		};
		input.oninput = () => {
			clearTimeout(timer);
			timer = setTimeout(load, 150);
		};
		input.onkeydown = (e) => {
			const n = items.length, k = e.key;
			if ((k === 'ArrowDown' || k === 'ArrowUp') && n) {
				e.preventDefault();
				show(true);
				mark(k === 'ArrowDown' ? (active + 1) % n : (active + n - 1) % n);
				list.children[active].scrollIntoView({ block: 'nearest' });
			} else if (!list.hidden && ((k === 'Enter' && active >= 0) || k === 'Escape')) {
				e.preventDefault();
				k === 'Enter' ? go(active) : show(false);
			}
		};
		input.onblur = () => show(false);
		show(false);
	}
})();
