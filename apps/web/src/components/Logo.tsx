/** The Sauda mark (a shopping bag in the colours of the steppe sky and sun) and word. */
export function Logo({ withWord = true }: { withWord?: boolean }) {
  return (
    <span className="logo">
      <svg
        className="logo__mark"
        viewBox="0 0 32 32"
        width="32"
        height="32"
        aria-hidden="true"
        focusable="false"
      >
        <rect width="32" height="32" rx="8" fill="var(--brand)" />
        <path d="M9 12h14l-1.6 11.2a2 2 0 0 1-2 1.8h-6.8a2 2 0 0 1-2-1.8z" fill="var(--accent)" />
        <path
          d="M12.5 12V10a3.5 3.5 0 0 1 7 0v2"
          fill="none"
          stroke="var(--brand-contrast)"
          strokeWidth="2"
          strokeLinecap="round"
        />
      </svg>
      {withWord && <span className="logo__word">Sauda</span>}
    </span>
  );
}
