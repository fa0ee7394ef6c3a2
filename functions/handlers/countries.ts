/**
 * GET /api/countries, /api/countries/{iso3}, /api/organisations, /api/organisations/{id}: the actors, as
 * stored documents served by the shell.
 */
import { routeGroupHandler } from '../http/route-group-handler.ts';
import { lambdaHandler, type HandlerDependencies } from './dependencies.ts';

export function makeHandler({ store, log }: HandlerDependencies) {
  return routeGroupHandler('countries', {}, { store, log });
}

export const handler = lambdaHandler(makeHandler);
