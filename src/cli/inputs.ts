/**
 * The workbooks a command is given: files as named, folders as every .xlsx inside them
 * (subfolders too, Excel's "~$" lock files left out), in a stable order.
 */
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

/** Expands files and folders into workbook paths; a path that does not exist is kept, so
 * that reading it reports it. `exclude` (e.g. the output file) is never listed. */
export async function expandInputs(
  args: readonly string[],
  exclude: readonly string[] = []
): Promise<string[]> {
  const excluded = new Set(exclude.map((path) => resolve(path)));
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (/\.xlsx$/i.test(entry.name) && !entry.name.startsWith("~$")) found.push(path);
    }
  };
  for (const arg of args) {
    let isFolder = false;
    try {
      isFolder = (await stat(arg)).isDirectory();
    } catch {
      isFolder = false;
    }
    if (isFolder) await walk(arg);
    else found.push(arg);
  }
  return found.filter((path) => !excluded.has(resolve(path)));
}
