/**
 * Charts of the fake: the collection, a chart, its series and axes.
 */
import type { FakeSheet } from "./fakeExcel";
import { FakeClientResult, FakeOfficeError, FakeProxy, notFound } from "./proxy";
import type { FakeContext } from "./fakeContext";
import { FakeRange, assertWritable } from "./fakeRange";

export class FakeChart extends FakeProxy {
  readonly title: { text: string; load(props: string): void };
  readonly series: { getItemAt(i: number): FakeChartSeries; add(name: string): FakeChartSeries };
  readonly axes: { valueAxis: FakeAxis; categoryAxis: FakeAxis };
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly chart: () => { sheet: FakeSheet; chart: FakeSheet["charts"][number] }
  ) {
    super(ctx, path);
    const record = (member: string, value: unknown) => this.record(member, value);
    const titleText = () => this.read<string>("title.text");
    const loadTitle = () =>
      this.queue("load", "title.text", undefined, false, () => {
        const c = this.chart();
        const set = c.chart.calls.filter((x) => x.member === "title.text");
        const text = set.length > 0 ? String(set[set.length - 1].value) : "";
        this.loaded.set("title.text", text);
        return { sheet: c.sheet.name, data: text };
      });
    this.title = {
      set text(v: string) {
        record("title.text", v);
      },
      get text(): string {
        return titleText();
      },
      load: () => loadTitle(),
    };
    this.series = {
      getItemAt: (i: number) =>
        new FakeChartSeries(ctx, `${path}.series.getItemAt(${i})`, (m, v) =>
          this.record(`series[${i}].${m}`, v)
        ),
      add: (name: string) => {
        this.record("series.add", name);
        return new FakeChartSeries(ctx, `${path}.series.add(${JSON.stringify(name)})`, (m, v) =>
          this.record(`series[${name}].${m}`, v)
        );
      },
    };
    this.axes = {
      valueAxis: new FakeAxis(ctx, `${path}.axes.valueAxis`, (m, v) =>
        this.record(`valueAxis.${m}`, v)
      ),
      categoryAxis: new FakeAxis(ctx, `${path}.axes.categoryAxis`, (m, v) =>
        this.record(`categoryAxis.${m}`, v)
      ),
    };
  }
  record(member: string, value: unknown): void {
    this.queue("set", member, value, true, () => {
      const c = this.chart();
      c.chart.calls.push({ member, value });
      return { sheet: c.sheet.name };
    });
  }
  setPosition(start: string, end: string): void {
    this.record("setPosition", [start, end]);
  }
  delete(): void {
    this.queue("call", "delete", undefined, true, () => {
      const c = this.chart();
      c.sheet.charts = c.sheet.charts.filter((x) => x !== c.chart);
      return { sheet: c.sheet.name };
    });
  }
  get name(): string {
    return this.read("name");
  }
  /** Loads `chartType` (the type it was added as) and `name`. */
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      const c = this.chart();
      const type = c.chart.type;
      this.loaded.set("chartType", type);
      this.loaded.set("name", c.chart.name);
      return { sheet: c.sheet.name, data: { chartType: type, name: c.chart.name } };
    });
  }
  get chartType(): string {
    return this.read("chartType");
  }
  setLoadedName(name: string): void {
    this.loaded.set("name", name);
  }
}

export class FakeChartSeries extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly record: (member: string, value: unknown) => void
  ) {
    super(ctx, path);
  }
  set name(v: string) {
    this.record("name", v);
  }
  setValues(range: FakeRange): void {
    this.record("setValues", range.path);
  }
  setXAxisValues(range: FakeRange): void {
    this.record("setXAxisValues", range.path);
  }
}

export class FakeAxis extends FakeProxy {
  readonly title: { text: string };
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly record: (member: string, value: unknown) => void
  ) {
    super(ctx, path);
    this.title = {
      set text(v: string) {
        record("title.text", v);
      },
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "title.text");
      },
    };
  }
  set minimum(v: number) {
    this.record("minimum", v);
  }
  set maximum(v: number) {
    this.record("maximum", v);
  }
  set numberFormat(v: string) {
    this.record("numberFormat", v);
  }
}

export class FakeChartCollection extends FakeProxy {
  private loadedItems: FakeChart[] | null = null;
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx, path);
  }
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      const s = this.sheet();
      this.loadedItems = s.charts.map((c) => {
        const chart = new FakeChart(
          this.ctx,
          `${this.path}.getItem(${JSON.stringify(c.name)})`,
          () => ({ sheet: s, chart: c })
        );
        chart.setLoadedName(c.name);
        return chart;
      });
      return { data: s.charts.map((c) => c.name) };
    });
  }
  get items(): FakeChart[] {
    if (!this.loadedItems) throw new FakeOfficeError("PropertyNotLoaded", "charts.items");
    return this.loadedItems;
  }
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.queue("call", "getCount", undefined, false, () => {
      const s = this.sheet();
      result.set(s.charts.length);
      return { sheet: s.name, data: s.charts.length };
    });
    return result;
  }
  getItem(name: string): FakeChart {
    return new FakeChart(this.ctx, `${this.path}.getItem(${JSON.stringify(name)})`, () => {
      const s = this.sheet();
      const chart = s.charts.find((c) => c.name === name);
      if (!chart) throw notFound(`chart ${name}`);
      return { sheet: s, chart };
    });
  }
  add(type: string, source: FakeRange, seriesBy: string): FakeChart {
    let created: { sheet: FakeSheet; chart: FakeSheet["charts"][number] } | undefined;
    this.queue("call", "add", [type, source.path, seriesBy], true, () => {
      const s = this.sheet();
      assertWritable(s);
      const chart = { name: `Chart ${s.charts.length + 1}`, type, calls: [] };
      s.charts.push(chart);
      created = { sheet: s, chart };
      return { sheet: s.name };
    });
    return new FakeChart(this.ctx, `${this.path}.add(${JSON.stringify(type)})`, () => {
      if (!created) throw notFound("new chart");
      return created;
    });
  }
}
