// Browser host only: the development inbox (GET /dev/inbox), so a local user sees the bot's cards.
import {
  Button,
  Card,
  CardHeader,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  MessageBar,
  MessageBarBody,
  makeStyles,
  OverlayDrawer,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { DevInboxEntry } from 'api/contract';
import { describeError } from '../api/api-error.ts';
import { useDevInbox } from '../api/read-queries.ts';
import { navigate } from '../shell/route.ts';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    listStyleType: 'none',
    padding: 0,
  },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const kindLabels: Record<DevInboxEntry['kind'], string> = {
  created: 'New 1:1',
  reminder: 'Reminder',
  summary: 'Weekly summary',
};

/** The readable lines of an Adaptive Card: every TextBlock's text, in order. */
export function cardLines(card: unknown): string[] {
  const lines: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'TextBlock' && typeof record.text === 'string') lines.push(record.text);
    for (const [key, value] of Object.entries(record)) if (key !== 'actions') walk(value);
  };
  walk(card);
  return lines;
}

export default function DevInbox({
  userId,
  open,
  onClose,
}: {
  userId: string;
  open: boolean;
  onClose: () => void;
}) {
  const styles = useStyles();
  const inbox = useDevInbox(userId, open);
  return (
    <OverlayDrawer open={open} position="end" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button
              appearance="subtle"
              aria-label="Close inbox"
              icon={<DismissRegular />}
              onClick={onClose}
            />
          }
        >
          Inbox (development)
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <Text>The cards the bot would have sent you in Teams, newest first.</Text>
        {inbox.isPending && <Spinner label="Loading…" />}
        {inbox.isError && (
          <MessageBar intent="error">
            <MessageBarBody>{describeError(inbox.error)}</MessageBarBody>
          </MessageBar>
        )}
        {inbox.data?.length === 0 && <Text as="p">No cards yet.</Text>}
        <ul className={styles.list} aria-label="Bot cards">
          {inbox.data?.map((entry) => (
            <li key={`${entry.kind}-${entry.sentAt}-${entry.meetingId ?? ''}`}>
              <Card>
                <CardHeader
                  header={<Text weight="semibold">{kindLabels[entry.kind]}</Text>}
                  description={<Text size={200}>{new Date(entry.sentAt).toLocaleString()}</Text>}
                />
                <div className={styles.lines}>
                  {cardLines(entry.card).map((line, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: card lines have no identity of their own
                    <Text key={index}>{line}</Text>
                  ))}
                </div>
                {entry.meetingId && (
                  <Button
                    onClick={() => {
                      navigate({ screen: 'meeting', id: entry.meetingId! });
                      onClose();
                    }}
                  >
                    Open 1:1
                  </Button>
                )}
              </Card>
            </li>
          ))}
        </ul>
      </DrawerBody>
    </OverlayDrawer>
  );
}
