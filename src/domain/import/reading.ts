/**
 * How each round was read from the printout, for the user to confirm: where each value
 * came from (line, and the "รายงานครั้งที่N" label it was printed under), whether the
 * round was printed in step with its label, and the issues that say so in words.
 */
import { fieldLabel } from "../schema";
import type { Issue, Lang } from "../types";
import { importIssue } from "./issues";
import {
  alignment,
  placedParts,
  type PrintedRound,
  type PrintedRounds,
  type RoundPart,
} from "./rounds";

/** Where one value of a round was printed. */
export interface RoundSource {
  /** First and last line of the value (a narrative may span several). */
  line: number;
  lastLine: number;
  /** The round numbers of the labels it was printed under (none: before any label). */
  under: number[];
  /** The value as printed (narratives shortened). */
  printed: string;
}

export interface RoundReading {
  round: number;
  /** Printed in step: every value under the round's own label, no other round's there. */
  aligned: boolean;
  /** Line of the round's own "รายงานครั้งที่N" label, when there is one. */
  labelLine?: number;
  sources: Partial<Record<RoundPart, RoundSource>>;
  /** Other rounds whose values were printed under this round's label. */
  holdsValuesOf: number[];
}

function sourceOf(pieces: PrintedRound["narrative"]): RoundSource | undefined {
  const shown = pieces.filter((piece) => piece.text !== "");
  if (shown.length === 0) return undefined;
  const under = [
    ...new Set(shown.map((piece) => piece.under).filter((n): n is number => n !== undefined)),
  ];
  const printed = shown.map((piece) => piece.text).join(" ");
  return {
    line: shown[0].line,
    lastLine: shown[shown.length - 1].line,
    under,
    printed: printed.length > 80 ? `${printed.slice(0, 79)}…` : printed,
  };
}

export function readingOf(rounds: readonly PrintedRound[]): RoundReading[] {
  const aligned = alignment(rounds);
  const held = new Map<number, Set<number>>();
  for (const round of rounds) {
    for (const { piece } of placedParts(round)) {
      if (piece.under === undefined || piece.under === round.round) continue;
      const set = held.get(piece.under) ?? new Set<number>();
      set.add(round.round);
      held.set(piece.under, set);
    }
  }
  return rounds.map((round) => {
    const sources: Partial<Record<RoundPart, RoundSource>> = {};
    for (const part of ["date", "progress", "disbursed", "planStatus", "targetStatus"] as const) {
      const piece = round[part];
      const source = piece === undefined ? undefined : sourceOf([piece]);
      if (source !== undefined) sources[part] = source;
    }
    const narrative = sourceOf(round.narrative);
    if (narrative !== undefined) sources.narrative = narrative;
    const reading: RoundReading = {
      round: round.round,
      aligned: aligned.get(round.round) ?? false,
      sources,
      holdsValuesOf: [...(held.get(round.round) ?? [])].sort((a, b) => a - b),
    };
    if (round.labelLine !== undefined) reading.labelLine = round.labelLine;
    return reading;
  });
}

const PART_ORDER: readonly RoundPart[] = [
  "date",
  "narrative",
  "progress",
  "disbursed",
  "planStatus",
  "targetStatus",
];

/** "วันที่ 24/04/2563 (บรรทัด 122, ใต้ป้ายครั้งที่ 6)" for each value read. */
function describeReading(reading: RoundReading, lang: Lang): string {
  const parts: string[] = [];
  if (reading.holdsValuesOf.length > 0) {
    const others = reading.holdsValuesOf.join(", ");
    parts.push(
      lang === "th"
        ? `ใต้ป้ายนี้มีค่าของรายงานครั้งที่ ${others}`
        : `its label holds values of round ${others}`
    );
  }
  for (const part of PART_ORDER) {
    const source = reading.sources[part];
    if (source === undefined) continue;
    const lines =
      source.lastLine === source.line ? `${source.line}` : `${source.line}–${source.lastLine}`;
    const under =
      source.under.length === 0
        ? lang === "th"
          ? "ก่อนป้ายรายงานครั้งที่ใด ๆ"
          : "before any round label"
        : lang === "th"
          ? `ใต้ป้ายครั้งที่ ${source.under.join(", ")}`
          : `under the label of round ${source.under.join(", ")}`;
    const value = part === "narrative" ? "" : ` ${source.printed}`;
    parts.push(
      lang === "th"
        ? `${fieldLabel("rounds", part, "th")}${value} (บรรทัด ${lines}, ${under})`
        : `${fieldLabel("rounds", part, "en")}${value} (line ${lines}, ${under})`
    );
  }
  return parts.join("; ");
}

