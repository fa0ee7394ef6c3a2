/**
 * The one table the map's paint expressions (./style.ts) and the legend are both generated from, so the
 * legend cannot describe something the map does not draw.
 *
 * Colours start from the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies), with
 * a few additions where a layer needs more colours than it has; every category also has a non-colour cue,
 * its outline (solid, dashed, dotted, dash-dot or round dots, and its width). palette.test.ts measures every
 * fill (CIEDE2000): at least 10 from the sea, the land, the base fills and every other fill of its layer, and
 * from every fill of another layer unless both mean the same (`sameMeaningAcrossLayers`). A role or change that is not confirmed is its category derived here (see `notConfirmed`), never a
 * colour of its own picked elsewhere.
 */
import { roleLabels, topicLabels, type TopicId } from '../../../../data/schema/labels.ts';
import { notConfirmedKey, type LayerId } from '../state/view-types.ts';

const okabeIto = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

/** Beyond Okabe–Ito (chosen by their measured distances, see the comment above). */
const extra = {
  indigo: '#6666CC',
  darkGrey: '#707070',
  darkGreen: '#225522',
  rose: '#CC6677',
  leafGreen: '#84B460',
  wine: '#882255',
  violet: '#AA4499',
} as const;

export type LineStyle = 'solid' | 'dashed' | 'dotted' | 'dashdot' | 'dots';

/** Dash patterns in line widths (MapLibre's `line-dasharray` unit). */
export const dashArrays: Record<LineStyle, number[] | null> = {
  solid: null,
  dashed: [3, 2],
  dotted: [1, 1.5],
  dashdot: [4, 1.5, 1, 1.5],
  // Zero-length dashes with round caps: a row of round dots, unlike the square-ended `dotted`.
  dots: [0, 2],
};

/** Line styles drawn with round caps (the others are butt-ended). */
export const roundCapped: ReadonlySet<LineStyle> = new Set(['dots']);

export interface CategoryStyle {
  /** The value of the `cat` feature-state; unique across all layers. */
  key: string;
  label: string;
  fill: string;
  line: LineStyle;
  /** Outline width in pixels. */
  lineWidth: number;
}

/** What a country without a category in the current layer looks like. */
interface FallbackStyle {
  label: string;
  fill: string;
}

export const land = '#E4E1DA';
export const sea = '#D6EEF0';
export const countryBorder = '#FFFFFF';
export const categoryLine = '#1A1A1A';

