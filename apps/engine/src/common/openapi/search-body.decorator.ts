import { ApiBody } from '@nestjs/swagger';
import type { SearchDefinition } from '../search/search-query.js';

const OPERATORS_BY_TYPE: Record<string, string> = {
  string: '$eq, $neq, $exists, $in, $notIn, $like',
  key: '$eq, $neq, $exists, $in, $notIn (keys are numeric strings)',
  int: '$eq, $neq, $exists, $in, $notIn, $gt, $gte, $lt, $lte',
  date: '$eq, $neq, $exists, $in, $notIn, $gt, $gte, $lt, $lte (ISO 8601 date-times)',
  boolean: '$eq, $neq, $exists',
};

/**
 * The OpenAPI body of a search endpoint, from the search's own definition: its filter fields, the
 * fields it sorts by as an enum (Swagger UI's "Try it out" offers those instead of `string`, which
 * no search sorts by), the page, and a realistic example that the search answers with 200.
 * Validation stays with the DTO and the SearchQuery; this only describes.
 */
export function ApiSearchBody(definition: SearchDefinition, example: Record<string, unknown>, options: { extraFilters?: Record<string, string> } = {}): MethodDecorator {
  const filterable = Object.entries(definition.fields).filter(([, field]) => field.filterable !== false);
  const sortable = Object.entries(definition.fields).filter(([, field]) => field.sortable !== false).map(([name]) => name);
  const filterProperties: Record<string, { description: string }> = Object.fromEntries(
    filterable.map(([name, field]) => [name, { description: `${field.type}: a value, or an object of operators (${OPERATORS_BY_TYPE[field.type]})` }]),
  );
  for (const name of Object.keys(definition.customFilters ?? {})) {
    filterProperties[name] ??= { description: 'See the endpoint description.' };
  }
  Object.assign(filterProperties, Object.fromEntries(Object.entries(options.extraFilters ?? {}).map(([name, description]) => [name, { description }])));
  const defaultSort = (definition.defaultSort ?? []).map((s) => `${s.field} ${s.order}`).join(', ');
  return ApiBody({
    required: false,
    schema: {
      type: 'object',
      properties: {
        filter: { type: 'object', description: `Conditions on the ${definition.entity}'s fields, all of which must hold.`, properties: filterProperties, additionalProperties: false },
        sort: {
          type: 'array',
          description: `Sort order${defaultSort ? ` (default ${defaultSort})` : ''}; ties are broken by the key.`,
          items: {
            type: 'object',
            required: ['field'],
            properties: {
              field: { type: 'string', enum: sortable },
              order: { type: 'string', enum: ['ASC', 'DESC'], default: 'ASC' },
            },
          },
        },
        page: {
          type: 'object',
          description: 'By offset (`from`) or cursor (`after` / `before`, from a previous answer), with `limit`.',
          properties: {
            from: { type: 'integer', minimum: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 10000, default: 100 },
            after: { type: 'string', description: 'The `endCursor` of the previous page.' },
            before: { type: 'string', description: 'The `startCursor` of the next page.' },
          },
        },
      },
      example,
    },
  });
}
