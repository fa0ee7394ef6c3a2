/**
 * The one table the map's paint expressions (./style.ts) and the legend are both generated from, so the
 * legend cannot describe something the map does not draw.
 *
 * Colours are the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies); every
 * category also has a non-colour cue, its outline (solid, dashed, dotted, dash-dot or round dots, and its
 * width). A role or change that is not confirmed is its category derived here (see `notConfirmed`), never a
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
export const sea = '#C9DCE6';
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
    { key: 'guest', label: roleLabels.guest, fill: '#C2E3F6', line: 'dashed', lineWidth: 1.5 },
    { key: 'observer', label: roleLabels.observer, fill: okabeIto.bluishGreen, line: 'dotted', lineWidth: 2 },
    { key: 'by-video', label: roleLabels['by-video'], fill: okabeIto.yellow, line: 'dashdot', lineWidth: 2 },
    { key: 'invited-absent', label: roleLabels['invited-absent'], fill: '#FFFFFF', line: 'dotted', lineWidth: 2 },
  ]),
  { key: 'disputed', label: 'Attendance disputed', fill: okabeIto.reddishPurple, line: 'dashdot', lineWidth: 2 },
];

export const changeCategories: CategoryStyle[] = withNotConfirmed([
  { key: 'joined', label: 'Joined since the previous round', fill: okabeIto.bluishGreen, line: 'solid', lineWidth: 3 },
  { key: 'left', label: 'Left since the previous round', fill: '#FFFFFF', line: 'dotted', lineWidth: 2.5 },
  { key: 'role-changed', label: 'Changed role', fill: okabeIto.yellow, line: 'dashed', lineWidth: 2 },
  { key: 'unchanged', label: 'Attended both rounds, same role', fill: '#C2E3F6', line: 'solid', lineWidth: 0.5 },
]);

export const stanceCategories: CategoryStyle[] = [
  { key: 'opposes', label: 'Opposes', fill: okabeIto.vermillion, line: 'solid', lineWidth: 2 },
  { key: 'supports', label: 'Supports', fill: okabeIto.skyBlue, line: 'solid', lineWidth: 0.5 },
  { key: 'mixed', label: 'Mixed', fill: okabeIto.reddishPurple, line: 'dashed', lineWidth: 2 },
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

export const allCategories: CategoryStyle[] = [...roleCategories, ...changeCategories, ...stanceCategories];

/**
 * Afghanistan and its six bordering neighbours keep their own style in every layer: a fill when no layer
 * category applies, a casing under the category outlines, and for the neighbours a hatch over any fill.
 */
export const baseStyles = {
  afghanistan: { key: 'afghanistan', label: 'Afghanistan', fill: okabeIto.orange, casing: okabeIto.orange, casingWidth: 6 },
  neighbour: { key: 'neighbour', label: 'Bordering neighbour', fill: '#F2DDB0', casing: '#5A5A5A', casingWidth: 2 },
} as const;

/** Diagonal lines over the neighbours; sizes in CSS pixels. */
export const neighbourHatch = { color: '#000000', opacity: 0.4, spacing: 6, width: 1 } as const;

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
  if (layer === 'changes') return 'Change since the previous round';
  return `Latest stance: ${topicLabels[topic]}`;
}
