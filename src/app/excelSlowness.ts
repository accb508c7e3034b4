/**
 * Whether Excel is slow to answer right now: the Excel workbook reports a sync in flight
 * longer than its watchdog's time (and when it came back), the task pane shows a banner.
 * Kaona keeps waiting for Excel meanwhile; it never reports a write failed that Excel may
 * still apply.
 */
export class ExcelSlowness {
  private readonly slow = new Map<string, number>();
  private readonly listeners = new Set<() => void>();

  /** For ExcelWorkbookOptions.onSlow. */
  readonly report = (event: { what: string; slow: boolean }): void => {
    const count = (this.slow.get(event.what) ?? 0) + (event.slow ? 1 : -1);
    if (count > 0) this.slow.set(event.what, count);
    else this.slow.delete(event.what);
    for (const listener of [...this.listeners]) listener();
  };

  /** Whether any sync is slow now (for useSyncExternalStore). */
  readonly isSlow = (): boolean => this.slow.size > 0;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}
