// Whole-screen states: loading, a failure with a retry, the sign-in/consent prompt, the module turned off.
import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { ApiError, describeError } from '../api/api-error.ts';
import { SignInRequiredError } from '../hosts/host.ts';
import { Notice } from './notice.tsx';

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
    const consent = error.reason === 'consent';
    return (
      <div className={styles.box}>
        <Notice
          intent="warning"
          title={consent ? 'Permission needed' : 'Sign-in needed'}
          actions={
            <Button appearance="primary" onClick={onRetry}>
              {consent ? 'Allow and continue' : 'Try again'}
            </Button>
          }
        >
          {error.message}
        </Notice>
      </div>
    );
  }
  const disabled = error instanceof ApiError && error.status === 403;
  return (
    <div className={styles.box}>
      <Notice
        intent={disabled ? 'warning' : 'error'}
        title={disabled ? 'Not available' : 'Could not load'}
        actions={<Button onClick={onRetry}>Try again</Button>}
      >
        {describeError(error)}
      </Notice>
    </div>
  );
}

export function ModuleDisabled({ moduleName, isAdmin }: { moduleName: string; isAdmin: boolean }) {
  return (
    <Notice intent="warning" title={`${moduleName} is turned off`}>
      {isAdmin
        ? 'Your organization has turned this module off. You can turn it back on in Admin.'
        : 'Your organization has turned this module off. Ask your admin if you need it.'}
    </Notice>
  );
}
