/** GET /api/overview: everything the map needs for its first paint, in one document. */
import { orNotSeeded } from '../http/errors.ts';
import { routeGroupHandler } from '../http/route-group-handler.ts';
import { lambdaHandler, type HandlerDependencies } from './dependencies.ts';

export function makeHandler({ store, log }: HandlerDependencies) {
  return routeGroupHandler('overview', { getOverview: async () => orNotSeeded(await store.getOverview()) }, { log });
}

export const handler = lambdaHandler(makeHandler);
