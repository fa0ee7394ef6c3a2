/// <reference types="svelte" />
/// <reference types="vite/client" />

declare module 'virtual:boundaries-url' {
  /** URL of the prepared country boundaries (TopoJSON), see frontend/build/boundaries.ts. */
  const url: string;
  export default url;
}

declare module 'virtual:downloads' {
  /** A file built with the page (frontend/build/vite-plugin-downloads.ts): where it is, the name to save it under, its size. */
  interface BuiltDownload {
    url: string;
    saveAs: string;
    bytes: number;
  }
  /** The whole data set as one ZIP. */
  export const dataZip: BuiltDownload;
  /** The map's boundaries with our attributes, as GeoJSON. */
  export const boundariesGeoJson: BuiltDownload;
}

interface ImportMetaEnv {
  /** Where readers report an error in the data (the project's issue tracker), set by whoever deploys the page. */
  readonly VITE_REPORT_ERROR_URL?: string;
}
