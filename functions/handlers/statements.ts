/** GET /api/statements?country=&organisation=&meeting=&topic=&stance= : filtered statements, newest first. */
import { statementFilters } from '../http/parameters.ts';
import { routeGroupHandler } from '../http/route-group-handler.ts';
import { lambdaHandler, type HandlerDependencies } from './dependencies.ts';

export function makeHandler({ store, log }: HandlerDependencies) {
  return routeGroupHandler(
    'statements',
    { listStatements: async (request) => store.findStatements(statementFilters(request)) },
    { store, log },
  );
}

export const handler = lambdaHandler(makeHandler);
