/**
 * The fake's request context: the queue of requests sent at `sync()` (with Excel on the
 * web's payload limits and the failure injections of FakeExcel), the runtime and the workbook.
 */
import { jsonBytes } from "../../src/workbook/payload";
import type { FakeExcel, RecordedRequest } from "./fakeExcel";
import { FakeOfficeError, FakeProxy, type QueuedOp } from "./proxy";
import { FakeRange } from "./fakeRange";
import { FakeWorksheetCollection } from "./fakeSheets";
import { FakeTableCollection } from "./fakeTables";
import { FakeCustomXmlParts } from "./fakeParts";

export class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  readonly runtime: FakeRuntime;
  private queue: QueuedOp[] = [];
  /** Outside its Excel.run the context takes no requests (Office.js: InvalidObjectPath). */
  open = true;

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
    this.runtime = new FakeRuntime(this);
  }

  enqueue(op: QueuedOp): void {
    if (!this.open)
      throw new FakeOfficeError(
        "InvalidObjectPath",
        "The object path isn't working: the object was created in another Excel.run."
      );
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    const fake = this.fake;
    fake.syncs += 1;
    const sync = fake.syncs;
    const ops = this.queue;
    this.queue = [];
    if (fake.hang) return new Promise<void>(() => undefined);
    const delay = fake.latency?.(sync) ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const sizes = ops.map((op) => jsonBytes(op.request));
    const bytes = sizes.reduce((sum, n) => sum + n + 1, 1);
    fake.requestBytes.push(bytes);
    if (fake.failOnSync?.sync === sync) fake.failNextSync = fake.failOnSync.error;
    if (fake.failNextSync) {
      const error = fake.failNextSync;
      fake.failNextSync = null;
      fake.responseBytes.push(0);
      throw error;
    }
    if (bytes > fake.maxRequestBytes) {
      fake.responseBytes.push(0);
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} bytes).`
      );
    }
    let response = 0;
    for (const [index, op] of ops.entries()) {
      const recorded: RecordedRequest = { sync, ...op.request };
      // Large values are measured, not kept (a 100,000-row grid would fill the log).
      if (sizes[index] > fake.keepValuesUpTo) recorded.value = { omittedBytes: sizes[index] };
      fake.requests.push(recorded);
      const failAt = fake.failAt;
      if (failAt?.when(op.request)) {
        fake.failAt = null;
        fake.responseBytes.push(response);
        throw failAt.error;
      }
      const data = op.apply();
      if (data !== undefined) response += jsonBytes(data);
      if (response > fake.maxResponseBytes) {
        // Excel answers with the error, not the data: nothing came back.
        fake.refusedResponses.push(response);
        fake.responseBytes.push(0);
        throw new FakeOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit."
        );
      }
    }
    fake.responseBytes.push(response);
  }
}

export class FakeRuntime extends FakeProxy {
  constructor(ctx: FakeContext) {
    super(ctx, "runtime");
  }
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      this.loaded.set("enableEvents", this.ctx.fake.enableEvents);
      return { data: this.ctx.fake.enableEvents };
    });
  }
  get enableEvents(): boolean {
    return this.read("enableEvents");
  }
  set enableEvents(value: boolean) {
    this.queue("set", "enableEvents", value, false, () => {
      this.ctx.fake.enableEvents = value;
    });
  }
}

/** Application: the calculation mode (read). */
export class FakeApplication extends FakeProxy {
  constructor(ctx: FakeContext) {
    super(ctx, "workbook.application");
  }
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      this.loaded.set("calculationMode", this.ctx.fake.calculationMode);
      return { data: this.ctx.fake.calculationMode };
    });
  }
  get calculationMode(): string {
    return this.read("calculationMode");
  }
}

export class FakeWorkbookProxy extends FakeProxy {
  readonly application: FakeApplication;
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly customXmlParts: FakeCustomXmlParts;
  constructor(ctx: FakeContext) {
    super(ctx, "workbook");
    this.application = new FakeApplication(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx);
    this.customXmlParts = new FakeCustomXmlParts(ctx);
  }
  /** The top-left cell of the selection, as Excel's active cell (ExcelApi 1.7). */
  getActiveCell(): FakeRange {
    return new FakeRange(this.ctx, "workbook.getActiveCell()", () => {
      const sel = this.ctx.fake.selection;
      const sheet = sel ? this.ctx.fake.sheetById(sel.sheetId) : undefined;
      if (!sel || !sheet) throw new FakeOfficeError("InvalidSelection", "Nothing is selected.");
      return { sheet, rect: { row: sel.rect.row, col: sel.rect.col, rows: 1, cols: 1 } };
    });
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, "workbook.getSelectedRange()", () => {
      const sel = this.ctx.fake.selection;
      const sheet = sel ? this.ctx.fake.sheetById(sel.sheetId) : undefined;
      if (!sel || !sheet) throw new FakeOfficeError("InvalidSelection", "Nothing is selected.");
      return { sheet, rect: sel.rect };
    });
  }
}
