/** GET /api/overview: everything the map needs for its first paint, in one stored document. */
import { routeGroupHandler } from '../http/route-group-handler.ts';
import { lambdaHandler, type HandlerDependencies } from './dependencies.ts';

export function makeHandler({ store, log }: HandlerDependencies) {
  return routeGroupHandler('overview', {}, { store, log });
}

export const handler = lambdaHandler(makeHandler);
