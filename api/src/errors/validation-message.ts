// Turns ajv schema errors into one sentence that names each offending field (Fastify's own omits some).
import type { FastifySchemaValidationError } from 'fastify';

/** Fastify's `schemaErrorFormatter`: `dataVar` is body, querystring, params or headers. */
export function formatValidationErrors(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const parts = errors.map((error) => describeValidationError(error, dataVar));
  return new Error([...new Set(parts)].join('; '));
}

function describeValidationError(error: FastifySchemaValidationError, dataVar: string): string {
  const where = `${dataVar}${error.instancePath.replaceAll('/', '.')}`;
  const params = error.params;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return `${where}.${params.missingProperty} is required`;
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return `${where}.${params.additionalProperty} is not allowed`;
  }
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return `${where} must be one of ${params.allowedValues.join(', ')}`;
  }
  return `${where} ${error.message ?? 'is invalid'}`;
}
