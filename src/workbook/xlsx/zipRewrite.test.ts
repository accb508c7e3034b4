import ExcelJS from "exceljs";
import { inflateRawSync } from "node:zlib";
import { findEntry, openZip, readEntryText } from "./zip";
import { crc32, rewriteZip } from "./zipRewrite";

const text = (s: string) => new TextEncoder().encode(s);

/** An entry's compressed bytes, found from its local header. */
function compressedData(bytes: Uint8Array, header: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  return bytes.subarray(start, start + view.getUint32(header + 18, true));
}

async function excelJsPackage(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("แผ่นงาน 'A' 1").getCell("B2").value = "ความก้าวหน้า";
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("crc32", () => {
  it("is zip's CRC-32", () => {
    expect(crc32(text("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(text("a"))).toBe(0xe8b7be43);
    // Continued over pieces, as the streaming writer computes it.
    expect(crc32(text("56789"), crc32(text("1234")))).toBe(0xcbf43926);
  });
});

describe("rewriteZip", () => {
  it("replaces and adds parts, and copies the others byte for byte", async () => {
    const source = await excelJsPackage();
    const zip = openZip(source);
    const thai = "<x>ผลการดำเนินงาน &amp; 100%</x>".repeat(500);
    const binary = new Uint8Array(70000).map((_, i) => (i * 7919) % 256);
    const out = await rewriteZip(
      zip,
      new Map<string, string | Uint8Array>([
        ["xl/sharedStrings.xml", thai],
        ["xl/new/part.bin", binary],
      ]),
      new Date(2024, 0, 2, 3, 4, 6)
    );
    const rewritten = openZip(out);
    expect([...rewritten.entries.keys()]).toEqual([...zip.entries.keys(), "xl/new/part.bin"]);
    const shared = findEntry(rewritten, "xl/sharedStrings.xml");
    if (!shared) throw new Error("part missing");
    expect(await readEntryText(rewritten, shared)).toBe(thai);
    expect(shared.size).toBe(text(thai).length);
    expect(shared.compressedSize).toBeLessThan(shared.size / 10);
    const added = findEntry(rewritten, "xl/new/part.bin");
    if (!added) throw new Error("part missing");
    expect(added.size).toBe(binary.length);
    expect(new Uint8Array(inflateRawSync(compressedData(out, added.headerOffset)))).toEqual(binary);
    for (const name of zip.entries.keys()) {
      if (name === "xl/sharedStrings.xml") continue;
      const before = findEntry(zip, name);
      const after = findEntry(rewritten, name);
      if (!before || !after) throw new Error(`${name} missing`);
      expect(await readEntryText(rewritten, after)).toBe(await readEntryText(zip, before));
    }
    // ExcelJS (JSZip) reads the archive: CRCs, sizes and the directory are right.
    const workbook = new ExcelJS.Workbook();
    const copy = await rewriteZip(zip, new Map());
    await workbook.xlsx.load(copy.buffer as ArrayBuffer);
    expect(workbook.getWorksheet("แผ่นงาน 'A' 1")?.getCell("B2").value).toBe("ความก้าวหน้า");
  });

  it("writes CRCs that a strict reader checks", async () => {
    const zip = openZip(await excelJsPackage());
    const content = "ข้อมูล".repeat(1000);
    const out = await rewriteZip(zip, new Map([["docProps/custom.xml", content]]));
    const view = new DataView(out.buffer);
    const entry = findEntry(openZip(out), "docProps/custom.xml");
    if (!entry) throw new Error("part missing");
    expect(view.getUint32(entry.headerOffset + 14, true)).toBe(crc32(text(content)));
  });
});
