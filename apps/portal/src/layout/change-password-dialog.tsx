import { useState, type FormEvent } from 'react';
import { ApiProblem } from '../api/api-problem';
import { changeOwnPassword } from '../api/identity.api';
import { useApi } from '../session/session.context';
import { MessageRegion, type PageMessage } from '../ui/message-region';
import { ModalDialog } from '../ui/modal-dialog';
import { Spinner } from '../ui/spinner';

/**
 * "Change password", from the account menu, for every signed-in user: the current password, the
 * new one twice. The engine checks the current one and the policy (its minimum length) and ends
 * the user's other sign-ins; this one stays.
 */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<PageMessage | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeat) {
      setMessage({ tone: 'error', text: 'The new password and its repetition differ.' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await changeOwnPassword(api, current, next);
      setDone(true);
      setMessage({ tone: 'success', text: 'Your password is changed. Your other sign-ins (other browsers, devices) ended.' });
    } catch (error) {
      setMessage({ tone: 'error', text: error instanceof ApiProblem ? error.detail : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog title="Change your password" onClose={onClose}>
      {done ? (
        <div className="form">
          <MessageRegion message={message} />
          <div>
            <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit} noValidate aria-busy={busy}>
          <PasswordField label="Current password" autoComplete="current-password" value={current} onChange={setCurrent} autoFocus />
          <PasswordField label="New password" autoComplete="new-password" value={next} onChange={setNext} />
          <PasswordField label="New password, again" autoComplete="new-password" value={repeat} onChange={setRepeat} />
          <div>
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy && <Spinner />}
              Change password
            </button>
          </div>
          <MessageRegion message={message} />
        </form>
      )}
    </ModalDialog>
  );
}

function PasswordField({ label, autoComplete, value, onChange, autoFocus = false }: { label: string; autoComplete: string; value: string; onChange: (value: string) => void; autoFocus?: boolean }) {
  const id = `password-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="password" autoComplete={autoComplete} value={value} onChange={(event) => onChange(event.target.value)} data-autofocus={autoFocus || undefined} />
    </div>
  );
}
