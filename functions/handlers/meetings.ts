/** GET /api/meetings and /api/meetings/{id}: stored documents, served by the shell. */
import { routeGroupHandler } from '../http/route-group-handler.ts';
import { lambdaHandler, type HandlerDependencies } from './dependencies.ts';

export function makeHandler({ store, log }: HandlerDependencies) {
  return routeGroupHandler('meetings', {}, { store, log });
}

export const handler = lambdaHandler(makeHandler);
