// Agenda topics or action items of one 1:1: the ordered list, inline add, reordering, errors in place.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Item, Person } from 'api/contract';
import { useState } from 'react';
import { describeError } from '../../api/api-error.ts';
import { useItemMutations } from '../../api/item-mutations.ts';
import { dropAnchor } from '../../api/item-order.ts';
import { Notice } from '../../shell/notice.tsx';
import { ItemAddForm } from './item-add-form.tsx';
import { ItemRow } from './item-row.tsx';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  empty: { color: tokens.colorNeutralForeground3 },
});

export function ItemSection({
  kind,
  meetingId,
  items,
  meId,
  participants,
  movedToLabel,
}: {
  kind: 'topic' | 'action';
  meetingId: string;
  items: Item[];
  meId: string;
  participants: Person[];
  movedToLabel: (meetingId: string) => string;
}) {
  const styles = useStyles();
  const { add, patch, move, remove } = useItemMutations(meetingId, kind, meId);
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<unknown>(null);
  const failed = [add, patch, move, remove].find(
    (mutation) => mutation.isError && mutation.error !== dismissed,
  );
  const title = kind === 'topic' ? 'Agenda' : 'Action items';
  const headingId = `${kind}-heading`;

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} size={500} weight="semibold">
        {title}
      </Text>
      {failed?.error && (
        <Notice intent="error" onDismiss={() => setDismissed(failed.error)}>
          {describeError(failed.error)}
        </Notice>
      )}
      {items.length === 0 ? (
        <Text className={styles.empty}>
          {kind === 'topic'
            ? 'No topics yet. Either of you can add what you want to talk about.'
            : 'No action items yet. Note who does what by when.'}
        </Text>
      ) : (
        <ul className={styles.list} aria-labelledby={headingId}>
          {items.map((item, index) => (
            <ItemRow
              key={item.id}
              item={item}
              index={index}
              count={items.length}
              meId={meId}
              participants={participants}
              movedToLabel={item.movedTo ? movedToLabel(item.movedTo) : null}
              onToggle={(completed) => patch.mutate({ id: item.id, patch: { completed } })}
              onEdit={(changes) => patch.mutate({ id: item.id, patch: changes })}
              onMove={(body) => move.mutate({ id: item.id, move: body })}
              onDelete={() => remove.mutate({ id: item.id })}
              drag={{
                over: over === item.id && dragged !== item.id,
                onOver: setOver,
                onDragStart: setDragged,
                onDropOn: (targetId) => {
                  setOver(null);
                  if (!dragged || dragged === targetId) return;
                  move.mutate({ id: dragged, move: { after: dropAnchor(items, dragged, targetId) } });
                  setDragged(null);
                },
              }}
            />
          ))}
        </ul>
      )}
      <ItemAddForm kind={kind} meId={meId} participants={participants} onAdd={(body) => add.mutate(body)} />
    </section>
  );
}