export function roundIssues(printed: PrintedRounds, readings: readonly RoundReading[]): Issue[] {
  const issues: Issue[] = [];
  printed.rounds.forEach((round, row) => {
    const reading = readings[row];
    const n = round.round;
    if (round.labelLine === undefined) {
      issues.push(
        importIssue("IMPORT_ROUND_WITHOUT_LABEL", "rounds", row, "round", {
          th: `พบค่าของรายงานครั้งที่ ${n} แต่ไม่มีป้าย "รายงานครั้งที่${n}" ในเอกสาร: ${describeReading(reading, "th")}`,
          en: `Values for round ${n} were printed but no "รายงานครั้งที่${n}" label: ${describeReading(reading, "en")}`,
        })
      );
    } else if (!reading.aligned) {
      issues.push(
        importIssue("IMPORT_ROUND_OUT_OF_STEP", "rounds", row, "round", {
          th: `รายงานครั้งที่ ${n} พิมพ์ไม่ตรงกับป้ายของครั้ง โปรดตรวจและยืนยันก่อนนำเข้า อ่านได้ว่า: ${describeReading(reading, "th") || "ไม่มีค่าใดใต้ป้ายนี้"}`,
          en: `Round ${n} is printed out of step with its label; check and confirm before importing. Read as: ${describeReading(reading, "en") || "no values under this label"}`,
        })
      );
    }
    if (round.progressGuessed) {
      issues.push(
        importIssue("IMPORT_PROGRESS_WITHOUT_ROUND", "rounds", row, "progress", {
          th: `บรรทัด ${round.progress?.line}: บรรทัดความก้าวหน้าไม่ได้ระบุ "(ครั้งที่ N)" จึงถือเป็นของรายงานครั้งที่ ${n} ตามป้ายด้านบน โปรดยืนยัน`,
          en: `Line ${round.progress?.line}: the progress line names no round "(ครั้งที่ N)", so it was read as round ${n} from the label above it; please confirm`,
        })
      );
    }
    for (const { part, piece } of round.repeated) {
      issues.push(
        importIssue("IMPORT_ROUND_REPEATED_VALUE", "rounds", row, part, {
          th: `บรรทัด ${piece.line}: ${fieldLabel("rounds", part, "th")}ของรายงานครั้งที่ ${n} พิมพ์ซ้ำ ("${piece.text.slice(0, 40)}") ใช้ค่าแรก`,
          en: `Line ${piece.line}: ${fieldLabel("rounds", part, "en")} of round ${n} is printed again ("${piece.text.slice(0, 40)}"); the first one is used`,
        })
      );
    }
    const missing = (["date", "progress"] as const).filter((part) => round[part] === undefined);
    if (missing.length > 0) {
      issues.push(
        importIssue("IMPORT_ROUND_INCOMPLETE", "rounds", row, missing[0], {
          th: `รายงานครั้งที่ ${n} ไม่มี${missing.map((part) => fieldLabel("rounds", part, "th")).join("และ")}ในเอกสาร จึงเว้นว่างไว้`,
          en: `Round ${n} has no ${missing.map((part) => fieldLabel("rounds", part, "en")).join(" and ")} in the printout; left blank`,
        })
      );
    }
  });
  return issues;
}
