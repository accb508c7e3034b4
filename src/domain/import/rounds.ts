/**
 * Section 2 of the form: the round blocks. The system prints, per round, a label
 * "รายงานครั้งที่N", a dated narrative ":: date : text", a progress line naming its round
 * "(ครั้งที่ N)" and two status lines — but on some pages (seed 000's second page, seed
 * 001) the lines come out of step with the labels: a label holds the previous round's
 * progress and its own date, or only the previous round's progress.
 *
 * The reading, the same one the sample workbook's transcription follows:
 * - a dated narrative belongs to the label printed above it, and text that follows
 *   continues the last dated narrative (even across a label);
 * - a progress line belongs to the round its "(ครั้งที่ N)" names — never to the label it
 *   sits under; a progress line naming no round takes the number of the disbursement line
 *   right after it, else (flagged) the label above it;
 * - status lines belong to the round of the progress line before them.
 * Every round whose pieces were not all printed under its own label, or whose label holds
 * another round's pieces, is returned as not aligned, with where each value came from, for
 * the user to confirm or fix before anything is written.
 */
import { classifyRoundLine } from "./form";
import type { Segment } from "./markup";
import type { Piece } from "./text";

/** The values a round block carries. */
export type RoundPart =
  "date" | "narrative" | "progress" | "disbursed" | "planStatus" | "targetStatus";

/** A value as printed, with the label it was printed under. */
export interface Placed extends Piece {
  /** The round number of the "รายงานครั้งที่N" label above it; undefined before any label. */
  under: number | undefined;
}

export interface PrintedRound {
  round: number;
  /** Line of the round's own label; undefined when no label names it. */
  labelLine?: number;
  date?: Placed;
  narrative: Placed[];
  progress?: Placed;
  disbursed?: Placed;
  planStatus?: Placed;
  targetStatus?: Placed;
  /** The progress line named no round and was placed by the label above it. */
  progressGuessed?: boolean;
  /** Values printed twice for this round (the first is kept). */
  repeated: { part: RoundPart; piece: Placed }[];
}

export interface PrintedRounds {
  rounds: PrintedRound[];
  unplaced: Placed[];
}

export type StatusKind = "planStatus" | "targetStatus";

/** Reads section 2 of one report. `statusKind` says which vocabulary a status line is. */
export class RoundReader {
  private readonly byRound = new Map<number, PrintedRound>();
  private readonly unplaced: Placed[] = [];
  private label: number | undefined;
  private openNarrative: PrintedRound | undefined;
  private lastProgress: PrintedRound | undefined;
  private pendingProgress: Placed | undefined;

  constructor(private readonly statusKind: (text: string) => StatusKind | undefined) {}

  read(segment: Segment): void {
    this.readText(segment, segment.text);
  }

  private readText(segment: Segment, text: string): void {
    const line = classifyRoundLine(text);
    const placed = (value: string): Placed => ({
      text: value,
      line: segment.line,
      paraEnd: segment.paraEnd,
      under: this.label,
    });
    switch (line.kind) {
      case "label": {
        this.settlePendingProgress();
        this.label = line.round;
        const round = this.round(line.round);
        if (round.labelLine === undefined) round.labelLine = segment.line;
        if (line.rest !== "") this.readText(segment, line.rest);
        return;
      }
      case "date": {
        this.settlePendingProgress();
        const round = this.label === undefined ? undefined : this.round(this.label);
        if (round === undefined || round.date !== undefined) {
          // A second date under one label (or one before any label): it continues the
          // narrative as printed rather than inventing a round.
          this.continueNarrative(placed(text));
          return;
        }
        round.date = placed(line.date);
        round.narrative.push(placed(line.text));
        this.openNarrative = round;
        return;
      }
      case "progress": {
        this.settlePendingProgress();
        this.pendingProgress = placed(line.value);
        if (line.rest !== "") this.readText(segment, line.rest);
        return;
      }
      case "disbursed":
        this.readDisbursed(line.round, placed(line.value));
        return;
      case "status": {
        this.settlePendingProgress();
        const kind = this.statusKind(line.text);
        if (kind === undefined) {
          this.continueNarrative(placed(text));
          return;
        }
        const round =
          this.lastProgress ?? (this.label === undefined ? undefined : this.round(this.label));
        if (round === undefined) this.unplaced.push(placed(text));
        else this.setPart(round, kind, placed(line.text));
        return;
      }
      default:
        this.continueNarrative(placed(text));
    }
  }

  private readDisbursed(round: number | undefined, piece: Placed): void {
    const progress = this.pendingProgress;
    this.pendingProgress = undefined;
    const target =
      round !== undefined
        ? this.round(round)
        : this.label !== undefined
          ? this.round(this.label)
          : undefined;
    if (target === undefined) {
      if (progress) this.unplaced.push(progress);
      this.unplaced.push(piece);
      return;
    }
    if (progress !== undefined) {
      if (round === undefined) target.progressGuessed = true;
      this.setPart(target, "progress", progress);
    }
    this.setPart(target, "disbursed", piece);
    this.lastProgress = target;
  }

  /** A progress line with no disbursement line after it: placed by the label, flagged. */
  private settlePendingProgress(): void {
    const progress = this.pendingProgress;
    if (progress === undefined) return;
    this.pendingProgress = undefined;
    if (this.label === undefined) {
      this.unplaced.push(progress);
      return;
    }
    const round = this.round(this.label);
    round.progressGuessed = true;
    this.setPart(round, "progress", progress);
    this.lastProgress = round;
  }

  private continueNarrative(piece: Placed): void {
    if (this.openNarrative !== undefined) this.openNarrative.narrative.push(piece);
    else this.unplaced.push(piece);
  }

  private setPart(round: PrintedRound, part: Exclude<RoundPart, "narrative">, piece: Placed): void {
    if (round[part] === undefined) round[part] = piece;
    else round.repeated.push({ part, piece });
  }

  private round(number: number): PrintedRound {
    let round = this.byRound.get(number);
    if (round === undefined) {
      round = { round: number, narrative: [], repeated: [] };
      this.byRound.set(number, round);
    }
    return round;
  }

  finish(): PrintedRounds {
    this.settlePendingProgress();
    const rounds = [...this.byRound.values()].sort((a, b) => a.round - b.round);
    return { rounds, unplaced: this.unplaced };
  }
}

/** Each value of a round with the label it was printed under. */
export function placedParts(round: PrintedRound): { part: RoundPart; piece: Placed }[] {
  const parts: { part: RoundPart; piece: Placed }[] = [];
  for (const part of ["date", "progress", "disbursed", "planStatus", "targetStatus"] as const) {
    const piece = round[part];
    if (piece !== undefined) parts.push({ part, piece });
  }
  for (const piece of round.narrative)
    if (piece.text !== "") parts.push({ part: "narrative", piece });
  return parts;
}

/**
 * Whether each round was printed in step: all its values under its own label, and no
 * other round's value under its label. Keyed by round number.
 */
export function alignment(rounds: readonly PrintedRound[]): Map<number, boolean> {
  const foreignUnder = new Set<number | undefined>();
  const aligned = new Map<number, boolean>();
  for (const round of rounds) {
    let own = round.labelLine !== undefined && !round.progressGuessed;
    for (const { piece } of placedParts(round)) {
      if (piece.under !== round.round) {
        own = false;
        foreignUnder.add(piece.under);
      }
    }
    aligned.set(round.round, own);
  }
  for (const round of rounds) if (foreignUnder.has(round.round)) aligned.set(round.round, false);
  return aligned;
}
