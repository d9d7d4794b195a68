import { useEffect, useState } from "react";

/** Opens the browser's print dialog; shown only once scripts run (without them it could do nothing). */
export function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button button--secondary progress-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
