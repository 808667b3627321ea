// fast-check arbitraries from the JSON schemas our routes declare (the TypeBox subset they use): values that
// pass validation, so a fuzzer reaches the handlers, and near-misses that must be refused with a 400.
import fc from 'fast-check';

/** The keywords of the TypeBox output that the generators understand. */
export interface JsonSchema {
  readonly type?: string;
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchema[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly minProperties?: number;
  readonly items?: JsonSchema;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
}

/** Steers generated values towards what the app knows: ids of its records, instants near its clock. */
export interface SchemaHints {
  readonly ids: readonly string[];
  readonly instants: fc.Arbitrary<Date>;
}

const OBJECT_ID = '^[0-9a-f]{24}$';
const hexId = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 24, maxLength: 24 });

export function asSchema(value: unknown): JsonSchema | null {
  return typeof value === 'object' && value !== null ? (value as JsonSchema) : null;
}

function stringOf(schema: JsonSchema, hints: SchemaHints): fc.Arbitrary<string> {
  if (schema.pattern === OBJECT_ID) {
    return hints.ids.length > 0 ? fc.oneof(fc.constantFrom(...hints.ids), hexId) : hexId;
  }
  if (schema.format === 'date-time') return hints.instants.map((date) => date.toISOString());
  if (schema.format === 'date') return hints.instants.map((date) => date.toISOString().slice(0, 10));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 60, 60);
  const texts = fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ unit: 'grapheme', minLength, maxLength }),
    fc.webUrl(),
  );
  // The longest text allowed sits on the boundary that the oversize cases check from the other side.
  const longest = schema.maxLength === undefined ? [] : [fc.constant('x'.repeat(schema.maxLength))];
  return fc.oneof({ arbitrary: texts, weight: 9 }, ...longest.map((arbitrary) => ({ arbitrary, weight: 1 })));
}

function integerOf(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? -1_000;
  const max = schema.maximum ?? 2 ** 31 - 1;
  return fc.oneof(fc.integer({ min, max: Math.min(max, min + 5) }), fc.integer({ min, max }));
}

function objectOf(schema: JsonSchema, hints: SchemaHints): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, property]) => [key, validValue(property, hints)]),
  );
  const record = fc.record(model, { requiredKeys: [...(schema.required ?? [])] });
  const minProperties = schema.minProperties ?? 0;
  return record.filter((value) => Object.keys(value).length >= minProperties);
}

/** Values that satisfy `schema` (as far as its keywords go; formats included). */
export function validValue(schema: JsonSchema, hints: SchemaHints): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((option) => validValue(option, hints)));
  switch (schema.type) {
    case 'object':
      return objectOf(schema, hints);
    case 'string':
      return stringOf(schema, hints);
    case 'integer':
      return integerOf(schema);
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validValue(schema.items ?? {}, hints), { maxLength: 5 });
    default:
      return fc.jsonValue();
  }
}

/** The object schemas a body may match (a union of objects, e.g. the move body, has several). */
function objectSchemas(schema: JsonSchema): JsonSchema[] {
  if (schema.anyOf) return schema.anyOf.flatMap(objectSchemas);
  return schema.type === 'object' ? [schema] : [];
}

type Mutation = (body: Record<string, unknown>, key: string, schema: JsonSchema, junk: unknown) => unknown;

const MUTATIONS: readonly Mutation[] = [
  // A field of the wrong type or value.
  (body, key, _schema, junk) => ({ ...body, [key]: junk }),
  // A missing field.
  (body, key) => Object.fromEntries(Object.entries(body).filter(([name]) => name !== key)),
  // A field nobody declared.
  (body, _key, _schema, junk) => ({ ...body, [`x-${textOf(junk).slice(0, 8)}`]: junk }),
  // A text one character over its limit.
  (body, key, schema) => {
    const limit = schema.properties?.[key]?.maxLength;
    return limit === undefined ? { ...body, [key]: '' } : { ...body, [key]: 'x'.repeat(limit + 1) };
  },
];

/** A valid body with one thing wrong with it (usually refused; sometimes still valid, which is fine too). */
export function nearMissValue(schema: JsonSchema, hints: SchemaHints): fc.Arbitrary<unknown> {
  const options = objectSchemas(schema);
  if (options.length === 0) return fc.jsonValue();
  return fc.constantFrom(...options).chain((option) => {
    const keys = Object.keys(option.properties ?? {});
    return fc
      .tuple(
        objectOf(option, hints),
        keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('text'),
        fc.constantFrom(...MUTATIONS),
        fc.jsonValue(),
      )
      .map(([body, key, mutate, junk]) => mutate(body, key, option, junk));
  });
}

/** Any generated value as text: generated objects may have no prototype (String() throws) or hold bigints. */
export function textOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  return JSON.stringify(value, (_key, inner) => (typeof inner === 'bigint' ? inner.toString() : inner)) ?? '';
}
