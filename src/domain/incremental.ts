/**
 * The incremental check: a check that keeps each table's parsed rows and, when some rows
 * change, parses those rows only and re-validates only what they can affect. Its `result()`
 * equals `checkTables` over the tables as they are now (a property test holds it to that,
 * over random edits, inserts, deletes and sorts).
 *
 * What a change costs:
 * - rows of Rounds or Indicators re-read (`applyRows`): those rows are parsed; the rounds or
 *   items of each project they belonged to or now belong to are re-validated (a project's
 *   rounds in order, its items' ids and tally); the issue list is put together again.
 * - rows of Projects re-read: those rows are parsed; the Projects rules run over the whole
 *   (small) table; the rounds and items of each project whose code, period, budget or
 *   target count changed are re-validated.
 * - rows appended or removed at the end of a table: as rows re-read.
 * - anything else (rows inserted or deleted inside the table, a sort, new headers, a table
 *   moved or renamed): `replaceTable` with the whole table, which parses it again and
 *   re-validates everything (the full check's cost, without reading the other tables).
 */
import {
  mappingIssues,
  summarize,
  tableNotBoundIssue,
  type CheckInput,
  type CheckResult,
  type ColumnMapping,
} from "./check";
import { lowerBound } from "./numbers";
import { parseTable, rowParser, type ParsedRow, type RecordOf } from "./records";
import { fieldsOf, TABLE_KINDS } from "./schema";
import type {
  CellValue,
  ExcelSerial,
  Indicator,
  Issue,
  Project,
  RawTable,
  RawTableRows,
  Round,
  TableKind,
  Vocabularies,
} from "./types";
import {
  cellKey,
  contextOf,
  IndicatorRules,
  planToleranceOf,
  projectsByCode,
  RoundRules,
  validateProjects,
  type TableContext,
} from "./validate";
import { projectKeyCache } from "./validate/context";
import { DEFAULT_VOCABULARIES } from "./vocabularies";

/** No issues: shared by the many rows that have none. */
const NONE: readonly Issue[] = Object.freeze([]);

type TableMeta = Omit<RawTable, "rows" | "numberFormats">;

/** What the check keeps of one table, by data row. */
interface TableState<K extends TableKind> {
  kind: K;
  meta: TableMeta;
  /** The mapping given for the table, if any (else auto-mapped from its headers). */
  given: ColumnMapping | undefined;
  columns: ColumnMapping;
  context: TableContext;
  /** Issues about the table as a whole (row -1): its mapping's, and "no Projects table". */
  tableIssues: Issue[];
  parse: (cells: readonly CellValue[], row: number, formats?: readonly string[]) => ParsedRow<K>;
  /** Per data row: its record (undefined for a blank row). */
  records: (RecordOf[K] | undefined)[];
  /** Per data row: the issues of its cells, as parsing gives them. */
  cellIssues: (readonly Issue[])[];
  /** Per data row: the issues of the rules, as the full check gives them. */
  ruleIssues: (readonly Issue[])[];
  /** Per data row: its project key ("" for none; Rounds and Indicators). */
  keys: string[];
  unreadable: Set<string>;
  /** Project key → its rows, ascending. Rounds: keyed rows only; Indicators: "" too (items
   * without a project still share one namespace of ids). */
  groups: Map<string, number[]>;
  /** The result's part of each block of `BLOCK` rows, kept until a row of it changes. */
  blocks: Block[];
  /** Blocks with a row changed since they were put together. */
  stale: Set<number>;
  /** The table's part of the result, kept until a block changes. */
  part: Block | undefined;
}

/** Rows per block of the result: an edit puts one block together again, not the table. */
const BLOCK_ROWS = 512;

/** A stretch of the result: issues in order, records, and the issues counted. */
interface Block {
  issues: Issue[];
  records: RecordOf[TableKind][];
  summary: CheckResult["summary"];
}

type States = { [K in TableKind]?: TableState<K> };

export interface IncrementalInput extends CheckInput {
  /** Rows per block of the result (see `BLOCK_ROWS`); small in tests, to have many. */
  blockRows?: number;
}

/** What one update did (for the figures, and to tell a caller whether it applied). */
export interface UpdateOutcome {
  /** False when the rows cannot be applied alone (the table moved, was renamed, has other
   * headers, or grew by rows not read): read the whole table and `replaceTable`. */
  applied: boolean;
  rowsParsed: number;
  /** Projects (or project-less rounds) whose rules ran again. */
  groupsChecked: number;
}

