// Admin (admins only): turn the module on or off, rename it, and the aggregate report (counts only).
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Me } from 'api/contract';
import { type FormEvent, useEffect, useState } from 'react';
import { describeError } from '../../api/api-error.ts';
import { useAdminSettingsUpdate } from '../../api/meeting-mutations.ts';
import { useAdminReport, useAdminSettings } from '../../api/read-queries.ts';
import { formatDueDate } from '../../time/format-time.ts';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  name: { flexGrow: 1, minWidth: '180px' },
  figure: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
});

export default function AdminPage({ me }: { me: Me }) {
  const styles = useStyles();
  const settings = useAdminSettings();
  const report = useAdminReport();
  const update = useAdminSettingsUpdate();
  const [name, setName] = useState('');
  useEffect(() => {
    if (settings.data) setName(settings.data.moduleName);
  }, [settings.data]);

  if (!me.isAdmin) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>Only admins of your organization can open this page.</MessageBarBody>
      </MessageBar>
    );
  }
  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) update.mutate({ moduleName: name.trim() });
  };
  return (
    <section className={styles.page} aria-labelledby="admin-heading">
      <Text as="h2" id="admin-heading" size={600} weight="semibold">
        Admin
      </Text>
      {settings.isPending && <Spinner label="Loading settings…" />}
      {(settings.isError || update.isError) && (
        <MessageBar intent="error">
          <MessageBarBody>{describeError(settings.error ?? update.error)}</MessageBarBody>
        </MessageBar>
      )}
      {settings.data && (
        <div className={styles.group}>
          <Switch
            checked={settings.data.enabled}
            label={
              settings.data.enabled
                ? 'The module is on for everyone in your organization'
                : 'The module is off'
            }
            onChange={(_event, data) => update.mutate({ enabled: data.checked })}
          />
          <form className={styles.row} onSubmit={rename}>
            <Field
              label="Module name"
              hint="Shown in tab titles, menus and bot cards"
              className={styles.name}
            >
              <Input value={name} maxLength={50} onChange={(_event, data) => setName(data.value)} />
            </Field>
            <Button type="submit" appearance="primary" disabled={update.isPending || !name.trim()}>
              Save name
            </Button>
          </form>
          {update.isSuccess && <Text role="status">Saved.</Text>}
        </div>
      )}
      <div className={styles.group}>
        <Text as="h3" size={500} weight="semibold">
          Report
        </Text>
        <Text size={200}>Aggregate counts only: never a title, a pair of names or any content.</Text>
        {report.isPending && <Spinner label="Loading report…" />}
        {report.isError && (
          <MessageBar intent="error">
            <MessageBarBody>{describeError(report.error)}</MessageBarBody>
          </MessageBar>
        )}
        {report.data && (
          <>
            <Text>
              <span className={styles.figure}>
                {Math.round(report.data.shareWithOneOnOneLast30Days * 100)}%
              </span>{' '}
              of users ({report.data.usersWithOneOnOneLast30Days} of {report.data.users}) had a 1:1 in the
              last 30 days.
            </Text>
            <Table aria-label="1:1s held per week" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Week of</TableHeaderCell>
                  <TableHeaderCell>1:1s held</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.data.weeks.map((week) => (
                  <TableRow key={week.weekStart}>
                    <TableCell>{formatDueDate(week.weekStart)}</TableCell>
                    <TableCell>{week.meetingsHeld}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </div>
    </section>
  );
}
