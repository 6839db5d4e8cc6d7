/**
 * How requests are checked against the routes' schemas. Query strings and
 * path parameters are text, so their values are converted to the types the
 * schema gives ("limit=10" to 10); JSON bodies carry their own types, and a
 * number sent where text is expected is refused, not turned into text.
 * Unknown fields are refused too: a misspelt filter or field must not be
 * silently dropped.
 */
import { Ajv, type Options } from "ajv";
import addFormats from "ajv-formats";
import type { FastifySchemaCompiler } from "fastify";

function createAjv(options: Options): Ajv {
  const ajv = new Ajv({ removeAdditional: false, useDefaults: true, allErrors: false, ...options });
  addFormats.default(ajv);
  return ajv;
}

export function createValidatorCompiler(): FastifySchemaCompiler<object> {
  const converting = createAjv({ coerceTypes: true });
  const strict = createAjv({ coerceTypes: false });
  return ({ schema, httpPart }) => (httpPart === "body" ? strict : converting).compile(schema);
}
