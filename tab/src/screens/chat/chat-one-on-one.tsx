// The Teams tab of a one-on-one chat (SPEC.md "Who uses it"): opens the pair's series at its next 1:1, or offers
// "Create new 1:1" with the other person already picked.
import { Button } from '@fluentui/react-components';
import type { Card, Me, UserSummary } from 'api/contract';
import { lazy, Suspense, useEffect, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { Notice } from '../../shell/notice.tsx';
import { navigate } from '../../shell/route.ts';
import { LoadFailure, Loading } from '../../shell/status-screens.tsx';
import { useChatOneOnOne } from './chat-one-on-one-query.ts';

const CreateDialog = lazy(() => import('../create/create-dialog.tsx'));

/** The series' next meeting (else its last); replaces the landing, so "back" does not come here again. */
function openSeries(card: Card): void {
  const meeting = card.nextMeeting ?? card.lastMeeting;
  navigate(meeting ? { screen: 'meeting', id: meeting.id } : { screen: 'series', id: card.id }, {
    replace: true,
  });
}

/** 422: a group chat; 404: a chat I am not in. Neither has a 1:1 of its own: the list is shown instead. */
function isNotOneOnOneChat(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 422 || error.status === 404);
}

export function ChatOneOnOne({ chatId, me, onLeave }: { chatId: string; me: Me; onLeave: () => void }) {
  const answer = useChatOneOnOne(chatId);
  const card = answer.data?.card ?? null;
  const notOneOnOne = isNotOneOnOneChat(answer.error);
  useEffect(() => {
    if (card) openSeries(card);
    else if (notOneOnOne) onLeave();
  }, [card, notOneOnOne, onLeave]);

  if (answer.isError && !notOneOnOne)
    return <LoadFailure error={answer.error} onRetry={() => answer.refetch()} />;
  if (!answer.data || card) return <Loading label="Opening your 1:1" />;
  const { other } = answer.data;
  if (!other) {
    return (
      <Notice intent="info" title="Not here yet" actions={<Button onClick={onLeave}>See all my 1:1s</Button>}>
        The other person in this chat has not opened 1:1s yet. Once they have, you can create your 1:1 here.
      </Notice>
    );
  }
  return <NoOneOnOneYet other={other} me={me} onLeave={onLeave} />;
}

function NoOneOnOneYet({ other, me, onLeave }: { other: UserSummary; me: Me; onLeave: () => void }) {
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Notice
        intent="info"
        title={`No 1:1 with ${other.displayName} yet`}
        actions={
          <>
            <Button appearance="primary" onClick={() => setCreating(true)}>
              Create new 1:1
            </Button>
            <Button onClick={onLeave}>See all my 1:1s</Button>
          </>
        }
      >
        Plan your conversations together: agenda topics, shared notes and action items, right in this chat.
      </Notice>
      {creating && (
        <Suspense fallback={<Loading label="Loading" />}>
          <CreateDialog me={me} person={other} onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </>
  );
}

export default ChatOneOnOne;
