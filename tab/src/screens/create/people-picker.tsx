// Directory search for "Create new 1:1": type a name, pick one colleague (GET /users?query=).
import { Combobox, Field, Option } from '@fluentui/react-components';
import type { UserSummary } from 'api/contract';
import { useDeferredValue, useState } from 'react';
import { useUsers } from '../../api/read-queries.ts';

export function PeoplePicker({
  meId,
  value,
  onChange,
  validation,
}: {
  meId: string;
  value: UserSummary | null;
  onChange: (user: UserSummary | null) => void;
  validation?: string | undefined;
}) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const deferred = useDeferredValue(query);
  const users = useUsers(deferred);
  const options = (users.data ?? []).filter((user) => user.id !== meId);
  return (
    <Field
      label="Who"
      required
      validationMessage={validation}
      hint="Search your organization by name or email"
    >
      <Combobox
        freeform
        placeholder="Type a name"
        value={query || value?.displayName || ''}
        selectedOptions={value ? [value.id] : []}
        open={open}
        onOpenChange={(_event, data) => setOpen(data.open)}
        onChange={(event) => {
          setQuery(event.target.value);
          // Typing always shows the matches, however the text got there (keys, paste, autofill).
          setOpen(true);
          if (value) onChange(null);
        }}
        onOptionSelect={(_event, data) => {
          const picked = options.find((user) => user.id === data.optionValue) ?? null;
          onChange(picked);
          setQuery('');
          setOpen(false);
        }}
      >
        {options.map((user) => (
          <Option key={user.id} value={user.id} text={user.displayName}>
            {user.displayName} ({user.email})
          </Option>
        ))}
        {options.length === 0 && !users.isPending && (
          <Option disabled value="" text="">
            Nobody found
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
