// One topic or action item: complete/reopen, text (a URL becomes a link), edit, reorder, delete, trace.
import {
  Badge,
  Button,
  Checkbox,
  Input,
  Link,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowDownRegular,
  ArrowUpRegular,
  DeleteRegular,
  EditRegular,
  ReOrderDotsVerticalRegular,
} from '@fluentui/react-icons';
import type { ActionPatch, Item, MoveBody, Person } from 'api/contract';
import { type DragEvent, type KeyboardEvent, useState } from 'react';
import { formatDueDate } from '../../time/format-time.ts';
import { ActionItemEditor } from './action-item-editor.tsx';
import { canComplete, canDeleteItem, canEditItem, type Verdict } from './meeting-rules.ts';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  dropTarget: { boxShadow: `inset 0 ${tokens.strokeWidthThick} 0 ${tokens.colorBrandStroke1}` },
  body: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  done: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  actions: { display: 'flex', flexShrink: 0 },
  handle: { cursor: 'grab' },
  editor: { flexGrow: 1 },
  // Read by screen readers, not shown: the reason a button is unavailable (sighted users get the title).
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

const reorderHint = 'Drag, or Alt+Up / Alt+Down to move';

/** A refused action says why: as a hover title and as the button's accessible description. */
function because(verdict: Verdict, id: string) {
  return verdict.allowed ? {} : { title: verdict.reason, 'aria-describedby': id };
}

export interface ItemRowProps {
  item: Item;
  index: number;
  count: number;
  meId: string;
  participants: Person[];
  movedToLabel: string | null;
  onToggle: (completed: boolean) => void;
  onEdit: (patch: ActionPatch) => void;
  onMove: (move: MoveBody) => void;
  onDelete: () => void;
  drag: {
    onDragStart: (id: string) => void;
    onDropOn: (targetId: string) => void;
    over: boolean;
    onOver: (id: string | null) => void;
  };
}