/** `#RRGGBB` mixed with white: `amount` 0 keeps the colour, 1 is white. */
export function paler(hex: string, amount: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return `#${channels
    .map((c) => Math.round(c + (255 - c) * amount).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;
}

/**
 * The same role or change when the record behind it is not confirmed (confidence "partly" or
 * "unconfirmed": named in advance, or present in a role no source states): the category's colour at lower
 * emphasis and an outline of round dots, which no confirmed category uses.
 */
export function notConfirmed(category: CategoryStyle): CategoryStyle {
  return {
    key: notConfirmedKey(category.key),
    label: `${category.label} (not confirmed)`,
    fill: paler(category.fill, 0.5),
    line: 'dots',
    // Dots wider than the neighbours' casing (2 px), so they still read as beads on top of it.
    lineWidth: 3.5,
  };
}

/** Each category followed by its not-confirmed form, so the legend keeps them side by side. */
const withNotConfirmed = (categories: CategoryStyle[]) => categories.flatMap((c) => [c, notConfirmed(c)]);

export const roleCategories: CategoryStyle[] = [
  ...withNotConfirmed([
    { key: 'host', label: roleLabels.host, fill: okabeIto.vermillion, line: 'solid', lineWidth: 3 },
    { key: 'member', label: roleLabels.member, fill: okabeIto.skyBlue, line: 'solid', lineWidth: 1 },
    { key: 'guest', label: roleLabels.guest, fill: extra.indigo, line: 'dashed', lineWidth: 1.5 },
    { key: 'observer', label: roleLabels.observer, fill: okabeIto.bluishGreen, line: 'dotted', lineWidth: 2 },
    { key: 'by-video', label: roleLabels['by-video'], fill: okabeIto.yellow, line: 'dashdot', lineWidth: 2 },
    { key: 'invited-absent', label: roleLabels['invited-absent'], fill: extra.darkGrey, line: 'dotted', lineWidth: 2 },
  ]),
  { key: 'disputed', label: 'Attendance disputed', fill: okabeIto.reddishPurple, line: 'dashdot', lineWidth: 2 },
];

export const changeCategories: CategoryStyle[] = withNotConfirmed([
  { key: 'joined', label: 'Joined since the earlier round', fill: extra.darkGreen, line: 'solid', lineWidth: 3 },
  { key: 'left', label: 'Left since the earlier round', fill: extra.darkGrey, line: 'dotted', lineWidth: 2.5 },
  { key: 'role-changed', label: 'Changed role', fill: extra.rose, line: 'dashed', lineWidth: 2 },
  { key: 'unchanged', label: 'Attended both rounds, same role', fill: extra.leafGreen, line: 'solid', lineWidth: 0.5 },
]);

export const stanceCategories: CategoryStyle[] = [
  { key: 'opposes', label: 'Opposes', fill: extra.wine, line: 'solid', lineWidth: 2 },
  { key: 'supports', label: 'Supports', fill: okabeIto.blue, line: 'solid', lineWidth: 0.5 },
  { key: 'mixed', label: 'Mixed', fill: extra.violet, line: 'dashed', lineWidth: 2 },
];

interface LayerStyle {
  categories: CategoryStyle[];
  fallback: FallbackStyle;
}

export const layerStyles: Record<LayerId, LayerStyle> = {
  roles: { categories: roleCategories, fallback: { label: 'Not invited or not on record', fill: land } },
  changes: { categories: changeCategories, fallback: { label: 'At neither round', fill: land } },
  stance: { categories: stanceCategories, fallback: { label: 'No statement on record', fill: land } },
};

/**
 * Fills shared by categories of two layers because they mean the same there: a country absent from the
 * meeting (invited but absent; left since the previous round), confirmed or not.
 */
export const sameMeaningAcrossLayers: readonly (readonly [string, string])[] = [
  ['invited-absent', 'left'],
  [notConfirmedKey('invited-absent'), notConfirmedKey('left')],
];

export const allCategories: CategoryStyle[] = [...roleCategories, ...changeCategories, ...stanceCategories];

/**
 * Afghanistan and its six bordering neighbours keep their own style in every layer: a fill when no layer
 * category applies, a casing under the category outlines, and for the neighbours a hatch over any fill.
 */
export const baseStyles = {
  afghanistan: { key: 'afghanistan', label: 'Afghanistan', fill: okabeIto.orange, casing: okabeIto.orange, casingWidth: 6 },
  neighbour: { key: 'neighbour', label: 'Bordering neighbour', fill: '#EED6A6', casing: '#5A5A5A', casingWidth: 2 },
} as const;

/** Diagonal lines over the neighbours; sizes in CSS pixels. Over a dark fill they are drawn light. */
export const neighbourHatch = { color: '#000000', opacity: 0.4, spacing: 6, width: 1 } as const;
export const neighbourHatchOnDark = { ...neighbourHatch, color: '#FFFFFF', opacity: 0.55 } as const;

/** WCAG relative luminance of `#RRGGBB`. */
export function luminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** A fill on which dark lines and dark text disappear: the hatch is drawn light over it. */
export const isDarkFill = (hex: string): boolean => luminance(hex) < 0.18;

/**
 * Stance layer: a stance that comes from co-signing a joint statement, not from the country's own words (the
 * `joint` feature-state): white dashes drawn over the category's outline, whatever its colour.
 */
export const jointStatementLine = {
  label: 'From a co-signed joint statement',
  color: '#FFFFFF',
  width: 2,
  line: 'dashed' as LineStyle,
} as const;

export const selectedLine = { outer: okabeIto.black, outerWidth: 5, inner: '#FFFFFF', innerWidth: 2 } as const;
export const hoverLine = { color: '#333333', width: 2 } as const;

export function layerTitle(layer: LayerId, topic: TopicId): string {
  if (layer === 'roles') return 'Role at the selected meeting';
  if (layer === 'changes') return 'Change since the earlier round';
  return `Latest stance: ${topicLabels[topic]}`;
}
