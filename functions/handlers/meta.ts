/**
 * GET /api/health and /api/openapi.json. This function is also API Gateway's fallback route
 * (`ANY /api/{proxy+}`, see routes.ts), so every unknown /api path gets its JSON 404 here.
 */
import type { Health } from '../../data/schema/api.ts';
import { etagOf } from '../http/etag.ts';
import { buildOpenApiDocument } from '../http/openapi.ts';
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
      getOpenApiDocument: async () => openApiDocument(),
    },
    { log },
  );
}

export const handler = lambdaHandler(makeHandler);

/** The table answered but holds no data set: healthy, with nothing loaded. */
const notSeededHealth = once((): StoredDocument => json({ status: 'ok', dataVersion: null } satisfies Health));

/** Rendered and hashed on first use, once per container: it changes only with the code. */
const openApiDocument = once(() => json(buildOpenApiDocument()));

function json(value: unknown): StoredDocument {
  const body = JSON.stringify(value);
  return { body, etag: etagOf(body) };
}

function once<T>(make: () => T): () => T {
  let value: { made: T } | undefined;
  return () => (value ??= { made: make() }).made;
}
