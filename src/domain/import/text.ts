/**
 * Joining the printed pieces of one value: a printout wraps long text over several lines
 * (joined with a space), while a paragraph break of the system's HTML or a numbered item
 * ("2. เพื่อ…", "2) สำนักงาน…") starts a new line, as the sample workbook keeps them.
 */
import type { Segment } from "./markup";

/** One printed piece of a value, with where it came from. */
export interface Piece {
  text: string;
  line: number;
  /** The piece ended at an HTML paragraph break. */
  paraEnd: boolean;
}

/** "1. เพื่อ…", "2) สำนักงาน…", "1.อยู่…" — not "1.5" nor "2560". */
const LIST_ITEM_RE = /^\d{1,2}[.)]\s*[^\d\s.]/;

export function pieceOf(segment: Segment, text = segment.text): Piece {
  return { text, line: segment.line, paraEnd: segment.paraEnd };
}

export function joinPieces(pieces: readonly Piece[]): string {
  let out = "";
  let previous: Piece | undefined;
  for (const piece of pieces) {
    if (piece.text === "") {
      // An empty piece still carries its paragraph end (":: 24/04/2563 :</p>").
      if (previous !== undefined && piece.paraEnd) previous = { ...previous, paraEnd: true };
      continue;
    }
    if (previous === undefined) out = piece.text;
    else {
      const breaks = previous.paraEnd || LIST_ITEM_RE.test(piece.text);
      out += (breaks ? "\n" : " ") + piece.text;
    }
    previous = piece;
  }
  return out;
}
