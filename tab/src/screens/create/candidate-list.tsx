// Calendar meetings to import, as a list of checkboxes: importable ones can be picked, the others say why not
// (already imported, the pair already has a series, the person has not used the app yet).
import { Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { CalendarCandidate, Me } from 'api/contract';
import { formatRange } from '../../time/format-time.ts';
import { recurrenceLabel } from '../../time/recurrence-label.ts';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    padding: 0,
    margin: 0,
  },
  why: {
    display: 'block',
    paddingInlineStart: tokens.spacingHorizontalXXL,
    color: tokens.colorNeutralForeground3,
  },
});

const why: Record<CalendarCandidate['status'], string> = {
  importable: '',
  imported: 'Already a 1:1',
  'pair-has-series': 'You two already have a recurring 1:1',
  'unknown-person': 'This person has not used the app yet',
  'recurrence-not-supported': 'Repeats in a way 1:1s do not offer',
};

export function CandidateList({
  candidates,
  selected,
  onToggle,
  me,
  label,
}: {
  candidates: readonly CalendarCandidate[];
  selected: ReadonlySet<string>;
  onToggle: (eventId: string, on: boolean) => void;
  me: Me;
  label: string;
}) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {candidates.map((candidate) => {
        const importable = candidate.status === 'importable';
        const repeat = candidate.kind === 'series' ? recurrenceLabel(candidate.recurrence) : 'Once';
        const when = formatRange(candidate.start, candidate.end, me.timeZone);
        return (
          <li key={candidate.eventId}>
            <Checkbox
              checked={selected.has(candidate.eventId)}
              disabled={!importable}
              onChange={(_event, data) => onToggle(candidate.eventId, data.checked === true)}
              label={`${candidate.title} — with ${candidate.other.displayName}, ${repeat}, next ${when}`}
            />
            {!importable && (
              <Text size={200} className={styles.why}>
                {why[candidate.status]}
              </Text>
            )}
          </li>
        );
      })}
    </ul>
  );
}
