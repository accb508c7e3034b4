/**
 * Section 1 of the form: the labelled fields (1.1, 1.2, 1.6) and the free text of 1.3–1.5,
 * read into the printed pieces of each project field. Values stay text here; index.ts
 * turns them into typed cells with the domain's date and number parsers.
 */
import type { ProjectField } from "../schema";
import { labelledField, SUBSECTION_FIELD, subsectionOf, TEXT_FIELDS } from "./form";
import type { Segment } from "./markup";
import { pieceOf, type Piece } from "./text";

export interface PrintedHeader {
  /** The printed pieces of each field found, in order. */
  fields: Partial<Record<ProjectField, Piece[]>>;
  /** Line where each field's label was printed. */
  lines: Partial<Record<ProjectField, number>>;
  /** Text that belongs to no field (a stray line after a number or date field). */
  unplaced: Piece[];
}

export function emptyHeader(): PrintedHeader {
  return { fields: {}, lines: {}, unplaced: [] };
}

/**
 * Reads one segment of section 1 into `header`. `current` is the field that takes
 * continuation lines; returns the field that takes the next ones.
 */
export function readHeaderSegment(
  header: PrintedHeader,
  segment: Segment,
  current: ProjectField | undefined
): ProjectField | undefined {
  const subsection = subsectionOf(segment.text);
  if (subsection !== undefined) return SUBSECTION_FIELD[subsection];
  const labelled = labelledField(segment.text);
  if (labelled !== undefined) {
    const { field, value } = labelled;
    if (header.fields[field] === undefined) {
      header.fields[field] = [];
      header.lines[field] = segment.line;
    }
    if (value !== "") header.fields[field]?.push(pieceOf(segment, value));
    return TEXT_FIELDS.has(field) ? field : undefined;
  }
  if (current !== undefined) {
    let pieces = header.fields[current];
    if (pieces === undefined) {
      pieces = [];
      header.fields[current] = pieces;
      header.lines[current] = segment.line;
    }
    pieces.push(pieceOf(segment));
    return current;
  }
  header.unplaced.push(pieceOf(segment));
  return undefined;
}
