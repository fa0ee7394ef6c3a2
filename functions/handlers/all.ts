/** Every route group's handler factory, for the local stack and the tests (Lambda loads one module each). */
import type { ApiHandler } from '../http/route-group-handler.ts';
import type { RouteGroup } from '../http/routes.ts';
import { makeHandler as makeCountriesHandler } from './countries.ts';
import type { HandlerDependencies } from './dependencies.ts';
import { makeHandler as makeMeetingsHandler } from './meetings.ts';
import { makeHandler as makeMetaHandler } from './meta.ts';
import { makeHandler as makeOverviewHandler } from './overview.ts';
import { makeHandler as makeStatementsHandler } from './statements.ts';

export const handlerFactories: Record<RouteGroup, (dependencies: HandlerDependencies) => ApiHandler> = {
  overview: makeOverviewHandler,
  meetings: makeMeetingsHandler,
  countries: makeCountriesHandler,
  statements: makeStatementsHandler,
  meta: makeMetaHandler,
};

export function makeHandlers(dependencies: HandlerDependencies): Record<RouteGroup, ApiHandler> {
  const entries = Object.entries(handlerFactories).map(([group, make]) => [group, make(dependencies)] as const);
  return Object.fromEntries(entries) as Record<RouteGroup, ApiHandler>;
}
