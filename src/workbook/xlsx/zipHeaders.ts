/**
 * The records of a zip archive that both writers produce (zipRewrite.ts in memory,
 * zipFileWriter.ts to a file): the local header before each part's data, its entry in the
 * central directory and the end-of-directory record. No zip64. The reader is zip.ts.
 */

/** The signature each record starts with. */
export const SIGNATURE = {
  local: 0x04034b50,
  central: 0x02014b50,
  endOfDirectory: 0x06054b50,
  dataDescriptor: 0x08074b50,
} as const;

/** The compression method of deflated parts. */
export const DEFLATED = 8;

/** Size of the fixed part of each record (the name follows the headers). */
export const RECORD_SIZE = { local: 30, central: 46, endOfDirectory: 22 } as const;

/** The fields a local header and its central directory entry share, in the order both
 * records hold them. */
export interface ZipEntryFields {
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameLength: number;
}

/** What only the central directory entry holds. */
export interface ZipCentralFields extends ZipEntryFields {
  versionMadeBy: number;
  internalAttributes: number;
  externalAttributes: number;
  /** Where the part's local header starts. */
  localOffset: number;
}

function writeSharedFields(view: DataView, at: number, e: ZipEntryFields): void {
  view.setUint16(at, e.versionNeeded, true);
  view.setUint16(at + 2, e.flags, true);
  view.setUint16(at + 4, e.method, true);
  view.setUint16(at + 6, e.time, true);
  view.setUint16(at + 8, e.date, true);
  view.setUint32(at + 10, e.crc >>> 0, true);
  view.setUint32(at + 14, e.compressedSize, true);
  view.setUint32(at + 18, e.size, true);
  view.setUint16(at + 22, e.nameLength, true);
}

/** Writes a local header (RECORD_SIZE.local bytes, no extra field) at `at`. */
export function writeLocalHeader(view: DataView, at: number, e: ZipEntryFields): void {
  view.setUint32(at, SIGNATURE.local, true);
  writeSharedFields(view, at + 4, e);
  view.setUint16(at + 28, 0, true);
}

/** Writes a central directory entry (RECORD_SIZE.central bytes, no extra field or
 * comment) at `at`. */
export function writeCentralHeader(view: DataView, at: number, e: ZipCentralFields): void {
  view.setUint32(at, SIGNATURE.central, true);
  view.setUint16(at + 4, e.versionMadeBy, true);
  writeSharedFields(view, at + 6, e);
  view.setUint16(at + 30, 0, true);
  view.setUint16(at + 32, 0, true);
  view.setUint16(at + 34, 0, true);
  view.setUint16(at + 36, e.internalAttributes, true);
  view.setUint32(at + 38, e.externalAttributes, true);
  view.setUint32(at + 42, e.localOffset, true);
}

/** Writes the end-of-central-directory record (RECORD_SIZE.endOfDirectory bytes, no comment) at `at`. */
export function writeEndOfDirectory(
  view: DataView,
  at: number,
  entries: number,
  directoryStart: number,
  directorySize: number
): void {
  view.setUint32(at, SIGNATURE.endOfDirectory, true);
  view.setUint16(at + 8, entries, true);
  view.setUint16(at + 10, entries, true);
  view.setUint32(at + 12, directorySize, true);
  view.setUint32(at + 16, directoryStart, true);
}

/** A DataView over a Node Buffer or any byte array (a Buffer may share a larger pool). */
export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
