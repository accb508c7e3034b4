/**
 * The browser preview's view of the in-memory workbook, beside the task pane: the sheets
 * as tabs, the tables as a grid that shows the selected cell (so "go to the cell" can be
 * seen) and lets a person edit a cell (double-click, Enter or F2), and the sheets Kaona
 * generated drawn by the HTML renderer. Read from `PreviewWorkbook.snapshot()`, redrawn on
 * every change.
 */
import { Tab, TabList, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type MouseEvent,
  type ReactElement,
  type RefObject,
} from "react";
import { PreviewWorkbook } from "../../app/previewWorkbook";
import { cellAddress, columnLetters, rangeCorners } from "../../domain/a1";
import { layoutToHtml } from "../../render/html";
import { parseThaiDate } from "../../domain/dates";
import { formatValue, isDateNumberFormat } from "../../render/html/numberFormat";
import type { SheetSnapshot } from "../../workbook/memory/MemoryWorkbook";
import { useApp } from "../appContext";

const PX_PER_PT = 4 / 3;
const DEFAULT_COLUMN_PX = 72;
const MAX_COLUMN_PX = 280;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minHeight: "0",
    backgroundColor: tokens.colorNeutralBackground3,
  },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  tabs: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowX: "auto",
    flexShrink: 0,
  },
  scroller: { flexGrow: 1, overflow: "auto", minHeight: "0", position: "relative" },
  grid: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    height: "22px",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    width: "40px",
  },
  corner: { left: 0, zIndex: 3 },
  cell: {
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    height: "22px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    cursor: "cell",
  },
  header: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  number: { textAlign: "right" },
  inRange: { backgroundColor: tokens.colorBrandBackground2 },
  selected: {
    outline: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorBrandBackground2,
  },
  editor: {
    width: "100%",
    boxSizing: "border-box",
    border: "none",
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  generated: {
    padding: tokens.spacingHorizontalL,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

/**
 * What a person typed, as Excel would enter it: numbers as numbers; in a cell formatted as
 * a date, a date typed as shown (2/12/2562, 2 ธ.ค. 2562, 2019-12-02) as its serial; the
 * rest as text.
 */
export function enteredValue(text: string, numberFormat?: string): string | number {
  const trimmed = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (isDateNumberFormat(numberFormat)) {
    const date = parseThaiDate(trimmed);
    if (date.ok) return date.value;
  }
  return text;
}

/** The text a cell's editor starts with, as Excel's: a date as displayed, not its serial. */
export function editorText(value: unknown, numberFormat?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && isDateNumberFormat(numberFormat))
    return formatValue(value, numberFormat);
  return String(value);
}

interface Selection {
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** The active cell. */
  row: number;
  col: number;
}

function cellId(sheetIndex: number, row: number, col: number): string {
  return `sheet-${sheetIndex}-${cellAddress(row, col)}`;
}

type SnapshotCell = SheetSnapshot["cells"][number];
type Editing = { row: number; col: number; text: string };

/** Typing into one cell: Enter or a blur writes the text if it changed, Escape drops it. */
function useCellEditing(
  sheet: SheetSnapshot,
  byKey: Map<string, SnapshotCell>,
  workbook: PreviewWorkbook,
  gridRef: RefObject<HTMLTableElement | null>
) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const textOf = (row: number, col: number): string => {
    const cell = byKey.get(`${row},${col}`);
    return cell === undefined ? "" : editorText(cell.value, cell.numberFormat);
  };
  // Escape moves focus back to the grid, which blurs the editor: the blur must not save.
  const cancelled = useRef(false);
  const startEdit = (row: number, col: number) => {
    cancelled.current = false;
    setEditing({ row, col, text: textOf(row, col) });
  };
  const commit = () => {
    if (!editing || cancelled.current) return;
    const { row, col, text } = editing;
    setEditing(null);
    if (text !== textOf(row, col))
      workbook.setCell(
        sheet.name,
        cellAddress(row, col),
        enteredValue(text, byKey.get(`${row},${col}`)?.numberFormat)
      );
    gridRef.current?.focus();
  };
  const cancel = () => {
    cancelled.current = true;
    setEditing(null);
    gridRef.current?.focus();
  };
  return { editing, setEditing, startEdit, commit, cancel };
}

