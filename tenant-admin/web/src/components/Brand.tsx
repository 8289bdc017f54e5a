/** The Callisto word mark. */
export function Brand() {
  return (
    <span className="brand">
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <circle cx="16" cy="16" r="14" fill="currentColor" opacity="0.18" />
        <circle cx="16" cy="16" r="9" fill="currentColor" />
        <circle cx="23" cy="9" r="3" fill="currentColor" opacity="0.6" />
      </svg>
      <span className="brand__name">Callisto</span>
    </span>
  );
}