/** The facts about a project that rounds and items are checked against. */
function sameProjectFacts(a: Project | undefined, b: Project | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.code === b.code &&
    a.start === b.start &&
    a.end === b.end &&
    a.budgetReceived === b.budgetReceived &&
    a.targetCount === b.targetCount
  );
}

function sameMeta(a: TableMeta, b: TableMeta): boolean {
  return (
    a.name === b.name &&
    a.sheet === b.sheet &&
    a.origin?.row === b.origin?.row &&
    a.origin?.col === b.origin?.col &&
    Array.isArray(b.headers) &&
    a.headers.length === b.headers.length &&
    a.headers.every((header, index) => header === b.headers[index])
  );
}

/** An array of `count` times `value`, built by pushing: `new Array(n)` of a large n gives
 * a slow dictionary-backed array in V8. */
function filled<T>(count: number, value: T): T[] {
  const array: T[] = [];
  for (let index = 0; index < count; index++) array.push(value);
  return array;
}

/** Issues in the full check's order within one row: by column, ties as given. */
function byColumn(issues: readonly Issue[], columns: ColumnMapping): readonly Issue[] {
  const column = (issue: Issue) => (issue.field === undefined ? -1 : (columns[issue.field] ?? -1));
  let sorted = true;
  for (let index = 1; index < issues.length && sorted; index++)
    sorted = column(issues[index - 1]) <= column(issues[index]);
  return sorted ? issues : [...issues].sort((a, b) => column(a) - column(b));
}

export class IncrementalCheck {
  private readonly tables: States = {};
  private readonly vocabularies: Vocabularies;
  private readonly planTolerance: number;
  private asOf: ExcelSerial | undefined;
  private readonly keyOf = projectKeyCache();
  private byCode: Map<string, Project> | undefined;
  private roundRules: RoundRules | undefined;
  private indicatorRules: IndicatorRules | undefined;
  private cached: CheckResult | undefined;
  private readonly blockRows: number;

  /** Checks the tables in full (as `checkTables`) and keeps what it read. */
  constructor(input: IncrementalInput) {
    this.vocabularies = input.vocabularies ?? DEFAULT_VOCABULARIES;
    this.planTolerance = planToleranceOf(input.planTolerance);
    this.asOf = input.asOf;
    this.blockRows = Math.max(1, Math.floor(input.blockRows ?? BLOCK_ROWS));
    for (const kind of TABLE_KINDS) {
      const given = input[kind];
      if (!given) continue;
      // The live check follows one bound table per kind (the pane binds one).
      const table = Array.isArray(given) ? given[0] : (given as RawTable);
      if (table) this.load(kind, table, input.mappings?.[kind]);
    }
    this.validateAll();
  }

  /** Data rows of a table as last read (0 when it is not checked). */
  rowCount(kind: TableKind): number {
    return this.tables[kind]?.records.length ?? 0;
  }

  /** The kinds of table checked. */
  get kinds(): TableKind[] {
    return TABLE_KINDS.filter((kind) => this.tables[kind] !== undefined);
  }

  /** The result of the check as the tables are now: equal to `checkTables`'. */
  result(): CheckResult {
    this.cached ??= this.assemble();
    return this.cached;
  }

  /**
   * Applies rows read after a change (see `UpdateOutcome.applied` for when it cannot).
   * Rows past `rowCount` are dropped; rows added at the end must be among those read.
   */
  applyRows(kind: TableKind, read: RawTableRows): UpdateOutcome {
    const state = this.tables[kind] as TableState<TableKind> | undefined;
    const refused: UpdateOutcome = { applied: false, rowsParsed: 0, groupsChecked: 0 };
    if (!state || !sameMeta(state.meta, read)) return refused;
    const oldCount = state.records.length;
    const newCount = read.rowCount;
    const first = read.firstRow;
    const rows = Array.isArray(read.rows) ? read.rows : [];
    const end = first + rows.length;
    if (!Number.isInteger(first) || first < 0 || !Number.isInteger(newCount) || newCount < 0)
      return refused;
    if (newCount > oldCount && (first > oldCount || end < newCount)) return refused;

    const dirty = new Set<string>();
    const lone = new Set<number>();
    for (let row = newCount; row < oldCount; row++) this.clearRow(state, row, dirty);
    this.resize(state, newCount);
    let parsed = 0;
    for (let index = 0; index < rows.length && first + index < newCount; index++) {
      const row = first + index;
      this.clearRow(state, row, dirty);
      this.readRow(state, row, rows[index], read.numberFormats?.[index], dirty, lone);
      parsed += 1;
    }
    this.cached = undefined;
    let groups = 0;
    if (kind === "projects") {
      const changed = this.checkProjects();
      groups += this.recheck("rounds", changed, new Set());
      groups += this.recheck("indicators", changed, new Set());
    } else {
      groups += this.recheck(kind, dirty, lone);
    }
    return { applied: true, rowsParsed: parsed, groupsChecked: groups };
  }

