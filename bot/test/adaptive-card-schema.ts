// Checks a card against the official Adaptive Cards object model (the `adaptivecards` package): every element and
// property known, every value valid, nothing newer than the version Teams renders.
import { createRequire } from 'node:module';

interface ParseEvent {
  readonly message: string;
}
interface SerializationContext {
  targetVersion: unknown;
  readonly eventCount: number;
  getEventAt(index: number): ParseEvent;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => { parse(json: unknown, context: SerializationContext): void; toJSON(): unknown };
  SerializationContext: new () => SerializationContext;
  Versions: Record<string, unknown>;
}

// The package's ESM build imports paths without extensions, which Node refuses; its UMD bundle loads fine.
const cards = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

/** The problems the official parser reports for a card targeting Adaptive Cards 1.5 (empty: valid). */
export function adaptiveCardProblems(json: Record<string, unknown>): string[] {
  const context = new cards.SerializationContext();
  context.targetVersion = cards.Versions.v1_5;
  const card = new cards.AdaptiveCard();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) problems.push(context.getEventAt(i).message);
  if (json.type !== 'AdaptiveCard') problems.push('not an AdaptiveCard');
  if (json.version !== '1.5') problems.push(`version ${String(json.version)} (Teams renders 1.5)`);
  return problems;
}