/** One cell of the grid: its shown value, selection marks, and the editor while editing. */
function GridCell({
  id,
  row,
  col,
  cell,
  selection,
  isHeaderRow,
  editing,
  onEditingChange,
  onCommit,
  onCancel,
  onMouseDown,
  onDoubleClick,
}: {
  id: string;
  row: number;
  col: number;
  cell: SnapshotCell | undefined;
  selection: Selection | null;
  isHeaderRow: boolean;
  editing: Editing | null;
  onEditingChange(editing: Editing): void;
  onCommit(): void;
  onCancel(): void;
  onMouseDown(event: MouseEvent): void;
  onDoubleClick(): void;
}): ReactElement {
  const { t } = useApp();
  const styles = useStyles();
  const isActive = selection?.row === row && selection?.col === col;
  const inRange =
    selection !== null &&
    row >= selection.top &&
    row <= selection.bottom &&
    col >= selection.left &&
    col <= selection.right;
  const text = cell
    ? String(cell.value).startsWith("=")
      ? String(cell.value)
      : formatValue(cell.value, cell.numberFormat)
    : "";
  const isEditing = editing?.row === row && editing.col === col;
  return (
    <td
      id={id}
      role="gridcell"
      aria-selected={inRange}
      data-address={cellAddress(row, col)}
      title={text.length > 30 ? text.slice(0, 500) : undefined}
      className={mergeClasses(
        styles.cell,
        isHeaderRow && styles.header,
        typeof cell?.value === "number" && styles.number,
        inRange && styles.inRange,
        isActive && styles.selected
      )}
      onMouseDown={onMouseDown}
      onDoubleClick={onDoubleClick}
    >
      {isEditing ? (
        <input
          className={styles.editor}
          aria-label={t("preview.grid.edit", { cell: cellAddress(row, col) })}
          autoFocus
          value={editing.text}
          onChange={(event) => onEditingChange({ ...editing, text: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              onCommit();
            } else if (event.key === "Escape") {
              event.preventDefault();
              onCancel();
            }
          }}
          onBlur={onCommit}
        />
      ) : (
        text
      )}
    </td>
  );
}

/** The column widths in CSS pixels, each from the sheet's width in points (capped). */
function columnPixels(sheet: SheetSnapshot, cols: number): number[] {
  return Array.from({ length: cols }, (_, c) => {
    const pt = sheet.columnWidths[c];
    return pt === undefined
      ? DEFAULT_COLUMN_PX
      : Math.min(MAX_COLUMN_PX, Math.round(pt * PX_PER_PT));
  });
}