  /** Takes a table read whole (after a sort, rows inserted inside it, new headers…) and
   * re-validates everything. `options.mapping`, when there, replaces the mapping given at
   * the start (undefined: map from the headers). */
  replaceTable(
    kind: TableKind,
    table: RawTable,
    options: { mapping?: ColumnMapping | undefined } = {}
  ): void {
    const state = this.tables[kind];
    if (!state) throw new Error(`no ${kind} table is checked`);
    this.load(kind, table, "mapping" in options ? options.mapping : state.given);
    this.cached = undefined;
    this.validateAll();
  }

  /** Sets "today"; the rounds are re-validated when it changed. */
  setAsOf(asOf: ExcelSerial | undefined): void {
    if (asOf === this.asOf) return;
    this.asOf = asOf;
    this.cached = undefined;
    this.validateAll();
  }

  // --- reading --------------------------------------------------------------------------

  private load<K extends TableKind>(
    kind: K,
    table: RawTable,
    given: ColumnMapping | undefined
  ): void {
    const mapped = mappingIssues(kind, table, given, contextOf(kind, table, {}));
    const parsed = parseTable(kind, table, {
      columns: mapped.columns,
      vocabularies: this.vocabularies,
    });
    const rowCount = Array.isArray(table.rows) ? table.rows.length : 0;
    const state: TableState<K> = {
      kind,
      meta: {
        name: table.name,
        sheet: table.sheet,
        origin: table.origin,
        headers: Array.isArray(table.headers) ? [...table.headers] : [],
      },
      given,
      columns: mapped.columns,
      context: parsed.context,
      tableIssues: mapped.issues,
      parse: rowParser(kind, table, parsed.context, this.vocabularies),
      records: filled<RecordOf[K] | undefined>(rowCount, undefined),
      cellIssues: filled(rowCount, NONE),
      ruleIssues: filled(rowCount, NONE),
      keys: filled(rowCount, ""),
      unreadable: new Set(parsed.unreadable),
      groups: new Map(),
      blocks: [],
      stale: new Set(),
      part: undefined,
    };
    for (const issue of parsed.issues) {
      // A column's reading (unit in the header, fractions, BE serials) is about the table.
      if (issue.row < 0) state.tableIssues.push(issue);
      else this.addIssue(state, state.cellIssues, issue);
    }
    for (const record of parsed.records) {
      state.records[record.row] = record;
      this.join(state, record.row, record);
    }
    (this.tables as Record<TableKind, TableState<TableKind> | undefined>)[kind] =
      state as unknown as TableState<TableKind>;
    const notBound = tableNotBoundIssue(this.tables);
    for (const each of TABLE_KINDS) {
      const other = this.tables[each];
      if (!other) continue;
      other.tableIssues = other.tableIssues.filter((issue) => issue.code !== "TABLE_NOT_BOUND");
      if (notBound && notBound.table === each) other.tableIssues.push(notBound);
    }
  }

  /** Notes that a row's part of the result changed. */
  private touch(state: TableState<TableKind>, row: number): void {
    state.stale.add(Math.floor(row / this.blockRows));
    state.part = undefined;
  }

  private addIssue(state: TableState<TableKind>, lists: (readonly Issue[])[], issue: Issue): void {
    const list = lists[issue.row];
    if (list === undefined) return;
    this.touch(state, issue.row);
    if (list === NONE) lists[issue.row] = [issue];
    else (list as Issue[]).push(issue);
  }

  /** Files a row under its project (Rounds and Indicators). */
  private join(state: TableState<TableKind>, row: number, record: RecordOf[TableKind]): string {
    if (state.kind === "projects") return "";
    const code = (record as Round | Indicator).projectCode;
    const key = code ? this.keyOf(code) : "";
    state.keys[row] = key;
    if (state.kind === "rounds" && key === "") return key;
    let rows = state.groups.get(key);
    if (!rows) state.groups.set(key, (rows = []));
    if (rows.length === 0 || rows[rows.length - 1] < row) rows.push(row);
    else rows.splice(lowerBound(rows, row), 0, row);
    return key;
  }

