// "Bulk create 1:1s" (SPEC.md "Creating 1:1s"): the connected calendar's recurring two-person meetings of the
// next four weeks; the ones picked become connected series. Without a calendar it says what is needed.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import type { Me } from 'api/contract';
import { useState } from 'react';
import { describeError } from '../../api/api-error.ts';
import { useImportEvents, useRecurringCandidates } from '../../api/calendar-queries.ts';
import { Notice } from '../../shell/notice.tsx';
import { navigate } from '../../shell/route.ts';
import { CandidateList } from './candidate-list.tsx';

export function BulkCreateDialog({
  me,
  onClose,
  onCreateFromScratch,
}: {
  me: Me;
  onClose: () => void;
  onCreateFromScratch: () => void;
}) {
  const connected = me.calendar?.state === 'connected';
  const candidates = useRecurringCandidates(connected);
  const importing = useImportEvents();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (eventId: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(eventId);
      else next.delete(eventId);
      return next;
    });
  const create = async () => {
    const { results } = await importing.mutateAsync([...selected]);
    setSelected(new Set());
    if (results.every((result) => result.ok)) onClose();
  };
  const refused = importing.data?.results.flatMap((result) => (result.ok ? [] : [result])) ?? [];

  let content = (
    <Text as="p">
      {me.calendar
        ? 'Reconnect your calendar in My settings to list its meetings.'
        : 'It needs your calendar: connect Outlook or Google Calendar in My settings first.'}
    </Text>
  );
  if (connected && candidates.isPending) content = <Spinner label="Reading your calendar…" />;
  else if (connected && candidates.isError) {
    content = <Notice intent="error">{describeError(candidates.error)}</Notice>;
  } else if (connected && candidates.data?.length === 0) {
    content = <Text as="p">No recurring meetings with one other person in the next four weeks.</Text>;
  } else if (connected && candidates.data) {
    content = (
      <CandidateList
        candidates={candidates.data}
        selected={selected}
        onToggle={toggle}
        me={me}
        label="Recurring meetings in your calendar"
      />
    );
  }

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Bulk create {me.tenant.moduleName}</DialogTitle>
          <DialogContent>
            <Text as="p">
              Your recurring meetings of the next four weeks with exactly one other person (weekly, every 2 or
              3 weeks, or monthly). Pick the ones to turn into 1:1 series that follow the calendar.
            </Text>
            {content}
            {importing.isError && <Notice intent="error">{describeError(importing.error)}</Notice>}
            {refused.map((result) => (
              <Notice key={result.eventId} intent="warning" title="Not created">
                {result.error.message}
              </Notice>
            ))}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Close</Button>
            {!connected && (
              <Button
                onClick={() => {
                  onClose();
                  navigate({ screen: 'settings' });
                }}
              >
                Go to My settings
              </Button>
            )}
            {connected ? (
              <Button
                appearance="primary"
                disabled={selected.size === 0 || importing.isPending}
                onClick={() => void create()}
              >
                Create meeting
              </Button>
            ) : (
              <Button appearance="primary" onClick={onCreateFromScratch}>
                Create one from scratch
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export default BulkCreateDialog;