export function ItemRow(props: ItemRowProps) {
  const { item, index, count, meId, participants, movedToLabel, drag } = props;
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(item.text);
  const kindName = item.kind === 'topic' ? 'topic' : 'action item';
  const edit = canEditItem(item, meId);
  const remove = canDeleteItem(item, meId);
  const complete = canComplete(item);
  const movable = !item.movedTo && !item.id.startsWith('pending-');
  const assignee = participants.find((person) => person.id === item.assigneeId);
  const author = participants.find((person) => person.id === item.authorId);

  const finishEdit = () => {
    const text = draft.trim();
    setEditing(false);
    if (text && text !== item.text) props.onEdit({ text });
    else setDraft(item.text);
  };
  // Keyboard reordering: Alt+Arrow on the row's handle, as in Fluent's and Planner's lists.
  const onHandleKey = (event: KeyboardEvent) => {
    if (!movable) return;
    if (event.altKey && event.key === 'ArrowUp' && index > 0) {
      event.preventDefault();
      props.onMove({ direction: 'up' });
    }
    if (event.altKey && event.key === 'ArrowDown' && index < count - 1) {
      event.preventDefault();
      props.onMove({ direction: 'down' });
    }
  };
  const dragProps = movable
    ? {
        draggable: true,
        onDragStart: (event: DragEvent) => {
          event.dataTransfer.effectAllowed = 'move';
          event.dataTransfer.setData('text/plain', item.id);
          drag.onDragStart(item.id);
        },
        onDragOver: (event: DragEvent) => {
          event.preventDefault();
          drag.onOver(item.id);
        },
        onDragLeave: () => drag.onOver(null),
        onDrop: (event: DragEvent) => {
          event.preventDefault();
          drag.onDropOn(item.id);
        },
      }
    : {};

  return (
    <li
      className={mergeClasses(styles.row, drag.over && styles.dropTarget)}
      data-item-id={item.id}
      aria-label={`${kindName}: ${item.text}`}
      {...dragProps}
    >
      <Checkbox
        checked={item.completed}
        disabled={!complete.allowed}
        onChange={(_event, data) => props.onToggle(data.checked === true)}
        aria-label={`${item.completed ? 'Reopen' : 'Complete'} ${kindName} ${item.text}`}
      />
      {editing && item.kind === 'action' ? (
        <ActionItemEditor
          item={item}
          meId={meId}
          participants={participants}
          onCancel={() => setEditing(false)}
          onSave={(patch) => {
            setEditing(false);
            props.onEdit(patch);
          }}
        />
      ) : editing ? (
        <Input
          className={styles.editor}
          value={draft}
          autoFocus
          aria-label={`Edit ${kindName}`}
          onChange={(_event, data) => setDraft(data.value)}
          onBlur={finishEdit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') finishEdit();
            if (event.key === 'Escape') {
              setDraft(item.text);
              setEditing(false);
            }
          }}
        />
      ) : (
        <div className={styles.body}>
          <Text className={item.completed || item.movedTo ? styles.done : undefined}>
            {item.url ? (
              <Link href={item.url} target="_blank" rel="noreferrer">
                {item.text}
              </Link>
            ) : (
              item.text
            )}
          </Text>
          <span className={styles.meta}>
            {movedToLabel && (
              <Badge appearance="tint" color="informative">
                moved to {movedToLabel}
              </Badge>
            )}
            {item.movedFrom && (
              <Badge appearance="tint" color="subtle">
                carried over
              </Badge>
            )}
            {assignee && (
              <Text size={200}>Assigned to {assignee.id === meId ? 'me' : assignee.displayName}</Text>
            )}
            {item.due && <Text size={200}>Due {formatDueDate(item.due)}</Text>}
            {author && author.id !== meId && <Text size={200}>Added by {author.displayName}</Text>}
          </span>
        </div>
      )}
      <div className={styles.actions}>
        {movable && (
          <>
            <Button
              appearance="subtle"
              size="small"
              className={styles.handle}
              icon={<ReOrderDotsVerticalRegular />}
              aria-label={`Reorder ${kindName} ${item.text}`}
              aria-describedby={`${item.id}-reorder`}
              title={reorderHint}
              onKeyDown={onHandleKey}
            />
            <span id={`${item.id}-reorder`} className={styles.hidden}>
              {reorderHint}
            </span>
            <Button
              appearance="subtle"
              size="small"
              icon={<ArrowUpRegular />}
              disabled={index === 0}
              aria-label={`Move ${kindName} ${item.text} up`}
              onClick={() => props.onMove({ direction: 'up' })}
            />
            <Button
              appearance="subtle"
              size="small"
              icon={<ArrowDownRegular />}
              disabled={index === count - 1}
              aria-label={`Move ${kindName} ${item.text} down`}
              onClick={() => props.onMove({ direction: 'down' })}
            />
          </>
        )}
        {!item.movedTo && (
          <Button
            appearance="subtle"
            size="small"
            icon={<EditRegular />}
            disabledFocusable={!edit.allowed}
            aria-label={`Edit ${kindName} ${item.text}`}
            {...because(edit, `${item.id}-edit`)}
            onClick={() => edit.allowed && setEditing(true)}
          />
        )}
        {!item.movedTo && (
          <Button
            appearance="subtle"
            size="small"
            icon={<DeleteRegular />}
            disabledFocusable={!remove.allowed}
            aria-label={`Delete ${kindName} ${item.text}`}
            {...because(remove, `${item.id}-delete`)}
            onClick={() => remove.allowed && props.onDelete()}
          />
        )}
        {!edit.allowed && (
          <span id={`${item.id}-edit`} className={styles.hidden}>
            {edit.reason}
          </span>
        )}
        {!remove.allowed && (
          <span id={`${item.id}-delete`} className={styles.hidden}>
            {remove.reason}
          </span>
        )}
      </div>
    </li>
  );
}
