import type { ReactNode } from 'react';

/** A message about what just happened: an error (the engine's `detail`), a warning, a success, or news. */
export interface PageMessage {
  tone: 'error' | 'warning' | 'success' | 'info';
  text: ReactNode;
}

/**
 * A live region that is always in the page, so screen readers announce what appears in it:
 * errors as alerts, everything else politely.
 */
export function MessageRegion({ message, className = '' }: { message: PageMessage | null; className?: string }) {
  return (
    <div className={`message-region ${className}`} aria-live="polite">
      {message && (
        <p className={`message message-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          <MessageIcon tone={message.tone} />
          <span>{message.text}</span>
        </p>
      )}
    </div>
  );
}

function MessageIcon({ tone }: { tone: PageMessage['tone'] }) {
  if (tone === 'success') {
    return (
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d="m5 8.2 2 2 4-4.2" stroke="#fff" strokeWidth="1.8" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    );
  }
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      {tone === 'info' ? (
        <path d="M8 7.5v4M8 5h.01" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
      ) : (
        <path d="M8 4.5v4M8 11h.01" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
      )}
    </svg>
  );
}
