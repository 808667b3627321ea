// The checks an app package must pass before it is zipped: the official v1.30 JSON schema (shipped offline by
// @microsoft/app-manifest), icon sizes, unique ids, and every framed URL on a valid domain over https.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04Module from 'ajv-draft-04';
import addFormats from 'ajv-formats';

// A CommonJS package: its class sits on `default` under Node's ESM interop.
const AjvDraft04 = AjvDraft04Module.default;

export const MANIFEST_VERSION = '1.30';
const require = createRequire(import.meta.url);
export const SCHEMA_PATH = require.resolve(
  `@microsoft/app-manifest/build/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
);

/** Sizes Teams asks for: a 192 × 192 colour icon and a 32 × 32 outline icon. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Manifest = { [key: string]: Json };

let validator: ReturnType<InstanceType<typeof AjvDraft04>['compile']> | undefined;

/** Schema errors as `path: message` lines; empty when the manifest is valid. */
export function schemaErrors(manifest: unknown): string[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object;
    // The schema is draft-04 but uses `const`, which Ajv's draft-04 class understands; strict mode would
    // reject the vendor's unknown keywords and formats, which are descriptive only.
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats.default(ajv);
    validator = ajv.compile(schema);
  }
  if (validator(manifest)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}

/** Width and height from a PNG's IHDR chunk (the first chunk, right after the 8-byte signature). */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) throw new Error('not a PNG file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Problems with the icon files a manifest names, given their bytes by relative path. */
export function iconProblems(manifest: Manifest, files: ReadonlyMap<string, Uint8Array>): string[] {
  const icons = manifest.icons as Record<string, string>;
  const problems: string[] = [];
  for (const [kind, expected] of Object.entries(ICON_SIZES)) {
    const file = icons[kind];
    const bytes = file ? files.get(file) : undefined;
    if (!file || !bytes) {
      problems.push(`icons.${kind}: file ${file ?? '(none)'} is missing from the package`);
      continue;
    }
    const { width, height } = pngSize(bytes);
    if (width !== expected || height !== expected) {
      problems.push(`icons.${kind}: ${file} is ${width}×${height}, expected ${expected}×${expected}`);
    }
  }
  return problems;
}

/**
 * Ids that must be unique within the app: tab ids and entity ids, and the add-in's runtime, action,
 * group and control ids (Office resolves a control's actionId by id, so a clash would open the wrong page).
 */
export function idProblems(manifest: Manifest): string[] {
  const ids: string[] = [];
  const arrays = (value: Json | undefined): Manifest[] => (Array.isArray(value) ? (value as Manifest[]) : []);
  for (const tab of arrays(manifest.configurableTabs)) if (typeof tab.id === 'string') ids.push(tab.id);
  for (const tab of arrays(manifest.staticTabs)) ids.push(String(tab.entityId));
  const actionIds = new Set<string>();
  const actionRefs: string[] = [];
  for (const extension of arrays(manifest.extensions)) {
    for (const runtime of arrays(extension.runtimes)) {
      ids.push(String(runtime.id));
      for (const action of arrays(runtime.actions)) {
        ids.push(String(action.id));
        actionIds.add(String(action.id));
      }
    }
    for (const ribbon of arrays(extension.ribbons)) {
      for (const tab of arrays(ribbon.tabs)) {
        if (typeof tab.id === 'string') ids.push(tab.id);
        for (const group of arrays(tab.groups)) {
          ids.push(String(group.id));
          for (const control of arrays(group.controls)) {
            ids.push(String(control.id));
            if (typeof control.actionId === 'string') actionRefs.push(control.actionId);
          }
        }
      }
    }
  }
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const id of ids) {
    if (seen.has(id)) problems.push(`id "${id}" is used more than once`);
    seen.add(id);
  }
  for (const ref of actionRefs) {
    if (!actionIds.has(ref)) problems.push(`control actionId "${ref}" names no runtime action`);
  }
  return problems;
}

/**
 * Every URL that Teams or Outlook loads must be https and on one of `validDomains`. Two kinds are exempt:
 * the `$schema` pointer, and the developer's website/privacy/terms links, which open in a browser rather
 * than in the app's frame (a publisher's privacy page usually lives on its own site).
 */
export function urlProblems(manifest: Manifest): string[] {
  const domains = (manifest.validDomains as string[] | undefined) ?? [];
  const problems: string[] = [];
  for (const [where, url] of urlsIn(manifest, '')) {
    if (where === '/$schema' || where.startsWith('/developer/')) continue;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`${where}: "${url}" is not a URL`);
      continue;
    }
    if (parsed.protocol !== 'https:') problems.push(`${where}: ${url} is not https`);
    if (!domains.some((domain) => hostMatches(parsed.host, domain))) {
      problems.push(`${where}: ${parsed.host} is not in validDomains`);
    }
  }
  return problems;
}

function urlsIn(value: Json, where: string): [string, string][] {
  if (typeof value === 'string') return /^https?:\/\//i.test(value) ? [[where, value]] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => urlsIn(item, `${where}/${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => urlsIn(item, `${where}/${key}`));
  }
  return [];
}

/** `validDomains` entries may carry a port and a leading `*.` wildcard (one label). */
function hostMatches(host: string, domain: string): boolean {
  const pattern = domain.toLowerCase();
  const actual = host.toLowerCase();
  if (!pattern.startsWith('*.')) return actual === pattern;
  const rest = pattern.slice(1);
  return actual.endsWith(rest) && !actual.slice(0, -rest.length).includes('.');
}

/** All problems of a filled manifest and its package files, schema first. */
export function appPackageProblems(manifest: Manifest, files: ReadonlyMap<string, Uint8Array>): string[] {
  return [
    ...schemaErrors(manifest),
    ...iconProblems(manifest, files),
    ...idProblems(manifest),
    ...urlProblems(manifest),
  ];
}
