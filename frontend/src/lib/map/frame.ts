/**
 * The map's frame and projection as plain numbers, shared by the live MapLibre map (CountryMap.ts) and the
 * SVG renderer (svg-map.ts), so that the picture in the HTML and the WebGL map put every border on the
 * same pixel. No dependencies: importing it costs the main bundle nothing.
 */

/** Afghanistan and its region: from eastern Turkey to western China, from Kazakhstan to the Arabian Sea. */
export const REGION_BOUNDS: [[number, number], [number, number]] = [
  [44, 22],
  [92, 50],
];

/** Room in CSS pixels that the first view keeps around REGION_BOUNDS (MapLibre's `fitBoundsOptions`). */
export const REGION_PADDING = 8;

/** Web Mercator as MapLibre draws it, on a square world `size` units wide (north up, y down). */
export function mercator(lng: number, lat: number, size = 1): [number, number] {
  const clamped = Math.max(-85.051129, Math.min(85.051129, lat));
  const y = Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360));
  return [((lng + 180) / 360) * size, ((1 - y / Math.PI) / 2) * size];
}

/** A linear map from lng/lat to pixels: Web Mercator scaled and shifted. */
export interface Frame {
  /** Pixels per unit of the unit-square Mercator world. */
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

export function project(frame: Frame, lng: number, lat: number): [number, number] {
  const [x, y] = mercator(lng, lat);
  return [x * frame.scale + frame.offsetX, y * frame.scale + frame.offsetY];
}

/**
 * The frame MapLibre's `fitBounds(bounds, { padding })` gives on a `width` × `height` map: the bounds as
 * large as they fit inside the padding, centred.
 */
export function fitFrame(
  bounds: [[number, number], [number, number]],
  width: number,
  height: number,
  padding = REGION_PADDING,
): Frame {
  const [x0, y1] = mercator(bounds[0][0], bounds[0][1]);
  const [x1, y0] = mercator(bounds[1][0], bounds[1][1]);
  const scale = Math.min((width - 2 * padding) / (x1 - x0), (height - 2 * padding) / (y1 - y0));
  return {
    scale,
    offsetX: width / 2 - ((x0 + x1) / 2) * scale,
    offsetY: height / 2 - ((y0 + y1) / 2) * scale,
  };
}

/** The inverse of `project`: pixels back to longitude and latitude. */
export function unproject(frame: Frame, x: number, y: number): [number, number] {
  const mx = (x - frame.offsetX) / frame.scale;
  const my = (y - frame.offsetY) / frame.scale;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * my))) * 180) / Math.PI;
  return [mx * 360 - 180, lat];
}