  /** Forgets what a row held; its project goes into `dirty`. */
  private clearRow(state: TableState<TableKind>, row: number, dirty: Set<string>): void {
    const record = state.records[row];
    this.touch(state, row);
    state.cellIssues[row] = NONE;
    state.ruleIssues[row] = NONE;
    if (record === undefined) return;
    state.records[row] = undefined;
    if (state.unreadable.size > 0)
      for (const field of fieldsOf(state.kind)) state.unreadable.delete(cellKey(row, field.key));
    if (state.kind === "projects") return;
    const key = state.keys[row];
    state.keys[row] = "";
    dirty.add(key);
    const rows = state.groups.get(key);
    if (!rows) return;
    const at = lowerBound(rows, row);
    if (rows[at] === row) rows.splice(at, 1);
    if (rows.length === 0) state.groups.delete(key);
  }

  private readRow(
    state: TableState<TableKind>,
    row: number,
    cells: CellValue[],
    formats: string[] | undefined,
    dirty: Set<string>,
    lone: Set<number>
  ): void {
    const parsed = state.parse(cells, row, formats);
    if (!parsed.record) return;
    state.records[row] = parsed.record;
    state.cellIssues[row] = parsed.issues.length > 0 ? parsed.issues : NONE;
    for (const key of parsed.unreadable) state.unreadable.add(key);
    if (state.kind === "projects") return;
    const key = this.join(state, row, parsed.record);
    if (state.kind === "rounds" && key === "") lone.add(row);
    else dirty.add(key);
  }

  private resize(state: TableState<TableKind>, count: number): void {
    const from = state.records.length;
    if (count !== from) this.touch(state, Math.max(0, Math.min(from, count) - 1));
    for (let row = from; row < count; row += this.blockRows) this.touch(state, row);
    if (count < from) {
      state.records.length = count;
      state.cellIssues.length = count;
      state.ruleIssues.length = count;
      state.keys.length = count;
    }
    for (let row = from; row < count; row++) {
      state.records.push(undefined);
      state.cellIssues.push(NONE);
      state.ruleIssues.push(NONE);
      state.keys.push("");
    }
  }

  // --- validating -----------------------------------------------------------------------

  private validateAll(): void {
    this.checkProjects();
    const rounds = this.tables.rounds;
    this.roundRules = rounds
      ? new RoundRules(rounds.context, {
          vocabularies: this.vocabularies,
          planTolerance: this.planTolerance,
          asOf: this.asOf,
          unreadable: rounds.unreadable,
        })
      : undefined;
    const indicators = this.tables.indicators;
    this.indicatorRules = indicators
      ? new IndicatorRules(indicators.context, this.vocabularies, indicators.unreadable)
      : undefined;
    if (rounds) {
      const lone = new Set<number>();
      rounds.records.forEach((record, row) => {
        if (record && rounds.keys[row] === "") lone.add(row);
      });
      this.recheck("rounds", new Set(rounds.groups.keys()), lone);
    }
    if (indicators) this.recheck("indicators", new Set(indicators.groups.keys()), new Set());
  }

  /** Runs the Projects rules over the table; returns the project keys whose facts changed. */
  private checkProjects(): Set<string> {
    const state = this.tables.projects;
    const changed = new Set<string>();
    const before = this.byCode;
    if (!state) {
      this.byCode = undefined;
      return changed;
    }
    const projects = state.records.filter((record): record is Project => record !== undefined);
    state.ruleIssues.fill(NONE);
    for (let row = 0; row < state.ruleIssues.length; row += this.blockRows) this.touch(state, row);
    for (const issue of validateProjects(projects, state.context))
      this.addIssue(state, state.ruleIssues, issue);
    const after = projectsByCode(projects);
    this.byCode = after;
    for (const [key, project] of after)
      if (!sameProjectFacts(before?.get(key), project)) changed.add(key);
    if (before) for (const key of before.keys()) if (!after.has(key)) changed.add(key);
    return changed;
  }

  /** Re-validates the projects `keys` of a table, and project-less rounds `lone`. */
  private recheck(kind: "rounds" | "indicators", keys: Set<string>, lone: Set<number>): number {
    let count = 0;
    if (kind === "rounds") {
      const state = this.tables.rounds;
      if (!state) return 0;
      for (const key of keys) if (key !== "" && this.checkRoundGroup(state, key)) count += 1;
      for (const row of lone) {
        const record = state.records[row];
        if (!record || state.keys[row] !== "") continue;
        const issues: Issue[] = [];
        this.roundRules?.checkRound(record, false, issues);
        state.ruleIssues[row] = issues.length > 0 ? issues : NONE;
        this.touch(state, row);
        count += 1;
      }
      return count;
    }
    const state = this.tables.indicators;
    if (!state) return 0;
    for (const key of keys) if (this.checkItemGroup(state, key)) count += 1;
    return count;
  }

