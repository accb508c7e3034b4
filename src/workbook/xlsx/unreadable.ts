/**
 * What a file is when it is not a readable .xlsx workbook, told from its first bytes, and
 * the one message (Thai and English) that tells the user what to do about it. No
 * JavaScript error text reaches the user: every failure of the reader becomes one of these.
 */
import type { Lang, LocalizedText } from "../../domain/types";
import { findEntry, isZip, ZipFormatError, type ZipArchive } from "./zip";

export type UnreadableKind =
  | "not-found"
  | "directory"
  | "no-permission"
  | "empty"
  | "csv"
  | "xls"
  | "encrypted"
  | "ods"
  | "not-spreadsheet"
  | "damaged";

const MESSAGES: Record<UnreadableKind, (file: string) => LocalizedText> = {
  "not-found": (file) => ({ th: `ไม่พบไฟล์ ${file}`, en: `file not found: ${file}` }),
  directory: (file) => ({
    th: `${file} เป็นโฟลเดอร์ ไม่ใช่เวิร์กบุ๊ก`,
    en: `${file} is a directory, not a workbook`,
  }),
  "no-permission": (file) => ({
    th: `ไม่มีสิทธิ์อ่านไฟล์ ${file}`,
    en: `permission denied: ${file}`,
  }),
  empty: (file) => ({
    th: `${file} เป็นไฟล์ว่าง (0 ไบต์) ไม่มีข้อมูลให้ตรวจ`,
    en: `${file} is empty (0 bytes): there is nothing to read`,
  }),
  csv: (file) => ({
    th: `${file} เป็นไฟล์ข้อความ CSV ไม่ใช่เวิร์กบุ๊ก .xlsx: เปิดใน Excel แล้วบันทึกเป็นชนิด "เวิร์กบุ๊ก Excel (*.xlsx)"`,
    en: `${file} is a CSV text file, not an .xlsx workbook: open it in Excel and save it as "Excel Workbook (*.xlsx)"`,
  }),
  xls: (file) => ({
    th: `${file} เป็นเวิร์กบุ๊ก Excel 97-2003 (.xls) รูปแบบเก่า: เปิดใน Excel แล้วบันทึกเป็นชนิด "เวิร์กบุ๊ก Excel (*.xlsx)"`,
    en: `${file} is an Excel 97-2003 workbook (.xls), an older format: open it in Excel and save it as "Excel Workbook (*.xlsx)"`,
  }),
  encrypted: (file) => ({
    th: `${file} ถูกเข้ารหัสลับด้วยรหัสผ่าน: เปิดใน Excel เอารหัสผ่านออก (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก > เข้ารหัสลับด้วยรหัสผ่าน) แล้วบันทึก`,
    en: `${file} is encrypted with a password: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it`,
  }),
  ods: (file) => ({
    th: `${file} เป็นสเปรดชีต OpenDocument (.ods): บันทึกเป็นชนิด "เวิร์กบุ๊ก Excel (*.xlsx)" ก่อน`,
    en: `${file} is an OpenDocument spreadsheet (.ods): save it as "Excel Workbook (*.xlsx)" first`,
  }),
  "not-spreadsheet": (file) => ({
    th: `${file} ไม่ใช่ไฟล์สเปรดชีต (ไม่ใช่เวิร์กบุ๊ก Excel .xlsx)`,
    en: `${file} is not a spreadsheet (not an Excel .xlsx workbook)`,
  }),
  damaged: (file) => ({
    th: `${file} อ่านไม่ได้: ไฟล์ .xlsx เสียหายหรือไม่ครบ (ลองเปิดใน Excel แล้วบันทึกใหม่)`,
    en: `${file} is not a readable .xlsx workbook: the file is damaged or incomplete (try opening it in Excel and saving it again)`,
  }),
};

/** The message for a file that cannot be read, in both languages. */
export function unreadableMessage(kind: UnreadableKind, file: string): LocalizedText {
  return MESSAGES[kind](file);
}

/** Why a workbook could not be read; `kind` says what the file is. */
export class WorkbookReadError extends Error {
  constructor(
    readonly kind: UnreadableKind,
    /** For developers only (never shown): what exactly failed. */
    readonly detail?: string
  ) {
    super(MESSAGES[kind]("the file").en);
    this.name = "WorkbookReadError";
  }

  text(file: string, lang?: Lang): string {
    return MESSAGES[this.kind](file)[lang ?? "en"];
  }

  /** Any failure while reading → the kind of unreadable file it shows. */
  static from(error: unknown): WorkbookReadError {
    if (error instanceof WorkbookReadError) return error;
    const detail = error instanceof Error ? error.message : String(error);
    if (error instanceof ZipFormatError) {
      if (error.reason === "encrypted") return new WorkbookReadError("encrypted", detail);
      if (error.reason === "not-zip") return new WorkbookReadError("not-spreadsheet", detail);
    }
    return new WorkbookReadError("damaged", detail);
  }
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** Whether the bytes hold "EncryptionInfo" as an OLE2 directory name (UTF-16LE). */
function hasEncryptionInfo(bytes: Uint8Array): boolean {
  const name = [..."EncryptionInfo"].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let at = 0; at <= bytes.length - name.length; at++) {
    if (bytes[at] !== name[0]) continue;
    for (let index = 1; index < name.length; index++)
      if (bytes[at + index] !== name[index]) continue outer;
    return true;
  }
  return false;
}

/** Text (UTF-8, or UTF-16 with a byte-order mark) whose lines are separated values. */
function looksLikeCsv(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let text: string;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    text = new TextDecoder(head[0] === 0xff ? "utf-16le" : "utf-16be").decode(head);
  } else {
    if (head.includes(0)) return false;
    text = new TextDecoder("utf-8").decode(head);
    // Mostly control characters or invalid UTF-8: binary.
    let odd = 0;
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13)) odd++;
    }
    if (odd > text.length / 20) return false;
  }
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (lines.length === 0 || /^\s*</.test(lines[0])) return false;
  return lines.some((line) => /[,;\t]/.test(line));
}

/**
 * What the bytes are when they are not an .xlsx workbook; undefined when they may be one.
 * With `zip` (the bytes opened as a zip): whether the archive holds a workbook.
 */
export function classifyUnreadable(
  bytes: Uint8Array,
  zip?: ZipArchive
): UnreadableKind | undefined {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, OLE2)) return hasEncryptionInfo(bytes) ? "encrypted" : "xls";
  if (!isZip(bytes)) return looksLikeCsv(bytes) ? "csv" : "not-spreadsheet";
  if (!zip) return undefined;
  if (findEntry(zip, "xl/workbook.xml") || findEntry(zip, "_rels/.rels")) return undefined;
  if (findEntry(zip, "content.xml") && findEntry(zip, "mimetype")) return "ods";
  return "not-spreadsheet";
}
