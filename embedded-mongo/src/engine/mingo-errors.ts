// Maps mingo's error messages to the codes mongod answers for the same mistakes.
import { MingoError } from 'mingo/util';
import { CommandError, ErrorCode } from '../errors.ts';

const patterns: Array<[RegExp, (match: RegExpMatchArray) => CommandError]> = [
  [
    /would modify the immutable field '(\S+)'/,
    (m) => new CommandError(ErrorCode.ImmutableField, m.input ?? m[0]),
  ],
  [/unknown query operator (\S+)/, (m) => new CommandError(ErrorCode.BadValue, `unknown operator: ${m[1]}`)],
  [
    /unknown top level operator: (\S+)/,
    (m) => new CommandError(ErrorCode.BadValue, `unknown top level operator: ${m[1]}`),
  ],
  [
    /unregistered pipeline operator (\$\w+)/,
    (m) => new CommandError(ErrorCode.Location40324, `Unrecognized pipeline stage name: '${m[1]}'`),
  ],
  [
    /accumulator '(\S+)' is not registered/,
    (m) => new CommandError(ErrorCode.InvalidPipelineOperator, `Unrecognized expression '${m[1]}'`),
  ],
  [
    /Unknown update operator: '(\S+)'/,
    (m) =>
      new CommandError(
        ErrorCode.FailedToParse,
        `Unknown modifier: ${m[1]}. Expected a valid update modifier or pipeline-style update specified as an array`,
      ),
  ],
];

export function translateMingoError(error: unknown): Error {
  if (error instanceof CommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  for (const [pattern, build] of patterns) {
    const match = message.match(pattern);
    if (match) return build(match);
  }
  if (error instanceof MingoError) return new CommandError(ErrorCode.BadValue, message);
  return new CommandError(ErrorCode.BadValue, `embedded-mongo could not evaluate this request: ${message}`);
}
