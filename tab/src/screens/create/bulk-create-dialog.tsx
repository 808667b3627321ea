// "Bulk create 1:1s": imports recurring two-person meetings from a connected calendar (the calendar issue);
// until a calendar is connected it says what is needed and offers to create from scratch.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import type { Me } from 'api/contract';
import { navigate } from '../../shell/route.ts';

export function BulkCreateDialog({
  me,
  onClose,
  onCreateFromScratch,
}: {
  me: Me;
  onClose: () => void;
  onCreateFromScratch: () => void;
}) {
  const connected = me.calendar?.state === 'connected';
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Bulk create {me.tenant.moduleName}</DialogTitle>
          <DialogContent>
            <Text as="p">
              Bulk create lists the recurring meetings of the next four weeks that you have with exactly one
              other person (weekly, every 2 or 3 weeks, or monthly) and turns the ones you pick into 1:1
              series.
            </Text>
            <Text as="p">
              {connected
                ? 'Importing from your calendar is not available yet in this version.'
                : 'It needs your calendar: connect Outlook or Google Calendar in My settings first.'}
            </Text>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Close</Button>
            {!connected && (
              <Button
                onClick={() => {
                  onClose();
                  navigate({ screen: 'settings' });
                }}
              >
                Go to My settings
              </Button>
            )}
            <Button appearance="primary" onClick={onCreateFromScratch}>
              Create one from scratch
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export default BulkCreateDialog;
