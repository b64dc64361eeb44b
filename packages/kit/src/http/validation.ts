/**
 * Request validation: bodies are validated strictly (wrong types and unknown fields are refused),
 * while querystring, params and headers are coerced from their string form.
 */
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

// ajv-formats ships CommonJS; its default export is the function under ESM interop.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const shared: Options = {
  removeAdditional: false,
  useDefaults: true,
  allErrors: false,
  strict: false,
};

const strictAjv = addFormats(new Ajv({ ...shared, coerceTypes: false }));
const coercingAjv = addFormats(new Ajv({ ...shared, coerceTypes: 'array' }));

/** Fastify validator compiler choosing the Ajv instance by the part of the request. */
export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strictAjv : coercingAjv;
  return ajv.compile(schema as object);
};
