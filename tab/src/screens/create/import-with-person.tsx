// "Create new 1:1" with a connected calendar: the meetings of the next four weeks with the picked person,
// single or recurring, to import instead of creating from scratch.
import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { Card, Me, UserSummary } from 'api/contract';
import { useState } from 'react';
import { describeError } from '../../api/api-error.ts';
import { useImportEvents, useMeetingsWith } from '../../api/calendar-queries.ts';
import { Notice } from '../../shell/notice.tsx';
import { CandidateList } from './candidate-list.tsx';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function ImportWithPerson({
  me,
  person,
  onImported,
}: {
  me: Me;
  person: UserSummary;
  onImported: (card: Card) => void;
}) {
  const styles = useStyles();
  const meetings = useMeetingsWith(person.id);
  const importing = useImportEvents();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  if (meetings.isPending) return <Spinner size="tiny" label="Reading your calendar…" />;
  if (meetings.isError) return <Notice intent="warning">{describeError(meetings.error)}</Notice>;
  if (meetings.data.length === 0) {
    return <Text>No meetings with {person.displayName} in your calendar in the next four weeks.</Text>;
  }
  const run = async () => {
    const { results } = await importing.mutateAsync([...selected]);
    const created = results.find((result) => result.ok);
    if (created?.ok && results.every((result) => result.ok)) onImported(created.card);
  };
  const refused = importing.data?.results.flatMap((result) => (result.ok ? [] : [result])) ?? [];
  return (
    <section className={styles.box} aria-label={`Meetings with ${person.displayName} in your calendar`}>
      <Text weight="semibold">Import from your calendar</Text>
      <CandidateList
        candidates={meetings.data}
        selected={selected}
        onToggle={(eventId, on) =>
          setSelected((current) => {
            const next = new Set(current);
            if (on) next.add(eventId);
            else next.delete(eventId);
            return next;
          })
        }
        me={me}
        label={`Meetings with ${person.displayName}`}
      />
      <div>
        <Button
          type="button"
          disabled={selected.size === 0 || importing.isPending}
          onClick={() => void run()}
        >
          Import selected
        </Button>
      </div>
      {importing.isError && <Notice intent="error">{describeError(importing.error)}</Notice>}
      {refused.map((result) => (
        <Notice key={result.eventId} intent="warning" title="Not imported">
          {result.error.message}
        </Notice>
      ))}
      <Text size={200}>Or create it from scratch below.</Text>
    </section>
  );
}
