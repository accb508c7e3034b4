/**
 * Just enough of the zip format to read an .xlsx part by part: the central directory is
 * read once, and each part is inflated on demand as a stream of byte pieces, so a sheet's
 * XML never has to be held whole. Runs in Node (≥ 20.12) and in the browser: inflating
 * uses the platform's `DecompressionStream("deflate-raw")` (native zlib in Node and in the
 * task pane's WebView), no dependency.
 */
import { SIGNATURE, DEFLATED } from "./zipHeaders";

/** Why the bytes are not a zip archive Kaona can read. */
export class ZipFormatError extends Error {
  constructor(
    message: string,
    /** "encrypted": a part is encrypted with zip's own (legacy) password scheme. */
    readonly reason: "not-zip" | "damaged" | "encrypted" | "unsupported" = "damaged"
  ) {
    super(message);
    this.name = "ZipFormatError";
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  headerOffset: number;
  encrypted: boolean;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
  /** The same entries by lower-cased name (some writers vary the case of part names). */
  byLowerName: Map<string, ZipEntry>;
}

const STORED = 0;
/** Text is decoded and handed on in pieces of this many compressed bytes. */
const CHUNK = 1 << 16;

const utf8 = new TextDecoder("utf-8");

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7) &&
    bytes[3] === bytes[2] + 1
  );
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let offset = last; offset >= first; offset--)
    if (view.getUint32(offset, true) === SIGNATURE.endOfDirectory) return offset;
  return -1;
}

/** Reads the archive's directory (no part is inflated yet). */
export function openZip(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = bytes.length >= 22 ? findEndOfCentralDirectory(view) : -1;
  if (eocd < 0) throw new ZipFormatError("no zip directory", isZip(bytes) ? "damaged" : "not-zip");
  const count = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff)
    throw new ZipFormatError("zip64 archives are not supported", "unsupported");
  const entries = new Map<string, ZipEntry>();
  const byLowerName = new Map<string, ZipEntry>();
  let offset = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== SIGNATURE.central)
      throw new ZipFormatError("damaged zip directory");
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = utf8.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      headerOffset: view.getUint32(offset + 42, true),
      encrypted: (flags & 1) === 1,
    };
    entries.set(name, entry);
    byLowerName.set(name.toLowerCase(), entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { bytes, entries, byLowerName };
}

/** The entry named `path` (a part name without a leading "/"), case-insensitively. */
export function findEntry(zip: ZipArchive, path: string): ZipEntry | undefined {
  return zip.entries.get(path) ?? zip.byLowerName.get(path.toLowerCase());
}

function compressedBytes(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  const view = new DataView(zip.bytes.buffer, zip.bytes.byteOffset, zip.bytes.byteLength);
  const at = entry.headerOffset;
  if (at + 30 > zip.bytes.length || view.getUint32(at, true) !== SIGNATURE.local)
    throw new ZipFormatError(`damaged zip entry ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > zip.bytes.length) throw new ZipFormatError(`truncated zip entry ${entry.name}`);
  return zip.bytes.subarray(start, end);
}

function chunksOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + CHUNK));
      offset += CHUNK;
    },
  });
}

/**
 * Inflates one part and hands its bytes to `onBytes` piece by piece (a piece is the
 * caller's until the next one arrives). Resolves when the part has been read.
 */
export async function streamEntry(
  zip: ZipArchive,
  entry: ZipEntry,
  onBytes: (bytes: Uint8Array) => void
): Promise<void> {
  if (entry.encrypted) throw new ZipFormatError(`${entry.name} is encrypted`, "encrypted");
  const compressed = compressedBytes(zip, entry);
  if (entry.method === STORED) {
    for (let offset = 0; offset < compressed.length; offset += CHUNK)
      onBytes(compressed.subarray(offset, offset + CHUNK));
    return;
  }
  if (entry.method !== DEFLATED)
    throw new ZipFormatError(`${entry.name}: compression method ${entry.method}`, "unsupported");
  if (typeof DecompressionStream === "undefined")
    throw new ZipFormatError("this platform cannot inflate zip entries", "unsupported");
  const reader = chunksOf(compressed)
    .pipeThrough(
      new DecompressionStream("deflate-raw") as ReadableWritablePair<Uint8Array, Uint8Array>
    )
    .getReader();
  let value: Uint8Array | undefined;
  for (;;) {
    try {
      const next = await reader.read();
      if (next.done) break;
      value = next.value;
    } catch {
      throw new ZipFormatError(`damaged zip entry ${entry.name}`);
    }
    onBytes(value);
  }
}

/** A whole (small) part's bytes. */
export async function readEntry(zip: ZipArchive, entry: ZipEntry): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  await streamEntry(zip, entry, (bytes) => pieces.push(bytes.slice()));
  if (pieces.length === 1) return pieces[0];
  const whole = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    whole.set(piece, offset);
    offset += piece.length;
  }
  return whole;
}

/** A whole (small) part as text (UTF-8). */
export async function readEntryText(zip: ZipArchive, entry: ZipEntry): Promise<string> {
  return new TextDecoder("utf-8").decode(await readEntry(zip, entry));
}
