// Whole-screen states: loading, a failure with a retry, the sign-in/consent prompt, the module turned off.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { ApiError, describeError } from '../api/api-error.ts';
import { SignInRequiredError } from '../hosts/host.ts';

const useStyles = makeStyles({
  center: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalXXL },
  box: { padding: tokens.spacingHorizontalL },
});

export function Loading({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.center}>
      <Spinner label={`${label}…`} />
    </div>
  );
}

export function LoadFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const styles = useStyles();
  if (error instanceof SignInRequiredError) {
    return (
      <div className={styles.box}>
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>
              {error.reason === 'consent' ? 'Permission needed' : 'Sign-in needed'}
            </MessageBarTitle>
            {error.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={onRetry}>
              {error.reason === 'consent' ? 'Allow and continue' : 'Try again'}
            </Button>
          </MessageBarActions>
        </MessageBar>
      </div>
    );
  }
  const disabled = error instanceof ApiError && error.status === 403;
  return (
    <div className={styles.box}>
      <MessageBar intent={disabled ? 'warning' : 'error'}>
        <MessageBarBody>
          <MessageBarTitle>{disabled ? 'Not available' : 'Could not load'}</MessageBarTitle>
          {describeError(error)}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onRetry}>Try again</Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}

export function ModuleDisabled({ moduleName, isAdmin }: { moduleName: string; isAdmin: boolean }) {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>{moduleName} is turned off</MessageBarTitle>
        {isAdmin
          ? 'Your organization has turned this module off. You can turn it back on in Admin.'
          : 'Your organization has turned this module off. Ask your admin if you need it.'}
      </MessageBarBody>
    </MessageBar>
  );
}
