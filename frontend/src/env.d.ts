/// <reference types="svelte" />
/// <reference types="vite/client" />

declare module 'virtual:boundaries-url' {
  /** URL of the prepared country boundaries (TopoJSON), see frontend/build/boundaries.ts. */
  const url: string;
  export default url;
}

interface ImportMetaEnv {
  /** Where readers report an error in the data (the project's issue tracker), set by whoever deploys the page. */
  readonly VITE_REPORT_ERROR_URL?: string;
}
