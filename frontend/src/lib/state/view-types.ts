/** The view's own vocabulary, declared here so that state never imports from the map it drives. */

/** The map layer a visitor chose: the roles at a meeting, the changes since the previous round, or stances. */
export type LayerId = 'roles' | 'changes' | 'stance';

/** What the page declares per country; a missing key clears that state. */
export interface CountryHighlight {
  /** A category key of the chosen layer's palette (map/palette.ts). */
  cat?: string;
  base?: 'afghanistan' | 'neighbour';
  /** Stance layer: the stance comes from co-signing a joint statement, not the country's own words. */
  joint?: boolean;
}

/** The category key of a category's not-confirmed form. */
export const notConfirmedKey = (key: string): string => `${key}-not-confirmed`;
