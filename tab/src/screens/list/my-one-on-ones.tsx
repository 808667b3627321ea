// My 1:1s: Upcoming / Past / Archived cards, empty states, and the two creation buttons.
import { Button, makeStyles, Spinner, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { AddRegular, PeopleAddRegular } from '@fluentui/react-icons';
import type { ListView, Me } from 'api/contract';
import { lazy, Suspense, useState } from 'react';
import { describeError } from '../../api/api-error.ts';
import { useCards } from '../../api/read-queries.ts';
import { Notice } from '../../shell/notice.tsx';
import { openCard } from '../../shell/open-card.ts';
import { OneOnOneCardView } from './one-on-one-card.tsx';

// Dialogs load when opened: the list itself should appear as fast as possible.
const CreateDialog = lazy(() => import('../create/create-dialog.tsx'));
const BulkCreateDialog = lazy(() => import('../create/bulk-create-dialog.tsx'));

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  heading: { marginInlineEnd: 'auto' },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    padding: 0,
    margin: 0,
  },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalL,
  },
});

const emptyText: Record<ListView, { title: string; body: string }> = {
  upcoming: {
    title: 'No upcoming 1:1s yet',
    body: 'Create a 1:1 with a colleague: pick the person, a time and how often you meet. Both of you then share one agenda, action items and notes.',
  },
  past: { title: 'No past 1:1s', body: '1:1s appear here once they have ended.' },
  archived: {
    title: 'Nothing archived',
    body: 'Archive a past 1:1 or a finished series from its menu to tidy your lists. You can unarchive it here.',
  },
};

export function MyOneOnOnes({ me }: { me: Me }) {
  const styles = useStyles();
  const [view, setView] = useState<ListView>('upcoming');
  const [creating, setCreating] = useState(false);
  const [bulk, setBulk] = useState(false);
  const cards = useCards(view);
  const name = me.tenant.moduleName;
  return (
    <section className={styles.page} aria-labelledby="list-heading">
      <div className={styles.toolbar}>
        <Text as="h2" id="list-heading" size={600} weight="semibold" className={styles.heading}>
          My {name}
        </Text>
        <Button icon={<PeopleAddRegular />} onClick={() => setBulk(true)}>
          Bulk create {name}
        </Button>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setCreating(true)}>
          Create new 1:1
        </Button>
      </div>
      <TabList selectedValue={view} onTabSelect={(_event, data) => setView(data.value as ListView)}>
        <Tab value="upcoming">Upcoming</Tab>
        <Tab value="past">Past</Tab>
        <Tab value="archived">Archived</Tab>
      </TabList>
      {cards.isPending && <Spinner label="Loading your 1:1s…" />}
      {cards.isError && (
        <Notice intent="error" actions={<Button onClick={() => cards.refetch()}>Try again</Button>}>
          {describeError(cards.error)}
        </Notice>
      )}
      {cards.data?.length === 0 && (
        <div className={styles.empty}>
          <Text as="h3" weight="semibold">
            {emptyText[view].title}
          </Text>
          <Text>{emptyText[view].body}</Text>
          {view === 'upcoming' && (
            <div className={styles.toolbar}>
              <Button appearance="primary" onClick={() => setCreating(true)}>
                Create your first 1:1
              </Button>
            </div>
          )}
        </div>
      )}
      {cards.data && cards.data.length > 0 && (
        <ul className={styles.list} aria-label={`${view} 1:1s`}>
          {cards.data.map((card) => (
            <li key={`${card.kind}-${card.id}`}>
              <OneOnOneCardView card={card} me={me} view={view} onOpen={openCard} />
            </li>
          ))}
        </ul>
      )}
      <Suspense fallback={null}>
        {creating && <CreateDialog me={me} onClose={() => setCreating(false)} />}
        {bulk && (
          <BulkCreateDialog
            me={me}
            onClose={() => setBulk(false)}
            onCreateFromScratch={() => {
              setBulk(false);
              setCreating(true);
            }}
          />
        )}
      </Suspense>
    </section>
  );
}

export default MyOneOnOnes;
