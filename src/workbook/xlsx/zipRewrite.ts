/**
 * Rewrites a zip archive (an .xlsx package) with some parts replaced or added: the parts
 * left alone are copied as they are, still compressed (nothing is inflated but what
 * changes), the new ones are deflated with the platform's `CompressionStream("deflate-raw")`
 * (native zlib in Node and in the task pane's WebView), no dependency. The counterpart of
 * zip.ts's reader; used to add what ExcelJS cannot write (charts) to the files it writes.
 */
import { ZipFormatError, type ZipArchive } from "./zip";
import {
  RECORD_SIZE,
  SIGNATURE,
  DEFLATED,
  writeCentralHeader,
  writeEndOfDirectory,
  writeLocalHeader,
  type ZipEntryFields,
} from "./zipHeaders";

/** Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8. */
const DATA_DESCRIPTOR_FLAG = 0x8;
const UTF8_FLAG = 0x800;

let crcTable: Uint32Array | undefined;

/** The CRC-32 of zip (IEEE 802.3, reflected) of `bytes`, continuing from `crc` (the CRC of
 * what came before, 0 at the start). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  if (typeof CompressionStream === "undefined")
    throw new ZipFormatError("this platform cannot deflate zip entries", "unsupported");
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(
      new CompressionStream("deflate-raw") as ReadableWritablePair<Uint8Array, Uint8Array>
    );
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** One entry as it goes into the new archive. */
interface OutEntry {
  name: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  data: Uint8Array;
  /** The central record's version fields and attributes, kept from the source. */
  versionMadeBy: number;
  versionNeeded: number;
  internalAttributes: number;
  externalAttributes: number;
}

const utf8 = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** The source's entries from its central directory, in order, with their compressed data
 * (the CRC comes from the directory: a local header written with a data descriptor has zeros). */
function sourceEntries(zip: ZipArchive): Map<string, OutEntry> {
  const { bytes } = zip;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result = new Map<string, OutEntry>();
  const eocd = findEocd(view);
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== SIGNATURE.central)
      throw new ZipFormatError("damaged zip directory");
    const nameLength = view.getUint16(offset + 28, true);
    const name = bytes.slice(offset + 46, offset + 46 + nameLength);
    const compressedSize = view.getUint32(offset + 20, true);
    const local = view.getUint32(offset + 42, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== SIGNATURE.local)
      throw new ZipFormatError("damaged zip entry");
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressedSize > bytes.length) throw new ZipFormatError("truncated zip entry");
    result.set(decoder.decode(name), {
      name,
      flags: view.getUint16(offset + 8, true) & ~DATA_DESCRIPTOR_FLAG,
      method: view.getUint16(offset + 10, true),
      time: view.getUint16(offset + 12, true),
      date: view.getUint16(offset + 14, true),
      crc: view.getUint32(offset + 16, true),
      size: view.getUint32(offset + 24, true),
      data: bytes.subarray(start, start + compressedSize),
      versionMadeBy: view.getUint16(offset + 4, true),
      versionNeeded: view.getUint16(offset + 6, true),
      internalAttributes: view.getUint16(offset + 36, true),
      externalAttributes: view.getUint32(offset + 38, true),
    });
    offset +=
      46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return result;
}

function findEocd(view: DataView): number {
  for (
    let offset = view.byteLength - 22;
    offset >= Math.max(0, view.byteLength - 22 - 0xffff);
    offset--
  )
    if (view.getUint32(offset, true) === SIGNATURE.endOfDirectory) return offset;
  throw new ZipFormatError("no zip directory", "damaged");
}

/** DOS time and date of `when` (local time, as zip tools write it). */
function dosTime(when: Date): { time: number; date: number } {
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2),
    date:
      ((Math.max(1980, when.getFullYear()) - 1980) << 9) |
      ((when.getMonth() + 1) << 5) |
      when.getDate(),
  };
}

/**
 * The archive with `parts` written in: a part already there is replaced in its place, a new
 * one is added at the end. Part names are without a leading "/".
 */
export async function rewriteZip(
  zip: ZipArchive,
  parts: ReadonlyMap<string, string | Uint8Array>,
  when: Date = new Date()
): Promise<Uint8Array> {
  const entries = sourceEntries(zip);
  const { time, date } = dosTime(when);
  for (const [name, content] of parts) {
    const raw = typeof content === "string" ? utf8.encode(content) : content;
    const old = entries.get(name);
    const entry: OutEntry = {
      name: utf8.encode(name),
      flags: (old?.flags ?? 0) | UTF8_FLAG,
      method: DEFLATED,
      time: old?.time ?? time,
      date: old?.date ?? date,
      crc: crc32(raw),
      size: raw.length,
      data: await deflateRaw(raw),
      versionMadeBy: old?.versionMadeBy ?? 20,
      versionNeeded: 20,
      internalAttributes: old?.internalAttributes ?? 0,
      externalAttributes: old?.externalAttributes ?? 0,
    };
    entries.set(name, entry);
  }
  return assemble([...entries.values()]);
}

function assemble(entries: readonly OutEntry[]): Uint8Array {
  let total = RECORD_SIZE.endOfDirectory;
  for (const e of entries)
    total +=
      RECORD_SIZE.local + e.name.length + e.data.length + RECORD_SIZE.central + e.name.length;
  if (total > 0xffffffff || entries.length > 0xfffe)
    throw new ZipFormatError("the archive is too large for zip without zip64", "unsupported");
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const fieldsOf = (e: OutEntry): ZipEntryFields => ({
    ...e,
    compressedSize: e.data.length,
    nameLength: e.name.length,
  });
  let at = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(at);
    writeLocalHeader(view, at, fieldsOf(e));
    out.set(e.name, at + RECORD_SIZE.local);
    out.set(e.data, at + RECORD_SIZE.local + e.name.length);
    at += RECORD_SIZE.local + e.name.length + e.data.length;
  }
  const directory = at;
  entries.forEach((e, i) => {
    writeCentralHeader(view, at, { ...e, ...fieldsOf(e), localOffset: offsets[i] });
    out.set(e.name, at + RECORD_SIZE.central);
    at += RECORD_SIZE.central + e.name.length;
  });
  writeEndOfDirectory(view, at, entries.length, directory, at - directory);
  return out;
}
