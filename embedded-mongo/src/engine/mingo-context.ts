// The mingo operator context shared by queries, updates and pipelines, with MongoDB's `$type` aliases.
import type { Document } from 'bson';
import { Context } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
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

const context = Context.init({
  accumulator: accumulatorOperators,
  expression: expressionOperators,
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: { ...queryOperators, $type: $type as unknown as QueryOperator },
  window: windowOperators,
});

export function mingoOptions(extra: Partial<Options> = {}): Partial<Options> {
  return { context, idKey: '_id', useStrictMode: true, scriptEnabled: false, ...extra };
}

export const sharedOptions = mingoOptions();
