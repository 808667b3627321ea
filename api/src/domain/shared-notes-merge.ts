// Concurrent edits of shared notes: a line-based three-way merge, so no edit is ever lost silently (SPEC.md).
import { diffIndices } from 'node-diff3';
import { RuleError } from './rule-error.ts';

export const NOTES_MAX_LENGTH = 100_000;

/**
 * What a save of the shared notes needs. The store keeps the text of recent versions so that the base of
 * an edit (the version the editor started from) can be looked up; `baseText` null means that version is
 * no longer kept, which is answered as a conflict (both texts go back to the client).
 */
export type NotesSave = {
  currentText: string;
  currentVersion: number;
  incomingText: string;
  baseVersion: number;
  baseText: string | null;
};

export type NotesSaveResult =
  /** Nothing to write: the incoming edit is already in the stored text. */
  | { kind: 'unchanged'; text: string; version: number }
  /** Write `text` as `version` (compare-and-set on currentVersion); `merged` when another edit was folded in. */
  | { kind: 'saved'; text: string; version: number; merged: boolean }
  /** A real overlap: both versions go back to the client (409) to be reconciled by a person. */
  | { kind: 'conflict'; current: { text: string; version: number }; incoming: string };

/** Notes are stored with LF line ends (what browsers submit), at most 100,000 characters. */
export function validateNotesText(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n');
  if (normalised.length > NOTES_MAX_LENGTH) throw new RuleError('NOTES_TOO_LONG');
  return normalised;
}

/** A change by one side: replace base lines [start, end) with `lines`. */
type Hunk = { side: 'current' | 'incoming'; start: number; end: number; lines: string[] };

function hunksOf(base: string[], edited: string[], side: Hunk['side']): Hunk[] {
  return diffIndices(base, edited).map((hunk) => ({
    side,
    start: hunk.buffer1[0],
    end: hunk.buffer1[0] + hunk.buffer1[1],
    lines: hunk.buffer2Content,
  }));
}

/**
 * Two changes of different sides overlap when they touch the same base lines, or insert at the same
 * place, or one inserts inside lines the other changed. Changes to adjacent lines do not overlap: unlike
 * diff3/git we merge them, since SPEC.md asks to merge every non-overlapping edit.
 */
function overlaps(x: Hunk, y: Hunk): boolean {
  if (x.side === y.side) return false;
  if (x.start === x.end && y.start === y.end) return x.start === y.start;
  if (x.start === x.end) return x.start > y.start && x.start < y.end;
  if (y.start === y.end) return y.start > x.start && y.start < x.end;
  return Math.max(x.start, y.start) < Math.min(x.end, y.end);
}

/** Hunks grouped so that overlapping ones share a group; groups in base order. */
function groupHunks(hunks: Hunk[]): Hunk[][] {
  const groups: Hunk[][] = [];
  for (const hunk of hunks) {
    const touching = groups.filter((group) => group.some((member) => overlaps(member, hunk)));
    const merged = [...touching.flat(), hunk];
    groups.splice(0, groups.length, ...groups.filter((group) => !touching.includes(group)), merged);
  }
  const span = (group: Hunk[]) => [
    Math.min(...group.map((h) => h.start)),
    Math.max(...group.map((h) => h.end)),
  ];
  return groups.sort((x, y) => {
    const [xs = 0, xe = 0] = span(x);
    const [ys = 0, ye = 0] = span(y);
    return xs - ys || xe - ye;
  });
}

/** One side's version of base lines [start, end), with that side's hunks applied. */
function sideVersion(base: string[], hunks: Hunk[], start: number, end: number): string[] {
  const out: string[] = [];
  let at = start;
  for (const hunk of [...hunks].sort((x, y) => x.start - y.start)) {
    out.push(...base.slice(at, hunk.start), ...hunk.lines);
    at = hunk.end;
  }
  out.push(...base.slice(at, end));
  return out;
}

function startsWith(lines: string[], prefix: string[]): boolean {
  return prefix.every((line, index) => lines[index] === line);
}

function endsWith(lines: string[], suffix: string[]): boolean {
  return suffix.every((line, index) => lines[lines.length - suffix.length + index] === line);
}

/**
 * Both sides inserted lines at the same place: keep both, the stored text's lines first. When one
 * insertion extends the other (both typed the same beginning), the longer one alone keeps everything.
 */
function bothInsertions(current: string[], incoming: string[]): string[] {
  const [longer, shorter] = current.length >= incoming.length ? [current, incoming] : [incoming, current];
  if (startsWith(longer, shorter) || endsWith(longer, shorter)) return longer;
  return [...current, ...incoming];
}

/** The merged lines of one group of changes, or null when the two sides really conflict. */
function resolveGroup(base: string[], group: Hunk[]): string[] | null {
  const start = Math.min(...group.map((hunk) => hunk.start));
  const end = Math.max(...group.map((hunk) => hunk.end));
  const current = sideVersion(
    base,
    group.filter((hunk) => hunk.side === 'current'),
    start,
    end,
  );
  const incoming = sideVersion(
    base,
    group.filter((hunk) => hunk.side === 'incoming'),
    start,
    end,
  );
  if (group.length === 1) return group[0]?.side === 'current' ? current : incoming;
  if (current.join('\n') === incoming.join('\n')) return current;
  if (start === end) return bothInsertions(current, incoming);
  return null;
}

/** Empty notes have no line at all, so two people starting empty notes both insert rather than both edit. */
function linesOf(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

/** Three-way merge of whole texts by lines: the merged text, or null on a real conflict. */
export function mergeTexts(baseText: string, currentText: string, incomingText: string): string | null {
  const base = linesOf(baseText);
  const hunks = [...hunksOf(base, linesOf(currentText), 'current')];
  hunks.push(...hunksOf(base, linesOf(incomingText), 'incoming'));
  hunks.sort((x, y) => x.start - y.start || x.end - y.end);
  const out: string[] = [];
  let at = 0;
  for (const group of groupHunks(hunks)) {
    const resolved = resolveGroup(base, group);
    if (resolved === null) return null;
    const start = Math.min(...group.map((hunk) => hunk.start));
    out.push(...base.slice(at, start), ...resolved);
    at = Math.max(...group.map((hunk) => hunk.end));
  }
  out.push(...base.slice(at));
  return out.join('\n');
}

/**
 * The decision for PUT /meetings/:id/shared-notes `{ text, baseVersion }`: save as is when nobody saved
 * since the editor's base, merge when someone did, and answer a conflict only on a real overlap.
 */
export function saveSharedNotes(save: NotesSave): NotesSaveResult {
  const incoming = validateNotesText(save.incomingText);
  const { currentText, currentVersion, baseVersion } = save;
  if (!Number.isInteger(baseVersion) || baseVersion < 0 || baseVersion > currentVersion) {
    throw new RuleError('NOTES_BASE_VERSION_UNKNOWN');
  }
  if (incoming === currentText) return { kind: 'unchanged', text: currentText, version: currentVersion };
  if (baseVersion === currentVersion) {
    return { kind: 'saved', text: incoming, version: currentVersion + 1, merged: false };
  }
  const merged = save.baseText === null ? null : mergeTexts(save.baseText, currentText, incoming);
  if (merged === null) {
    return { kind: 'conflict', current: { text: currentText, version: currentVersion }, incoming };
  }
  if (merged === currentText) return { kind: 'unchanged', text: currentText, version: currentVersion };
  if (merged.length > NOTES_MAX_LENGTH) throw new RuleError('NOTES_TOO_LONG');
  return { kind: 'saved', text: merged, version: currentVersion + 1, merged: true };
}
