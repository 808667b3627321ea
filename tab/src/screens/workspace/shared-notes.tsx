// Shared notes: Markdown editor with preview, autosave with a visible state, merges and conflicts shown plainly.
import {
  Button,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { SharedNotes } from 'api/contract';
import { lazy, Suspense, useState } from 'react';
import { describeError } from '../../api/api-error.ts';
import { Notice } from '../../shell/notice.tsx';
import { type NotesStatus, useSharedNotes } from './use-shared-notes.ts';

const MarkdownPreview = lazy(() => import('./markdown-preview.tsx'));

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { marginInlineEnd: 'auto' },
  editor: { width: '100%', '& textarea': { minHeight: '180px', fontFamily: tokens.fontFamilyMonospace } },
  versions: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
  },
  version: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    margin: 0,
    padding: tokens.spacingHorizontalS,
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: '200px',
    overflowY: 'auto',
  },
});

const statusText: Record<NotesStatus, string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  merged: "Saved, merged with the other participant's edits",
  conflict: 'Not saved: conflicting edits',
  error: 'Not saved',
};

export function SharedNotesEditor({ meetingId, server }: { meetingId: string; server: SharedNotes }) {
  const styles = useStyles();
  const notes = useSharedNotes(meetingId, server);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  return (
    <section className={styles.section} aria-labelledby="shared-notes-heading">
      <div className={styles.head}>
        <Text as="h3" id="shared-notes-heading" size={500} weight="semibold" className={styles.title}>
          Shared notes
        </Text>
        {notes.status === 'saving' && <Spinner size="extra-tiny" aria-hidden />}
        <Text size={200} role="status" aria-live="polite" data-testid="shared-notes-status">
          {statusText[notes.status]}
        </Text>
      </div>
      <TabList
        size="small"
        selectedValue={tab}
        onTabSelect={(_event, data) => setTab(data.value as 'write' | 'preview')}
      >
        <Tab value="write">Write</Tab>
        <Tab value="preview">Preview</Tab>
      </TabList>
      {notes.conflict && (
        <Notice
          intent="warning"
          multiline
          title="The other participant changed the same lines"
          actions={
            <>
              <Button onClick={() => notes.resolve('theirs')}>Use theirs</Button>
              <Button appearance="primary" onClick={() => notes.resolve('mine')}>
                Keep mine
              </Button>
            </>
          }
        >
          Both versions are below; nothing is lost. Choose which one to keep, then edit as you like.
          <div className={styles.versions}>
            <div>
              <Text weight="semibold">Theirs (saved)</Text>
              <pre className={styles.version}>{notes.conflict.current.text}</pre>
            </div>
            <div>
              <Text weight="semibold">Yours (not saved)</Text>
              <pre className={styles.version}>{notes.conflict.yours}</pre>
            </div>
          </div>
        </Notice>
      )}
      {notes.status === 'error' && (
        <Notice intent="error" actions={<Button onClick={() => void notes.save()}>Retry</Button>}>
          {describeError(notes.error)}
        </Notice>
      )}
      {tab === 'write' ? (
        <Textarea
          className={styles.editor}
          resize="vertical"
          value={notes.text}
          readOnly={notes.conflict !== null}
          aria-label="Shared notes (Markdown)"
          placeholder="Notes both of you see. Markdown works: **bold**, - lists, [links](https://…)"
          onChange={(_event, data) => notes.edit(data.value)}
          onBlur={notes.flush}
        />
      ) : (
        <Suspense fallback={<Spinner size="tiny" label="Rendering…" />}>
          <MarkdownPreview text={notes.text} />
        </Suspense>
      )}
    </section>
  );
}
