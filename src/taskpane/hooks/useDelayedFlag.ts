import { useEffect, useState } from "react";

/** True once `on` has stayed true for `delayMs`: a progress bar only for work that takes a while. */
export function useDelayedFlag(on: boolean, delayMs = 300): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!on) {
      setShown(false);
      return undefined;
    }
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, [on, delayMs]);
  return shown;
}
