/**
 * The pickers' full lists, fetched once per address and shared by every picker on the page (the
 * From, To and focus pickers read the same occupations). A failed fetch is forgotten so the next
 * use tries again.
 */
const lists = new Map<string, Promise<unknown>>();

export function fetchList<T>(url: string): Promise<T> {
	let list = lists.get(url);
	if (!list) {
		list = fetch(url).then((res) => {
			if (!res.ok) throw new Error(`${url}: ${res.status}`);
			return res.json();
		});
		list.catch(() => lists.delete(url));
		lists.set(url, list);
	}
	return list as Promise<T>;
}

export interface PickItem {
	value: string;
	label: string;
	group: string | null;
}
