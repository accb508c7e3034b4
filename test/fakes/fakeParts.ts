/**
 * Custom XML parts of the fake.
 */
import type { FakePart } from "./fakeExcel";
import { FakeClientResult, FakeOfficeError, FakeProxy, notFound, namespaceOf } from "./proxy";
import type { FakeContext } from "./fakeContext";

export class FakeCustomXmlPart extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly part: () => FakePart
  ) {
    super(ctx, path);
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.queue("call", "getXml", undefined, false, () => {
      const xml = this.part().xml;
      result.set(xml);
      return { data: xml };
    });
    return result;
  }
  setXml(xml: string): void {
    this.queue("call", "setXml", xml, true, () => {
      const p = this.part();
      p.xml = xml;
      p.namespace = namespaceOf(xml);
    });
  }
  delete(): void {
    this.queue("call", "delete", undefined, true, () => {
      const p = this.part();
      this.ctx.fake.parts = this.ctx.fake.parts.filter((x) => x !== p);
    });
  }
}

export class FakeCustomXmlParts extends FakeProxy {
  constructor(ctx: FakeContext) {
    super(ctx, "customXmlParts");
  }
  getByNamespace(namespace: string): {
    load(props: string): void;
    getCount(): FakeClientResult<number>;
    readonly items: { id: string }[];
  } {
    let items: { id: string }[] | null = null;
    const getCount = () => {
      const result = new FakeClientResult<number>();
      this.queue("call", `getByNamespace(${namespace}).getCount`, undefined, false, () => {
        const count = this.ctx.fake.parts.filter((p) => p.namespace === namespace).length;
        result.set(count);
        return { data: count };
      });
      return result;
    };
    const load = (props: string) =>
      this.queue("load", `getByNamespace(${namespace}).${props}`, undefined, false, () => {
        items = this.ctx.fake.parts
          .filter((p) => p.namespace === namespace)
          .map((p) => ({ id: p.id }));
        return { data: items };
      });
    return {
      load,
      getCount,
      get items() {
        if (!items) throw new FakeOfficeError("PropertyNotLoaded", "customXmlParts items");
        return items;
      },
    };
  }
  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.ctx, `customXmlParts.getItem(${JSON.stringify(id)})`, () => {
      const part = this.ctx.fake.parts.find((p) => p.id === id);
      if (!part) throw notFound(`custom XML part ${id}`);
      return part;
    });
  }
  add(xml: string): FakeCustomXmlPart {
    let created: FakePart | undefined;
    this.queue("call", "add", xml, true, () => {
      created = { id: this.ctx.fake.id("part"), namespace: namespaceOf(xml), xml };
      this.ctx.fake.parts.push(created);
    });
    return new FakeCustomXmlPart(this.ctx, "customXmlParts.add()", () => {
      if (!created) throw notFound("new part");
      return created;
    });
  }
}
