// The mingo operator context shared by queries, updates and pipelines, with MongoDB's `$type` aliases.
import type { Document } from 'bson';
import { Context } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { Options, QueryOperator } from 'mingo/types';
import { resolve } from 'mingo/util';
import { badValue } from '../errors.ts';
import { bsonTypeMatches } from './bson-type.ts';

// mingo's own $type knows neither `objectId`, `binData` nor `timestamp`; MongoDB clients use them.
function $type(selector: string, value: unknown): (obj: Document) => boolean {
  const aliases: unknown[] = Array.isArray(value) ? value : [value];
  const tests = aliases.map((alias) => {
    const test = bsonTypeMatches.get(alias as string | number);
    if (!test) throw badValue(`Unknown type name alias: ${String(alias)}`);
    return test;
  });
  return (obj: Document) => {
    const found = resolve(obj, selector);
    const candidates = Array.isArray(found) ? [found, ...found] : [found];
    return candidates.some((v) => tests.some((test) => test(v)));
  };
}

// mingo copies its whole operator table (~300 entries) whenever it is handed plain options, but not
// when handed the options object it builds internally. This operator captures that object once.
const CAPTURE = '$__embeddedMongoCaptureOptions';
let capturing = false;
let captured: Options | undefined;
const captureOptions = ((_selector: string, _value: unknown, options: Options) => {
  if (!capturing) throw badValue(`unknown operator: ${CAPTURE}`);
  captured = options;
  return () => true;
}) as unknown as QueryOperator;

const queryOperatorTable = { ...queryOperators, $type: $type as unknown as QueryOperator };

const context = Context.init({
  accumulator: accumulatorOperators,
  expression: expressionOperators,
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: { ...queryOperatorTable, [CAPTURE]: captureOptions },
  window: windowOperators,
});

/** Plain options, for one-off work (aggregations, collations): mingo copies the context each time. */
export function mingoOptions(extra: Partial<Options> = {}): Partial<Options> {
  return { context, idKey: '_id', useStrictMode: true, scriptEnabled: false, ...extra };
}

function precompiledOptions(): Options {
  capturing = true;
  try {
    new Query({ _: { [CAPTURE]: 1 } }, mingoOptions());
  } finally {
    capturing = false;
  }
  return captured!;
}

/** For the hot path (every filter and projection): no per-call copy of the operator table. */
export const sharedOptions: Options = precompiledOptions();

/**
 * For mingo's updater, which copies whatever context it gets and then adds its own operators:
 * a context with just the query operators (array filters, `$pull` conditions) keeps that copy small.
 */
export const updateOptions: Partial<Options> = {
  context: Context.init({ query: queryOperatorTable }),
  idKey: '_id',
  useStrictMode: true,
  scriptEnabled: false,
};
