/**
 * GET /api/health and /api/openapi.json. This function is also API Gateway's fallback route
 * (`ANY /api/{proxy+}`, see routes.ts), so every unknown /api path gets its JSON 404 here.
 */
import type { Health } from '../../data/schema/api.ts';
import { orNotSeeded } from '../http/errors.ts';
import { etagOf } from '../http/etag.ts';
import { cacheControl, type Reply } from '../http/response.ts';
import { routeGroupHandler } from '../http/route-group-handler.ts';
import type { StoredDocument } from '../store/diplomacy-store.ts';
import { lambdaHandler, type HandlerDependencies } from './dependencies.ts';

export function makeHandler({ store, log }: HandlerDependencies) {
  return routeGroupHandler(
    'meta',
    {
      getHealth: async (): Promise<Reply> => ({
        ...((await store.getHealth()) ?? notSeededHealth()),
        cacheControl: cacheControl.none,
      }),
      // Rendered from the code by the seed (../seed/loader.ts), which re-runs whenever its code changes.
      getOpenApiDocument: async () => orNotSeeded(await store.getOpenApiDocument()),
    },
    { log },
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
