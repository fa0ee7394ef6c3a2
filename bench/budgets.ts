/** The checked-in budgets (./budgets.json), typed, for the budgets test and the report. */
import budgetsJson from './budgets.json' with { type: 'json' };

export interface Budgets {
  readonly firstLoad: { readonly oursGzipKiB: number; readonly boundariesGzipKiB: number };
  readonly lambda: {
    readonly apiBundleKiB: number;
    readonly forbiddenPackages: { readonly api: readonly string[]; readonly seed: readonly string[] };
  };
  readonly dynamodb: { readonly requestsPerCall: number; readonly scans: number };
  readonly timingTargets: {
    readonly pageToFloorRatio: number;
    readonly apiP50ToBaselineRatio: number;
    readonly apiP99Ms: number;
    readonly lambdaColdInitToEmptyRatio: number;
  };
}

export const budgets: Budgets = budgetsJson;

export const KiB = 1024;
