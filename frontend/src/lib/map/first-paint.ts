/**
 * Resolves once the browser has shown the page's first content (its first contentful paint), or after
 * `fallbackMs` if it reports none (a tab loaded in the background, a browser without paint timing).
 *
 * The live map waits for it: creating MapLibre's WebGL context and compiling its shaders shares the GPU
 * process with the page's own first raster, and started earlier it held back the first picture of the page
 * (the map drawn into the HTML) by as long as it took itself.
 */
export function afterFirstPaint(fallbackMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
    if (painted() || typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      resolve();
      return;
    }
    const observer = new PerformanceObserver(() => {
      if (painted()) done();
    });
    const timer = setTimeout(() => done(), fallbackMs);
    function done() {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    }
    observer.observe({ type: 'paint', buffered: true });
  });
}
