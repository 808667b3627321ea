// "Link this meeting with my calendar" (SPEC.md "Updating, archiving, deleting"): a disconnected series (its
// calendar series was split) picks the new calendar series of the same pair; automatic updates resume.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me, SeriesDetail } from 'api/contract';
import { useState } from 'react';
import { describeError } from '../../api/api-error.ts';
import { useRecurringCandidates } from '../../api/calendar-queries.ts';
import { useServices } from '../../api/services.tsx';
import { Notice } from '../../shell/notice.tsx';
import { formatRange } from '../../time/format-time.ts';
import { recurrenceLabel } from '../../time/recurrence-label.ts';

export function RelinkDialog({ series, me, onClose }: { series: SeriesDetail; me: Me; onClose: () => void }) {
  const { api } = useServices();
  const client = useQueryClient();
  const connected = me.calendar?.state === 'connected';
  const candidates = useRecurringCandidates(connected);
  const [eventId, setEventId] = useState('');
  const other = series.participants.find((person) => person.id !== me.id);
  const link = useMutation({
    mutationFn: () => api.send('POST', `/series/${series.id}/link`, { eventId }),
    onSuccess: async () => {
      await client.invalidateQueries();
      onClose();
    },
  });
  // The pair's own calendar series: the pair already has this series, so they show as "pair-has-series".
  const options = (candidates.data ?? []).filter(
    (candidate) => candidate.other.userId === other?.id && candidate.status !== 'imported',
  );
  let content = <Text>Connect your calendar in My settings first.</Text>;
  if (connected && candidates.isPending) content = <Spinner label="Reading your calendar…" />;
  else if (connected && candidates.isError)
    content = <Notice intent="error">{describeError(candidates.error)}</Notice>;
  else if (connected && options.length === 0) {
    content = <Text>No recurring meeting with {other?.displayName ?? 'this person'} in your calendar.</Text>;
  } else if (connected) {
    content = (
      <RadioGroup
        value={eventId}
        onChange={(_event, data) => setEventId(data.value)}
        aria-label="Calendar series"
      >
        {options.map((candidate) => (
          <Radio
            key={candidate.eventId}
            value={candidate.eventId}
            label={`${candidate.title} — ${recurrenceLabel(candidate.recurrence)}, next ${formatRange(candidate.start, candidate.end, me.timeZone)}`}
          />
        ))}
      </RadioGroup>
    );
  }
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Link this meeting with my calendar</DialogTitle>
          <DialogContent>
            <Text as="p">
              The calendar series of this 1:1 changed. Pick the calendar series it follows now; the coming
              1:1s then update with it again.
            </Text>
            {content}
            {link.isError && <Notice intent="error">{describeError(link.error)}</Notice>}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button appearance="primary" disabled={!eventId || link.isPending} onClick={() => link.mutate()}>
              Link
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export default RelinkDialog;
