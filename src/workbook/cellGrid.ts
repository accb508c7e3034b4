/**
 * A sparse grid of cells keyed by row, then column. Two small-integer levels instead of
 * one `row * 16384 + col` key: past row 65,535 such keys leave V8's small-integer range
 * and a Map of them becomes several times slower.
 */
export class CellGrid<T> {
  private readonly rows = new Map<number, Map<number, T>>();

  get(row: number, col: number): T | undefined {
    return this.rows.get(row)?.get(col);
  }

  set(row: number, col: number, value: T): void {
    let line = this.rows.get(row);
    if (!line) {
      line = new Map();
      this.rows.set(row, line);
    }
    line.set(col, value);
  }

  delete(row: number, col: number): void {
    const line = this.rows.get(row);
    if (!line) return;
    line.delete(col);
    if (line.size === 0) this.rows.delete(row);
  }

  clear(): void {
    this.rows.clear();
  }

  /** Every cell as [row, col, value], in insertion order of rows. */
  *entries(): IterableIterator<[number, number, T]> {
    for (const [row, line] of this.rows) for (const [col, value] of line) yield [row, col, value];
  }
}
