// Inline "add" row under a list: text, and for action items an assignee and a due date.
import { Button, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import type { ActionCreate, Person } from 'api/contract';
import { type FormEvent, useState } from 'react';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  text: { flexGrow: 1, minWidth: '160px' },
});

export function ItemAddForm({
  kind,
  meId,
  participants,
  onAdd,
}: {
  kind: 'topic' | 'action';
  meId: string;
  participants: Person[];
  onAdd: (body: ActionCreate) => void;
}) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [due, setDue] = useState('');
  const noun = kind === 'topic' ? 'topic' : 'action item';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    onAdd({
      text: trimmed,
      ...(kind === 'action' && assigneeId ? { assigneeId } : {}),
      ...(kind === 'action' && due ? { due } : {}),
    });
    setText('');
    setDue('');
    setAssigneeId('');
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label={`Add ${noun}`}>
      <Input
        className={styles.text}
        value={text}
        maxLength={2000}
        placeholder={kind === 'topic' ? 'Add a topic or paste a link' : 'Add an action item'}
        aria-label={`New ${noun}`}
        onChange={(_event, data) => setText(data.value)}
      />
      {kind === 'action' && (
        <>
          <Select
            aria-label="Assignee"
            value={assigneeId}
            onChange={(_event, data) => setAssigneeId(data.value)}
          >
            <option value="">No assignee</option>
            {participants.map((person) => (
              <option key={person.id} value={person.id}>
                {person.id === meId ? `Me (${person.displayName})` : person.displayName}
              </option>
            ))}
          </Select>
          <Input
            type="date"
            aria-label="Due date"
            value={due}
            onChange={(_event, data) => setDue(data.value)}
          />
        </>
      )}
      <Button type="submit" icon={<AddRegular />} disabled={!text.trim()}>
        Add
      </Button>
    </form>
  );
}
