import type { InstanceWait } from '../../api/events.api';
import { ModalDialog } from '../../ui/modal-dialog';
import { MessageForm, type MessageMode } from './message-form';
import { SignalForm } from './signal-form';

/** What a waiting element's action opens: a message to publish or correlate, or a signal to broadcast, pre-filled from the wait. */
export interface SendEventIntent {
  action: MessageMode | 'broadcast';
  wait: InstanceWait;
}

const TITLES: Record<SendEventIntent['action'], string> = {
  publish: 'Publish message',
  correlate: 'Correlate message',
  broadcast: 'Broadcast signal',
};

/** The dialog of a waiting element's "Publish message…", "Correlate message…" or "Broadcast signal…". */
export function SendEventDialog({ intent, onClose, onSent }: { intent: SendEventIntent; onClose: () => void; onSent: (text: string) => void }) {
  const { action, wait } = intent;
  return (
    <ModalDialog title={TITLES[action]} onClose={onClose}>
      {action === 'broadcast' ? (
        <SignalForm initialName={wait.signalName} onSent={onSent} autoFocus />
      ) : (
        <MessageForm key={action} mode={action} initialName={wait.messageName} initialCorrelationKey={wait.correlationKey} onSent={onSent} autoFocus />
      )}
    </ModalDialog>
  );
}
