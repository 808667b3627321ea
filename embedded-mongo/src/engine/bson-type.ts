// MongoDB `$type` aliases and numbers mapped to tests on deserialized BSON values.
type Test = (v: unknown) => boolean;

const bsonType = (v: unknown): string | undefined =>
  v !== null && typeof v === 'object' ? (v as { _bsontype?: string })._bsontype : undefined;

const isPlainObject = (v: unknown): boolean =>
  v !== null &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  bsonType(v) === undefined &&
  !(v instanceof Date) &&
  !(v instanceof RegExp);

// Integral numbers are written back as int32 (or int64 past 32 bits), others as double.
const isInt = (v: unknown): boolean =>
  typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 0x7fffffff;
const isLong = (v: unknown): boolean =>
  typeof v === 'bigint' ||
  bsonType(v) === 'Long' ||
  (typeof v === 'number' && Number.isInteger(v) && !isInt(v));
const isDouble = (v: unknown): boolean => typeof v === 'number' && !Number.isInteger(v);

const tests: Array<[string, number, Test]> = [
  ['double', 1, isDouble],
  ['string', 2, (v) => typeof v === 'string'],
  ['object', 3, isPlainObject],
  ['array', 4, Array.isArray],
  ['binData', 5, (v) => bsonType(v) === 'Binary'],
  ['objectId', 7, (v) => bsonType(v) === 'ObjectId'],
  ['bool', 8, (v) => typeof v === 'boolean'],
  ['date', 9, (v) => v instanceof Date],
  ['null', 10, (v) => v === null],
  ['regex', 11, (v) => v instanceof RegExp || bsonType(v) === 'BSONRegExp'],
  ['javascript', 13, (v) => bsonType(v) === 'Code'],
  ['int', 16, isInt],
  ['timestamp', 17, (v) => bsonType(v) === 'Timestamp'],
  ['long', 18, isLong],
  ['decimal', 19, (v) => bsonType(v) === 'Decimal128'],
  ['minKey', -1, (v) => bsonType(v) === 'MinKey'],
  ['maxKey', 127, (v) => bsonType(v) === 'MaxKey'],
];

export const bsonTypeMatches = new Map<string | number, Test>();
for (const [alias, code, test] of tests) {
  bsonTypeMatches.set(alias, test);
  bsonTypeMatches.set(code, test);
}
bsonTypeMatches.set('number', (v) => typeof v === 'number' || isLong(v) || bsonType(v) === 'Decimal128');
