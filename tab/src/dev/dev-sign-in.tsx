// Browser host only: sign in as one of the demo users of GET /dev/users (development mode).
import {
  Avatar,
  Button,
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { describeError } from '../api/api-error.ts';
import { useDevUsers } from '../api/read-queries.ts';
import { useServices } from '../api/services.tsx';
import type { BrowserHost } from '../hosts/browser.ts';

const useStyles = makeStyles({
  page: {
    maxWidth: '560px',
    marginInline: 'auto',
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    padding: 0,
  },
});

export function DevSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const styles = useStyles();
  const { host } = useServices();
  const users = useDevUsers();
  const client = useQueryClient();
  const signIn = (id: string) => {
    (host as BrowserHost).signIn(id);
    client.clear();
    onSignedIn();
  };
  return (
    <main className={styles.page}>
      <Text as="h1" size={600} weight="semibold">
        Sign in
      </Text>
      <Text>
        Development mode: pick a demo user. In Teams and Outlook you are signed in with your work account.
      </Text>
      {users.isPending && <Spinner label="Loading demo users…" />}
      {users.isError && (
        <MessageBar intent="error">
          <MessageBarBody>{describeError(users.error)}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list} aria-label="Demo users">
        {users.data?.map((user) => (
          <li key={user.id}>
            <Card size="small">
              <CardHeader
                image={<Avatar name={user.displayName} />}
                header={<Text weight="semibold">{user.displayName}</Text>}
                description={<Text size={200}>{user.isAdmin ? `${user.email} · admin` : user.email}</Text>}
                action={
                  <Button
                    appearance="primary"
                    onClick={() => signIn(user.id)}
                    aria-label={`Sign in as ${user.displayName}`}
                  >
                    Sign in
                  </Button>
                }
              />
            </Card>
          </li>
        ))}
      </ul>
    </main>
  );
}

export default DevSignIn;
