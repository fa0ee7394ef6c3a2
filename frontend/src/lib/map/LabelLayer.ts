/**
 * The country names and small-state markers, as HTML over the map canvas: the browser shapes any script
 * (Dari and Pashto next) in the page's font, with no glyph server. Placement is decided by ./labels.ts;
 * this only measures text and moves elements. The layer is aria-hidden: the legend, the lists and the
 * meeting summary already say in text what the names say, so screen readers do not read them twice.
 */
import { placeLabels, type LabelRequest, type Placement, type Rect } from './labels.ts';

export class LabelLayer {
  readonly element: HTMLDivElement;
  private readonly labels = new Map<string, HTMLSpanElement>();
  private readonly markers = new Map<string, HTMLSpanElement>();
  private readonly widths = new Map<string, number>();
  private context: CanvasRenderingContext2D | null = null;
  private lineHeight = 16;
  private font = '';

  constructor(parent: HTMLElement) {
    this.element = document.createElement('div');
    this.element.className = 'map-labels';
    this.element.setAttribute('aria-hidden', 'true');
    parent.appendChild(this.element);
  }

  /** Width and height of a text in the labels' font (cached; the font is read once from the page's CSS). */
  private measure = (text: string): { width: number; height: number } => {
    if (!this.context) {
      const style = getComputedStyle(this.element);
      this.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      this.lineHeight = Math.ceil(Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.25);
      this.context = document.createElement('canvas').getContext('2d');
      if (this.context) this.context.font = this.font;
    }
    let width = this.widths.get(text);
    if (width === undefined) {
      // 4 px for the halo on both sides
      width = Math.ceil((this.context?.measureText(text).width ?? text.length * 7) + 4);
      this.widths.set(text, width);
    }
    return { width, height: this.lineHeight };
  };

  /** Places and draws the names; returns what was placed (for the test hook). */
  render(requests: readonly LabelRequest[], width: number, height: number, obstacles: Rect[]): Placement {
    const placement = placeLabels(requests, { width, height, measure: this.measure, obstacles });
    const seen = new Set<string>();
    for (const label of placement.labels) {
      seen.add(label.iso3);
      let span = this.labels.get(label.iso3);
      if (!span) {
        span = document.createElement('span');
        span.className = 'map-label';
        span.dataset.iso3 = label.iso3;
        this.element.appendChild(span);
        this.labels.set(label.iso3, span);
      }
      if (span.textContent !== label.text) span.textContent = label.text;
      span.style.transform = `translate(${Math.round(label.rect.left)}px, ${Math.round(label.rect.top)}px)`;
      span.hidden = false;
    }
    for (const [iso3, span] of this.labels) if (!seen.has(iso3)) span.hidden = true;

    const marked = new Set<string>();
    for (const marker of placement.markers) {
      marked.add(marker.iso3);
      let dot = this.markers.get(marker.iso3);
      if (!dot) {
        dot = document.createElement('span');
        dot.className = 'map-marker';
        dot.dataset.iso3 = marker.iso3;
        this.element.appendChild(dot);
        this.markers.set(marker.iso3, dot);
      }
      dot.style.background = marker.fill;
      dot.style.transform = `translate(${Math.round(marker.x)}px, ${Math.round(marker.y)}px)`;
      dot.hidden = false;
    }
    for (const [iso3, dot] of this.markers) if (!marked.has(iso3)) dot.hidden = true;
    return placement;
  }
}
