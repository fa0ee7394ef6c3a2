// polylabel 2 ships no types; this is the one function the boundary build uses.
declare module 'polylabel' {
  /** The pole of inaccessibility of a polygon (rings of [x, y]), with its distance to the nearest edge. */
  export default function polylabel(polygon: number[][][], precision?: number, debug?: boolean): number[] & { distance: number };
}
