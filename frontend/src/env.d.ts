/// <reference types="svelte" />
/// <reference types="vite/client" />

declare module 'virtual:boundaries-url' {
  /** URL of the prepared country boundaries (TopoJSON), see frontend/build/boundaries.ts. */
  const url: string;
  export default url;
}
