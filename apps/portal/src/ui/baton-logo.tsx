/** Baton's mark (the same drawing as public/favicon.svg): a conductor's baton in motion. Decorative. */
export function BatonLogo({ size = 32 }: { size?: number }) {
  return (
    <svg className="baton-logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--brand)" />
      <path d="M9 23 23 9" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
      <circle cx="9.5" cy="22.5" r="3.5" fill="#fff" />
      <path d="M19 24.5a8 8 0 0 0 5.5-5.5" stroke="#c7d2fe" strokeWidth="2" fill="none" strokeLinecap="round" />
    </svg>
  );
}
