/**
 * The life of a chart drawn into an element in the browser: drawn once now, drawn again when the
 * element's width changes (debounced, and only for a new width), and never after it is gone.
 * Shared by PlotFigure and the metro map.
 */
export function drawAtWidth(
	node: HTMLElement,
	draw: (width: number, disposed: () => boolean) => Promise<void>
): () => void {
	let disposed = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let lastWidth = 0;
	const render = () => {
		const width = chartWidth(node);
		if (width === lastWidth) return;
		lastWidth = width;
		void draw(width, () => disposed);
	};
	render();
	const observer = new ResizeObserver(() => {
		clearTimeout(timer);
		timer = setTimeout(render, 150);
	});
	observer.observe(node);
	return () => {
		disposed = true;
		clearTimeout(timer);
		observer.disconnect();
	};
}

/** The width to draw at: the element's, at least 300 px. */
export const chartWidth = (node: HTMLElement): number =>
	Math.max(300, Math.floor(node.clientWidth));
