// Editing an action item in place: its text, assignee (one of the two participants) and due date.
import { Button, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { ActionPatch, Item, Person } from 'api/contract';
import { type FormEvent, useState } from 'react';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    flexGrow: 1,
  },
  text: { flexGrow: 1, minWidth: '160px' },
});

export function ActionItemEditor({
  item,
  meId,
  participants,
  onSave,
  onCancel,
}: {
  item: Item;
  meId: string;
  participants: Person[];
  onSave: (patch: ActionPatch) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const [text, setText] = useState(item.text);
  const [assigneeId, setAssigneeId] = useState(item.assigneeId ?? '');
  const [due, setDue] = useState(item.due ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    const patch: ActionPatch = {};
    if (trimmed !== item.text) patch.text = trimmed;
    if ((assigneeId || null) !== (item.assigneeId ?? null)) patch.assigneeId = assigneeId || null;
    if ((due || null) !== (item.due ?? null)) patch.due = due || null;
    if (Object.keys(patch).length > 0) onSave(patch);
    else onCancel();
  };
  return (
    <form
      className={styles.form}
      onSubmit={submit}
      aria-label="Edit action item"
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <Input
        className={styles.text}
        value={text}
        autoFocus
        maxLength={2000}
        aria-label="Action item text"
        onChange={(_event, data) => setText(data.value)}
      />
      <Select aria-label="Assignee" value={assigneeId} onChange={(_event, data) => setAssigneeId(data.value)}>
        <option value="">No assignee</option>
        {participants.map((person) => (
          <option key={person.id} value={person.id}>
            {person.id === meId ? `Me (${person.displayName})` : person.displayName}
          </option>
        ))}
      </Select>
      <Input type="date" aria-label="Due date" value={due} onChange={(_event, data) => setDue(data.value)} />
      <Button type="submit" appearance="primary" disabled={!text.trim()}>
        Save
      </Button>
      <Button type="button" onClick={onCancel}>
        Cancel
      </Button>
    </form>
  );
}