  private checkRoundGroup(state: TableState<"rounds">, key: string): boolean {
    const rules = this.roundRules;
    const rows = state.groups.get(key);
    if (!rules || !rows) return false;
    const unknown = this.byCode !== undefined && !this.byCode.has(key);
    const issues: Issue[] = [];
    const group: Round[] = [];
    for (const row of rows) {
      const round = state.records[row] as Round;
      rules.checkRound(round, unknown, issues);
      group.push(round);
      state.ruleIssues[row] = NONE;
      this.touch(state, row);
    }
    rules.checkProject(group, this.byCode?.get(key), issues);
    for (const issue of issues) this.addIssue(state, state.ruleIssues, issue);
    return true;
  }

  private checkItemGroup(state: TableState<"indicators">, key: string): boolean {
    const rules = this.indicatorRules;
    const rows = state.groups.get(key);
    if (!rules || !rows) return false;
    const project = {
      key,
      unknown: this.byCode !== undefined && key !== "" && !this.byCode.has(key),
    };
    const issues: Issue[] = [];
    const items: Indicator[] = [];
    const firstRowById = new Map<string, number>();
    for (const row of rows) {
      const item = state.records[row] as Indicator;
      rules.checkItem(item, project, firstRowById, issues);
      items.push(item);
      state.ruleIssues[row] = NONE;
      this.touch(state, row);
    }
    if (this.byCode && key !== "") rules.checkTally(items, this.byCode.get(key), issues);
    for (const issue of issues) this.addIssue(state, state.ruleIssues, issue);
    return true;
  }

  // --- the result -----------------------------------------------------------------------

  private assemble(): CheckResult {
    const parts: Issue[][] = [];
    const records: CheckResult["records"] = { projects: [], rounds: [], indicators: [] };
    const mappings: CheckResult["mappings"] = {};
    const summary = { errors: 0, warnings: 0, infos: 0 };
    for (const kind of TABLE_KINDS) {
      const state = this.tables[kind] as TableState<TableKind> | undefined;
      if (!state) continue;
      mappings[kind] = state.columns;
      state.part ??= this.partOf(state);
      const part = state.part;
      parts.push(part.issues);
      (records as Record<TableKind, RecordOf[TableKind][]>)[kind] = part.records;
      summary.errors += part.summary.errors;
      summary.warnings += part.summary.warnings;
      summary.infos += part.summary.infos;
    }
    // `concat` copies whole arrays at once: several times quicker than pushing each element.
    return { records, issues: ([] as Issue[]).concat(...parts), summary, mappings };
  }

  /** A table's part of the result, from its blocks (put together again where stale). */
  private partOf(state: TableState<TableKind>): Block {
    const count = Math.ceil(state.records.length / this.blockRows);
    if (state.blocks.length > count) state.blocks.length = count;
    for (let index = 0; index < count; index++)
      if (index >= state.blocks.length || state.stale.has(index))
        state.blocks[index] = this.blockOf(state, index);
    state.stale.clear();
    const tableIssues = [...byColumn(state.tableIssues, state.columns)];
    const summary = summarize(tableIssues);
    for (const block of state.blocks) {
      summary.errors += block.summary.errors;
      summary.warnings += block.summary.warnings;
      summary.infos += block.summary.infos;
    }
    return {
      issues: tableIssues.concat(...state.blocks.map((block) => block.issues)),
      records: ([] as RecordOf[TableKind][]).concat(...state.blocks.map((block) => block.records)),
      summary,
    };
  }

  private blockOf(state: TableState<TableKind>, index: number): Block {
    const issues: Issue[] = [];
    const records: RecordOf[TableKind][] = [];
    const { cellIssues, ruleIssues } = state;
    const end = Math.min(state.records.length, (index + 1) * this.blockRows);
    for (let row = index * this.blockRows; row < end; row++) {
      const record = state.records[row];
      if (record !== undefined) records.push(record);
      const cells = cellIssues[row];
      const rules = ruleIssues[row];
      if (cells.length + rules.length === 0) continue;
      const own = cells.length === 0 ? rules : rules.length === 0 ? cells : [...cells, ...rules];
      for (const issue of own.length > 1 ? byColumn(own, state.columns) : own) issues.push(issue);
    }
    return { issues, records, summary: summarize(issues) };
  }
}
