/**
 * The base of the fake's proxies: Office errors, the queue-then-sync request recording,
 * loaded-only property reads, and client results.
 */
import type { RecordedRequest } from "./fakeExcel";
import type { FakeContext } from "./fakeContext";

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface QueuedOp {
  request: Omit<RecordedRequest, "sync">;
  /** Runs the request; returns the loaded data (for response size), if any. */
  apply: () => unknown;
}

/** Base of proxies: records loads, sets and calls, and reads only loaded properties. */
export class FakeProxy {
  protected loaded = new Map<string, unknown>();
  constructor(
    readonly ctx: FakeContext,
    readonly path: string
  ) {}

  protected read<T>(name: string): T {
    if (!this.loaded.has(name))
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Load it and call context.sync() first (${this.path}).`
      );
    return this.loaded.get(name) as T;
  }

  protected queue(
    kind: RecordedRequest["kind"],
    member: string,
    value: unknown,
    write: boolean,
    apply: () => { sheet?: string; table?: string; data?: unknown } | void
  ): void {
    const request: Omit<RecordedRequest, "sync"> = { kind, target: this.path, member, write };
    if (value !== undefined) request.value = value;
    this.ctx.enqueue({
      request,
      apply: () => {
        const result = apply();
        const recorded = this.ctx.fake.requests[this.ctx.fake.requests.length - 1];
        if (result && recorded) {
          if (result.sheet) recorded.sheet = result.sheet;
          if (result.table) recorded.table = result.table;
        }
        return result ? result.data : undefined;
      },
    });
  }
}

export class FakeClientResult<T> {
  private loadedValue: T | undefined;
  private isLoaded = false;
  set(value: T): void {
    this.loadedValue = value;
    this.isLoaded = true;
  }
  get value(): T {
    if (!this.isLoaded)
      throw new FakeOfficeError("PropertyNotLoaded", "ClientResult read before sync");
    return this.loadedValue as T;
  }
}

export function notFound(what: string): FakeOfficeError {
  return new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (${what}).`);
}

export function namespaceOf(xml: string): string {
  return /<[\w:]+[^>]*\sxmlns(?::\w+)?="([^"]*)"/.exec(xml)?.[1] ?? "";
}

export function propsOf(spec: string): string[] {
  return spec
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}
