// Reads the few facts the tests need from Bicep source (params, outputs, module calls, one object literal):
// no bicep CLI is available offline, so the templates' consistency is checked from their text.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const INFRA_DIR = path.resolve(import.meta.dirname, '..');

export function readInfraFile(relative: string): string {
  return readFileSync(path.join(INFRA_DIR, relative), 'utf8');
}

/** Source without comments, so a name in a comment never counts as a declaration. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'])\/\/.*$/gm, '$1');
}

export interface BicepParam {
  readonly name: string;
  readonly type: string;
  readonly hasDefault: boolean;
  readonly secure: boolean;
}

export function bicepParams(text: string): Map<string, BicepParam> {
  const params = new Map<string, BicepParam>();
  const source = code(text);
  let previousEnd = 0;
  for (const match of source.matchAll(/^param\s+(\w+)\s+(\w+)(\s*=)?/gm)) {
    const [declaration, name = '', type = '', assignment] = match;
    // Decorators are whatever stands between the previous declaration and this one.
    const decorators = source.slice(previousEnd, match.index);
    previousEnd = match.index + declaration.length;
    params.set(name, {
      name,
      type,
      hasDefault: Boolean(assignment),
      secure: decorators.includes('@secure()'),
    });
  }
  return params;
}

export function bicepOutputs(text: string): string[] {
  return [...code(text).matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1] ?? '');
}

/** The text between the `{` that follows `opening` and its matching `}`. */
export function blockAfter(text: string, opening: string): string {
  const source = code(text);
  const start = source.indexOf(opening);
  if (start < 0) throw new Error(`"${opening}" not found`);
  const open = source.indexOf('{', start);
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '{') depth++;
    if (source[i] === '}') depth--;
    if (depth === 0) return source.slice(open + 1, i);
  }
  throw new Error(`"${opening}" has no closing brace`);
}

/** `NAME: expression` pairs of a flat Bicep object literal. */
export function objectEntries(block: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const match of block.matchAll(/^\s*([A-Za-z_][\w]*)\s*:\s*(.+?)\s*$/gm)) {
    entries.set(match[1] ?? '', match[2] ?? '');
  }
  return entries;
}

export interface ModuleCall {
  readonly symbol: string;
  readonly path: string;
  readonly params: string[];
}

export function moduleCalls(text: string): ModuleCall[] {
  const source = code(text);
  return [...source.matchAll(/^module\s+(\w+)\s+'([^']+)'/gm)].map((match) => {
    const rest = source.slice(match.index);
    const params = objectEntries(blockAfter(rest, 'params:'));
    return { symbol: match[1] ?? '', path: match[2] ?? '', params: [...params.keys()] };
  });
}
