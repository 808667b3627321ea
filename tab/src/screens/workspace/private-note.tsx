// My private note for this 1:1 (only I ever see it), with the remembered show/hide toggle for screen sharing.
import { Button, makeStyles, Switch, Text, Textarea, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../../api/api-error.ts';
import { usePreferences } from '../../api/meeting-mutations.ts';
import { useServices } from '../../api/services.tsx';
import { Notice } from '../../shell/notice.tsx';
import { autosaveDelayMs } from './use-shared-notes.ts';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { marginInlineEnd: 'auto', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  editor: { width: '100%', '& textarea': { minHeight: '120px' } },
  hidden: { color: tokens.colorNeutralForeground3 },
});

type Status = 'saved' | 'unsaved' | 'saving' | 'error';
const statusText: Record<Status, string> = {
  saved: 'Saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  error: 'Not saved',
};

export function PrivateNote({
  meetingId,
  initial,
  shown,
}: {
  meetingId: string;
  initial: string;
  shown: boolean;
}) {
  const styles = useStyles();
  const { api } = useServices();
  const preferences = usePreferences();
  const [text, setText] = useState(initial);
  const [status, setStatus] = useState<Status>('saved');
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const sent = latest.current;
    setStatus('saving');
    try {
      await api.send('PUT', `/meetings/${meetingId}/private-note`, { text: sent });
      setStatus(latest.current === sent ? 'saved' : 'unsaved');
    } catch (caught) {
      setError(caught);
      setStatus('error');
    }
  }, [api, meetingId]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return (
    <section className={styles.section} aria-labelledby="private-note-heading">
      <div className={styles.head}>
        <Text as="h3" id="private-note-heading" size={500} weight="semibold" className={styles.title}>
          <LockClosedRegular aria-hidden /> Private notes
        </Text>
        <Switch
          checked={shown}
          label={shown ? 'Shown' : 'Hidden'}
          aria-label="Show my private notes"
          onChange={(_event, data) => preferences.mutate({ showPrivateNotes: data.checked })}
        />
      </div>
      {preferences.isError && <Notice intent="error">{describeError(preferences.error)}</Notice>}
      {shown ? (
        <>
          <Text size={200}>Only you can see these. {statusText[status]}</Text>
          <Textarea
            className={styles.editor}
            resize="vertical"
            value={text}
            aria-label="Private notes"
            placeholder="Notes for yourself: the other participant never sees them."
            onChange={(_event, data) => {
              latest.current = data.value;
              setText(data.value);
              setStatus('unsaved');
              if (timer.current) clearTimeout(timer.current);
              timer.current = setTimeout(() => void save(), autosaveDelayMs);
            }}
            onBlur={() => {
              if (status === 'unsaved') void save();
            }}
          />
          {status === 'error' && (
            <Notice intent="error" actions={<Button onClick={() => void save()}>Retry</Button>}>
              {describeError(error)}
            </Notice>
          )}
        </>
      ) : (
        <Text className={styles.hidden}>
          Hidden (handy while you share your screen). Turn on the switch to see them.
        </Text>
      )}
    </section>
  );
}
