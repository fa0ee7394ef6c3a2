/**
 * The regions this stack can be deployed to: those where CloudFormation has every resource type it uses,
 * according to cfn-lint's region data (infra/regions.json, written by `npm run infra:regions`).
 */
import regionsJson from './regions.json' with { type: 'json' };

export interface RegionData {
  /** Which cfn-lint's data the list came from. */
  readonly source: string;
  readonly resourceTypes: readonly string[];
  readonly regions: readonly string[];
  /** The other regions, each with the resource types it lacks. */
  readonly lacking: Readonly<Record<string, readonly string[]>>;
  /** Options that add resource types, and the regions of `regions` that have them too. */
  readonly options: Readonly<Record<string, { readonly resourceTypes: readonly string[]; readonly regions: readonly string[] }>>;
}

export const regionData: RegionData = regionsJson;

/** The one-line refusal for a region outside the list, or undefined when the region is fine. */
export function unsupportedRegion(region: string): string | undefined {
  if (regionData.regions.includes(region)) return undefined;
  const missing = regionData.lacking[region];
  return (
    `${region} ${missing ? `lacks ${missing.join(', ')}` : 'is not a region CloudFormation knows'}, which this stack needs, ` +
    `so nothing was changed; deploy to one of: ${regionData.regions.join(', ')}.`
  );
}
