// The dialogs behind the workspace menu: rename, change date and time, confirm a delete.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../api/api-error.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Pending {
  isPending: boolean;
  error: unknown;
}

function ErrorLine({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <MessageBar intent="error">
      <MessageBarBody>{describeError(error)}</MessageBarBody>
    </MessageBar>
  );
}

export function RenameDialog({
  title,
  scope,
  state,
  onSave,
  onClose,
}: {
  title: string;
  scope: string;
  state: Pending;
  onSave: (title: string) => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const [value, setValue] = useState(title);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) onSave(value.trim());
  };
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Rename {scope}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label="Title" required>
                <Input value={value} maxLength={200} onChange={(_event, data) => setValue(data.value)} />
              </Field>
              <ErrorLine error={state.error} />
            </DialogContent>
            <DialogActions>
              <Button type="button" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" appearance="primary" disabled={state.isPending || !value.trim()}>
                Save
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

export function RetimeDialog({
  start,
  end,
  timeZone,
  scope,
  state,
  onSave,
  onClose,
}: {
  start: string;
  end: string;
  timeZone: string;
  scope: string;
  state: Pending;
  onSave: (start: string, end: string) => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const [from, setFrom] = useState(start);
  const [to, setTo] = useState(end);
  const invalid = to <= from;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) onSave(from, to);
  };
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Change date and time of {scope}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label={`Start (${timeZone})`} required>
                <Input type="datetime-local" value={from} onChange={(_event, data) => setFrom(data.value)} />
              </Field>
              <Field
                label={`End (${timeZone})`}
                required
                validationMessage={invalid ? 'The end must be after the start.' : undefined}
              >
                <Input type="datetime-local" value={to} onChange={(_event, data) => setTo(data.value)} />
              </Field>
              <ErrorLine error={state.error} />
            </DialogContent>
            <DialogActions>
              <Button type="button" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" appearance="primary" disabled={state.isPending || invalid}>
                Save
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

export function ConfirmDialog({
  title,
  body,
  confirm,
  state,
  onConfirm,
  onClose,
}: {
  title: string;
  body: string;
  confirm: string;
  state: Pending;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            {body}
            <ErrorLine error={state.error} />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button appearance="primary" disabled={state.isPending} onClick={onConfirm}>
              {confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
