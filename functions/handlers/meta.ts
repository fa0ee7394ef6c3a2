/**
 * GET /api/health and /api/openapi.json. This function is also API Gateway's fallback route
 * (`ANY /api/{proxy+}`, see routes.ts), so every unknown /api path gets its JSON 404 here.
 */
import type { Health } from '../../data/schema/api.ts';
import { etagOf } from '../http/etag.ts';
import { cacheControl, type Reply } from '../http/response.ts';
import { routeGroupHandler } from '../http/route-group-handler.ts';
import type { DocumentName } from '../http/routes.ts';
import type { StoredDocument } from '../store/diplomacy-store.ts';
import { lambdaHandler, type HandlerDependencies } from './dependencies.ts';

export function makeHandler({ store, log }: HandlerDependencies) {
  return routeGroupHandler(
    'meta',
    {
      // Health answers even before the seed, and is never cached: it is what a monitor polls.
      getHealth: async (): Promise<Reply> => ({
        ...((await store.getDocument({ document: 'HEALTH' satisfies DocumentName })) ?? notSeededHealth()),
        cacheControl: cacheControl.none,
      }),
    },
    { store, log },
  );
}

export const handler = lambdaHandler(makeHandler);

/** The table answered but holds no data set: healthy, with nothing loaded. */
const notSeededHealth = once((): StoredDocument => {
  const body = JSON.stringify({ status: 'ok', dataVersion: null } satisfies Health);
  return { body, etag: etagOf(body) };
});

function once<T>(make: () => T): () => T {
  let value: { made: T } | undefined;
  return () => (value ??= { made: make() }).made;
}
