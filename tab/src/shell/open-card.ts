// Opening a list card: a single 1:1 by its id, a series at its next (or last) instance.
import type { Card } from 'api/contract';
import { navigate } from './route.ts';

export function openCard(card: Card): void {
  const meeting = card.nextMeeting ?? card.lastMeeting;
  if (card.kind === 'single') navigate({ screen: 'meeting', id: card.id });
  else if (meeting) navigate({ screen: 'meeting', id: meeting.id });
  else navigate({ screen: 'series', id: card.id });
}
