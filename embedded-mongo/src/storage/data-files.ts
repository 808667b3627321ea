// Names of the files in a data directory: numbered journal segments and snapshots.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export type NumberedFile = { path: string; sequence: number };

const pattern = /^(journal|snapshot)-(\d{12})\.(log|bson)$/;

export function journalPath(directory: string, sequence: number): string {
  return join(directory, `journal-${pad(sequence)}.log`);
}

export function snapshotPath(directory: string, sequence: number): string {
  return join(directory, `snapshot-${pad(sequence)}.bson`);
}

export function listDataFiles(directory: string): {
  journals: NumberedFile[];
  snapshots: NumberedFile[];
  temps: string[];
} {
  const journals: NumberedFile[] = [];
  const snapshots: NumberedFile[] = [];
  const temps: string[] = [];
  for (const name of readdirSync(directory)) {
    if (name.endsWith('.tmp')) {
      temps.push(join(directory, name));
      continue;
    }
    const match = pattern.exec(name);
    if (!match) continue;
    const file = { path: join(directory, name), sequence: Number(match[2]) };
    (match[1] === 'journal' ? journals : snapshots).push(file);
  }
  journals.sort((a, b) => a.sequence - b.sequence);
  snapshots.sort((a, b) => a.sequence - b.sequence);
  return { journals, snapshots, temps };
}

function pad(sequence: number): string {
  return String(sequence).padStart(12, '0');
}
