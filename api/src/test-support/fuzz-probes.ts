// Random requests for one route (ids, query strings, bodies from its own schemas, broken JSON) and a hash of
// every stored document, so a fuzz test can tell that a refused request changed nothing.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../server.ts';
import type { ApiRoute, Method } from './api-world.ts';
import type { TestUser } from './fixtures.ts';
import { asSchema, nearMissValue, type SchemaHints, textOf, validValue } from './schema-arbitrary.ts';

export interface Probe {
  readonly method: Method;
  readonly url: string;
  readonly headers: Record<string, string>;
  /** Sent as is: JSON text, or anything else under another content type. */
  readonly payload: string | undefined;
}

/** Collections whose writes are not a request's doing: the live-change log and Agenda's own. */
const UNHASHED = /^(changes$|agenda|system\.)/;

/** One hash over every document of every collection (changes and Agenda's left out), in _id order. */
export async function hashStoredData(app: App): Promise<string> {
  // A created 1:1's notice is sent after the answer: let that finish, or it lands in the next probe's hash.
  await app.notifications.settled();
  const { db } = app.mongo;
  const names = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map(({ name }) => name)
    .filter((name) => !UNHASHED.test(name))
    .sort();
  const hash = createHash('sha256');
  for (const name of names) {
    const docs = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
    hash.update(`${name}\n${JSON.stringify(docs)}\n`);
  }
  return hash.digest('hex');
}

export function sendProbe(app: App, probe: Probe): Promise<LightMyRequestResponse> {
  return app.inject({
    method: probe.method,
    url: probe.url,
    headers: probe.headers,
    ...(probe.payload === undefined ? {} : { payload: probe.payload }),
  });
}

const MALFORMED_IDS = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    'ABCDEF0123456789ABCDEF01',
    '0123456789abcdef0123456',
    '..',
    '%',
    'null',
    '[object Object]',
  ),
);
const hexId = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 24, maxLength: 24 });

/**
 * An `:id` is mostly the id of the route's own kind of record (so requests get past "not found"), else any
 * id of the world, one nobody has, or something that is no id at all. Other parameters (`:provider`) are
 * mostly what their schema allows.
 */
function paramOf(
  route: ApiRoute,
  name: string,
  hints: SchemaHints,
  own: string | null,
): fc.Arbitrary<string> {
  const schema = asSchema(route.params)?.properties?.[name];
  const known =
    name !== 'id'
      ? schema
        ? [{ arbitrary: validValue(schema, hints).map(String), weight: 8 }]
        : []
      : own === null
        ? []
        : [
            { arbitrary: fc.constant(own), weight: 8 },
            { arbitrary: fc.constantFrom(...hints.ids, own), weight: 2 },
          ];
  return fc
    .oneof(...known, { arbitrary: hexId, weight: 1 }, { arbitrary: MALFORMED_IDS, weight: 2 })
    .map((id) => encodeURIComponent(id));
}

/** No query, the route's own query (valid or with a stranger), random pairs, or raw broken query text. */
function queryOf(route: ApiRoute, hints: SchemaHints): fc.Arbitrary<string> {
  const schema = asSchema(route.querystring);
  const pairs = fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 3 });
  const own = schema
    ? [validValue(schema, hints), nearMissValue(schema, hints)].map((arbitrary) =>
        arbitrary.map((value) => (typeof value === 'object' && value !== null ? value : {})),
      )
    : [];
  const encoded = fc
    .oneof(pairs, ...own)
    .map((value) =>
      new URLSearchParams(Object.entries(value).map(([k, v]): [string, string] => [k, textOf(v)])).toString(),
    );
  const raw = fc.constantFrom(
    '%',
    '%zz',
    'a=%E0%A4%A',
    '&&&=',
    'view=past&view=upcoming',
    'view[]=past',
    '__proto__[x]=1',
    'constructor[prototype][x]=1',
  );
  return fc
    .oneof(
      { arbitrary: fc.constant(''), weight: 3 },
      { arbitrary: encoded, weight: 3 },
      { arbitrary: raw, weight: 1 },
    )
    .map((query) => (query ? `?${query}` : ''));
}

type Payload = { payload: string | undefined; contentType: string | undefined };

/** Bodies: schema-valid, near misses, any JSON at all, broken JSON, or the wrong content type. */
function payloadOf(route: ApiRoute, hints: SchemaHints): fc.Arbitrary<Payload> {
  const json = (value: unknown): Payload => ({
    payload: JSON.stringify(value),
    contentType: 'application/json',
  });
  const broken = fc
    .oneof(fc.constantFrom('', '{', '{"text":', 'null', '[]', '"x"', '{"__proto__":{"x":1}}'), fc.string())
    .map((text): Payload => ({ payload: text, contentType: 'application/json' }));
  const otherType = fc
    .tuple(fc.string(), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml'))
    .map(([text, contentType]): Payload => ({ payload: text, contentType }));
  const none = fc.constant<Payload>({ payload: undefined, contentType: undefined });
  const schema = asSchema(route.body);
  if (!schema) {
    if (route.method === 'GET') return none;
    return fc.oneof({ arbitrary: none, weight: 4 }, fc.jsonValue().map(json), broken);
  }
  return fc.oneof(
    { arbitrary: validValue(schema, hints).map(json), weight: 4 },
    { arbitrary: nearMissValue(schema, hints).map(json), weight: 4 },
    { arbitrary: fc.jsonValue().map(json), weight: 1 },
    { arbitrary: broken, weight: 1 },
    { arbitrary: otherType, weight: 1 },
    { arbitrary: none, weight: 1 },
  );
}

/**
 * Random requests to `route` signed in as one of `callers`; `ownId` is the id of a record of the kind the
 * route's path names, or null where a real one must not be used.
 */
export function probeOf(
  route: ApiRoute,
  hints: SchemaHints,
  callers: readonly TestUser[],
  ownId: string | null,
): fc.Arbitrary<Probe> {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '');
  return fc
    .record({
      caller: fc.constantFrom(...callers),
      params: fc.tuple(...names.map((name) => paramOf(route, name, hints, ownId))),
      query: queryOf(route, hints),
      body: payloadOf(route, hints),
    })
    .map(({ caller, params, query, body }) => {
      let path = route.path;
      names.forEach((name, index) => {
        path = path.replace(`:${name}`, params[index] ?? '');
      });
      const headers: Record<string, string> = { ...caller.headers };
      if (body.contentType) headers['content-type'] = body.contentType;
      return { method: route.method, url: `/api/v1${path}${query}`, headers, payload: body.payload };
    });
}
