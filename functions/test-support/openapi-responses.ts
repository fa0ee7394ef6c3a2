/**
 * Validates real API responses against the OpenAPI document the API serves: the document itself with
 * @seriousme/openapi-schema-validator, then each body against the schema its path, method and status
 * declare, with ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

export async function validateOpenApiDocument(document: Json): Promise<{ valid: boolean; errors: unknown }> {
  const result = await new Validator().validate(document as never);
  return { valid: result.valid, errors: result.errors };
}

export function responseValidator(document: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const components = document.components as Json;
  const compiled = new Map<string, ValidateFunction>();

  /** The schema declared for this operation and status, following response `$ref`s. */
  function schemaFor(routePath: string, status: number): Json {
    const operation = ((document.paths as Json)[routePath] as Json | undefined)?.get as Json | undefined;
    if (operation === undefined) throw new Error(`No GET ${routePath} in the OpenAPI document`);
    let response = (operation.responses as Json)[String(status)] as Json | undefined;
    if (response === undefined) throw new Error(`GET ${routePath} does not declare status ${status}`);
    if (typeof response.$ref === 'string') {
      response = (components.responses as Json)[response.$ref.split('/').at(-1) as string] as Json;
    }
    const schema = ((response.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema;
    if (schema === undefined) throw new Error(`GET ${routePath} ${status} declares no JSON body`);
    return schema as Json;
  }

  return {
    /** Throws with ajv's errors unless `body` matches what the document declares for this response. */
    assertValid(routePath: string, status: number, body: unknown): void {
      const key = `${routePath} ${status}`;
      let validate = compiled.get(key);
      if (validate === undefined) {
        // The components ride along so `#/components/schemas/...` references resolve inside the schema.
        validate = ajv.compile({ ...schemaFor(routePath, status), components });
        compiled.set(key, validate);
      }
      if (!validate(body)) {
        throw new Error(`GET ${routePath} ${status}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
      }
    },
  };
}
