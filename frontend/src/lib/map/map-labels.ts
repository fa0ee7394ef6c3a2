/**
 * The names the map writes: one for every country the view colours, and the selected one. Most important
 * first: the selection, Afghanistan, the host, the neighbours, then the layer's categories in legend order.
 * The live map (MapView), the first view in the HTML and the downloaded images all take this list.
 */
import type { CountryHighlight, LayerId } from '../state/view-types.ts';
import { baseStyles, layerStyles } from './palette.ts';

export interface MapLabel {
  iso3: string;
  name: string;
  /** Lower is more important: it wins a contested spot. */
  priority: number;
  /** The country's fill, for the marker of a country too small to see. */
  fill: string;
}

export function mapLabels(
  highlights: ReadonlyMap<string, CountryHighlight>,
  layer: LayerId,
  selected: string | null,
  nameOf: (iso3: string) => string,
): MapLabel[] {
  const categories = layerStyles[layer].categories;
  const result: MapLabel[] = [];
  for (const [iso3, highlight] of highlights) {
    const index = categories.findIndex((c) => c.key === highlight.cat);
    const category = index >= 0 ? categories[index] : undefined;
    const priority =
      iso3 === selected ? 0 : highlight.base === 'afghanistan' ? 1 : highlight.cat === 'host' ? 2 : highlight.base ? 3 : 4 + index / 100;
    const fill = category?.fill ?? (highlight.base ? baseStyles[highlight.base].fill : baseStyles.neighbour.fill);
    result.push({ iso3, name: nameOf(iso3), priority, fill });
  }
  if (selected && !highlights.has(selected)) result.push({ iso3: selected, name: nameOf(selected), priority: 0, fill: '#FFFFFF' });
  return result;
}
