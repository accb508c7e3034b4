/**
 * Writes a zip archive to a file part by part, each part deflated as its text is produced:
 * a part's bytes are never held whole, so writing a sheet of 100,000 rows takes the memory
 * of one batch of rows. Local headers carry a data descriptor (sizes and CRC-32 follow the
 * data), as streaming zip writers do; the central directory is written at the end. No
 * zip64: parts and the archive stay under 4 GB. Node only (node:fs, node:zlib); zipRewrite.ts
 * is the browser-safe counterpart that rewrites a package held in memory.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { constants, createDeflateRaw, crc32 as nodeCrc32 } from "node:zlib";
import { crc32 as portableCrc32 } from "./zipRewrite";
import {
  RECORD_SIZE,
  DEFLATED,
  SIGNATURE,
  viewOf,
  writeCentralHeader,
  writeEndOfDirectory,
  writeLocalHeader,
  type ZipEntryFields,
} from "./zipHeaders";

/** CRC-32 of `bytes` continuing from `crc` (Node's zlib.crc32 where there is one). */
function crc32(bytes: Uint8Array, crc: number): number {
  return typeof nodeCrc32 === "function" ? nodeCrc32(bytes, crc) : portableCrc32(bytes, crc);
}

interface Written {
  name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

/** The part being written: text goes in with `write`, `end` closes it. */
export interface ZipPartWriter {
  write(text: string): Promise<void>;
  end(): Promise<void>;
}

/** DOS date and time of 1 January 2024, 00:00 (parts carry a fixed time: the same
 * content gives the same bytes). */
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;
const UTF8_AND_DESCRIPTOR = 0x0808;

/** A deflated part's header fields; the local header leaves CRC and sizes 0 (the data
 * descriptor after the data carries them), the central entry has them. */
function partFields(
  nameLength: number,
  sums: Pick<Written, "crc" | "compressed" | "size"> = { crc: 0, compressed: 0, size: 0 }
): ZipEntryFields {
  return {
    versionNeeded: 20,
    flags: UTF8_AND_DESCRIPTOR,
    method: DEFLATED,
    time: DOS_TIME,
    date: DOS_DATE,
    crc: sums.crc,
    compressedSize: sums.compressed,
    size: sums.size,
    nameLength,
  };
}

export class ZipFileWriter {
  private readonly out: WriteStream;
  private offset = 0;
  private readonly written: Written[] = [];
  private failure: Error | undefined;

  constructor(path: string) {
    this.out = createWriteStream(path);
    this.out.on("error", (error) => {
      this.failure = error;
    });
  }

  private async put(bytes: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.offset += bytes.length;
    // `once` rejects when the stream fails while waiting.
    if (!this.out.write(bytes)) await once(this.out, "drain");
  }

  /** Starts a deflated part named `name`; finish it before starting the next. */
  async part(name: string): Promise<ZipPartWriter> {
    const nameBytes = Buffer.from(name, "utf8");
    const entry: Written = { name: nameBytes, offset: this.offset, crc: 0, compressed: 0, size: 0 };
    const header = Buffer.alloc(RECORD_SIZE.local);
    writeLocalHeader(viewOf(header), 0, partFields(nameBytes.length));
    await this.put(Buffer.concat([header, nameBytes]));
    const deflate = createDeflateRaw({ level: constants.Z_DEFAULT_COMPRESSION });
    const pending: Promise<void>[] = [];
    deflate.on("data", (chunk: Buffer) => {
      entry.compressed += chunk.length;
      pending.push(this.put(chunk));
    });
    const ended = once(deflate, "end");
    return {
      write: async (text: string) => {
        const bytes = Buffer.from(text, "utf8");
        entry.crc = crc32(bytes, entry.crc);
        entry.size += bytes.length;
        if (!deflate.write(bytes)) await once(deflate, "drain");
        await Promise.all(pending.splice(0));
      },
      end: async () => {
        deflate.end();
        await ended;
        await Promise.all(pending.splice(0));
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(SIGNATURE.dataDescriptor, 0);
        descriptor.writeUInt32LE(entry.crc >>> 0, 4);
        descriptor.writeUInt32LE(entry.compressed, 8);
        descriptor.writeUInt32LE(entry.size, 12);
        await this.put(descriptor);
        this.written.push(entry);
      },
    };
  }

  /** A whole (small) part. */
  async file(name: string, text: string): Promise<void> {
    const part = await this.part(name);
    await part.write(text);
    await part.end();
  }

  /** Writes the central directory and closes the file. */
  async close(): Promise<void> {
    const start = this.offset;
    for (const entry of this.written) {
      const header = Buffer.alloc(RECORD_SIZE.central);
      writeCentralHeader(viewOf(header), 0, {
        ...partFields(entry.name.length, entry),
        versionMadeBy: 20,
        internalAttributes: 0,
        externalAttributes: 0,
        localOffset: entry.offset,
      });
      await this.put(Buffer.concat([header, entry.name]));
    }
    const end = Buffer.alloc(RECORD_SIZE.endOfDirectory);
    writeEndOfDirectory(viewOf(end), 0, this.written.length, start, this.offset - start);
    await this.put(end);
    this.out.end();
    await once(this.out, "finish");
    if (this.failure) throw this.failure;
  }

  /** Gives up: closes the file (the caller removes it). */
  destroy(): void {
    this.out.destroy();
  }
}