/** The corner cell and the column letters. */
function ColumnHeaders({ widths }: { widths: number[] }): ReactElement {
  const { t } = useApp();
  const styles = useStyles();
  return (
    <thead>
      <tr role="row">
        <th
          className={mergeClasses(styles.head, styles.rowHead, styles.corner)}
          role="columnheader"
          aria-label={t("preview.grid.corner")}
        />
        {widths.map((_, c) => (
          <th key={c} className={styles.head} role="columnheader" scope="col">
            {columnLetters(c)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Keeps the active cell in view as the selection moves. */
function useScrollToActiveCell(selection: Selection | null, sheetIndex: number): void {
  useEffect(() => {
    if (!selection) return;
    document
      .getElementById(cellId(sheetIndex, selection.row, selection.col))
      ?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selection, sheetIndex]);
}

const ARROW_MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

function Grid({
  sheet,
  sheetIndex,
  selection,
  workbook,
}: {
  sheet: SheetSnapshot;
  sheetIndex: number;
  selection: Selection | null;
  workbook: PreviewWorkbook;
}): ReactElement {
  const { t } = useApp();
  const styles = useStyles();
  const gridRef = useRef<HTMLTableElement>(null);
  const rows = Math.max(sheet.rowCount, 1);
  const cols = Math.max(sheet.columnCount, 1);
  const byKey = useMemo(() => new Map(sheet.cells.map((c) => [`${c.row},${c.col}`, c])), [sheet]);
  const headerRows = useMemo(
    () => new Set(sheet.tables.map((tb) => rangeCorners(tb.address)?.top ?? -1)),
    [sheet]
  );
  const { editing, setEditing, startEdit, commit, cancel } = useCellEditing(
    sheet,
    byKey,
    workbook,
    gridRef
  );

  useScrollToActiveCell(selection, sheetIndex);

  const select = (row: number, col: number, extend = false) => {
    const r = Math.max(0, Math.min(rows - 1, row));
    const c = Math.max(0, Math.min(cols - 1, col));
    if (extend && selection) {
      workbook.select(
        sheet.name,
        `${cellAddress(selection.row, selection.col)}:${cellAddress(r, c)}`
      );
      return;
    }
    workbook.select(sheet.name, cellAddress(r, c));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (editing) return;
    const move = ARROW_MOVES[event.key];
    if (!selection) {
      // Nothing selected yet (a fresh load): the first key selects A1, as Excel starts there.
      if (move || event.key === "Enter" || event.key === "F2") {
        event.preventDefault();
        select(0, 0);
      }
      return;
    }
    if (move) {
      event.preventDefault();
      select(selection.row + move[0], selection.col + move[1], event.shiftKey);
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      startEdit(selection.row, selection.col);
    }
  };
  const onCellMouseDown = (event: MouseEvent, row: number, col: number) => {
    if (editing && editing.row === row && editing.col === col) return;
    if (editing) commit();
    select(row, col, event.shiftKey);
  };

  const widths = columnPixels(sheet, cols);
  const active = selection ? cellId(sheetIndex, selection.row, selection.col) : undefined;

  return (
    <table
      ref={gridRef}
      className={styles.grid}
      style={{ width: `${40 + widths.reduce((sum, w) => sum + w, 0)}px` }}
      role="grid"
      aria-label={t("preview.grid.label", { sheet: sheet.name })}
      aria-rowcount={rows + 1}
      aria-colcount={cols + 1}
      aria-activedescendant={active}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <colgroup>
        <col style={{ width: "40px" }} />
        {widths.map((w, c) => (
          <col key={c} style={{ width: `${w}px` }} />
        ))}
      </colgroup>
      <ColumnHeaders widths={widths} />
      <tbody>
        {Array.from({ length: rows }, (_, row) => (
          <tr key={row} role="row">
            <th className={styles.rowHead} role="rowheader" scope="row">
              {row + 1}
            </th>
            {widths.map((__, col) => (
              <GridCell
                key={col}
                id={cellId(sheetIndex, row, col)}
                row={row}
                col={col}
                cell={byKey.get(`${row},${col}`)}
                selection={selection}
                isHeaderRow={headerRows.has(row)}
                editing={editing}
                onEditingChange={setEditing}
                onCommit={commit}
                onCancel={cancel}
                onMouseDown={(event) => onCellMouseDown(event, row, col)}
                onDoubleClick={() => startEdit(row, col)}
              />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function SheetViewer(): ReactElement {
  const { t, workbook } = useApp();
  const styles = useStyles();
  const preview = workbook instanceof PreviewWorkbook ? workbook : null;
  const subscribe = useCallback(
    (listener: () => void) => preview?.subscribe(listener) ?? (() => undefined),
    [preview]
  );
  const getSnapshot = useCallback(() => preview?.snapshot() ?? null, [preview]);
  const snapshot = useSyncExternalStore(subscribe, getSnapshot);
  const [shown, setShown] = useState<string | null>(null);
  const active = snapshot?.activeSheet ?? null;
  // Follow the workbook when Kaona activates a sheet (go to a cell, a report written).
  useEffect(() => setShown(active), [active, snapshot?.selection]);

  if (!preview || !snapshot)
    return <Text className={styles.empty}>{t("preview.unavailable")}</Text>;
  const sheetIndex = Math.max(
    0,
    snapshot.sheets.findIndex((s) => s.name === (shown ?? active))
  );
  const sheet = snapshot.sheets[sheetIndex];
  const layout = sheet ? preview.generatedLayout(sheet.name) : undefined;
  const range =
    sheet && snapshot.selection?.sheet === sheet.name
      ? rangeCorners(snapshot.selection.address)
      : null;
  const selection: Selection | null = range ? { ...range, row: range.top, col: range.left } : null;

  const onGeneratedClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as HTMLElement).closest("a[data-link-sheet]");
    if (!link) return;
    event.preventDefault();
    const target = link.getAttribute("data-link-sheet");
    const cell = link.getAttribute("data-link-cell");
    if (target && cell) void preview.selectCell(target, cell);
  };

  return (
    <section className={styles.root} aria-labelledby="preview-workbook-title">
      <div className={styles.bar}>
        <Text as="h2" id="preview-workbook-title" weight="semibold">
          {t("preview.workbook")}
        </Text>
        <Text size={200} className={styles.hint}>
          {range && snapshot.selection
            ? t("preview.selection", {
                cell: `${snapshot.selection.sheet}!${snapshot.selection.address}`,
              })
            : ""}
          {layout ? t("preview.generatedHint") : t("preview.editHint")}
        </Text>
      </div>
      <div className={styles.tabs}>
        <TabList
          size="small"
          aria-label={t("preview.sheets")}
          selectedValue={sheet?.name ?? ""}
          onTabSelect={(_, data) => {
            const name = String(data.value);
            setShown(name);
            // Like clicking a sheet tab in Excel: that sheet becomes the active one.
            const target = snapshot.sheets.find((s) => s.name === name);
            if (target && snapshot.selection?.sheet !== name) preview.select(name, "A1");
          }}
        >
          {snapshot.sheets.map((s) => (
            <Tab key={s.id} value={s.name}>
              {s.name}
            </Tab>
          ))}
        </TabList>
      </div>
      <div className={styles.scroller} data-testid="sheet-viewer" data-sheet={sheet?.name ?? ""}>
        {!sheet || (sheet.cells.length === 0 && !layout) ? (
          <Text className={styles.empty}>{t("preview.emptySheet")}</Text>
        ) : layout ? (
          <div
            className={styles.generated}
            // A generated sheet scrolls: keyboard users need to reach it to scroll it.
            role="region"
            tabIndex={0}
            aria-label={t("preview.generated.label", { sheet: sheet.name })}
            onClick={onGeneratedClick}
            dangerouslySetInnerHTML={{ __html: layoutToHtml(layout) }}
          />
        ) : (
          <Grid sheet={sheet} sheetIndex={sheetIndex} selection={selection} workbook={preview} />
        )}
      </div>
    </section>
  );
}
