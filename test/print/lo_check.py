#!/usr/bin/python3
"""Print checks of .xlsx files in LibreOffice (headless, through its UNO API).

  lo_check.py clip FILE...     for every row of every sheet, the stored height against the
                               row's optimal height (OptimalHeight = True on the loaded copy,
                               never saved), and "###" (numbers or dates wider than their
                               column) in the printed PDF. JSON on stdout.
  lo_check.py recalc FILE...   every cell's value after a full recalculation (calculateAll),
                               next to the value cached in the file. JSON on stdout.
  lo_check.py pdf OUTDIR FILE...   exports each file to OUTDIR/<name>.pdf.
  lo_check.py charts FILE...   every chart of every sheet as LibreOffice loaded it: its
                               title, its shape's place on the sheet (the cells under its
                               corners), and each series' source ranges and values. JSON.

Runs its own soffice with a private profile; set FONTCONFIG_FILE (test/print/fonts.conf)
for the fonts Kaona's sheets name. Run with Debian's /usr/bin/python3 (python3-uno).
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

# soffice.bin itself rather than the soffice script and its launcher, so the process
# started is the one that ends (no orphan when a start fails).
SOFFICE = next(
    (p for p in ("/usr/lib/libreoffice/program/soffice.bin",) if os.path.exists(p)), "soffice"
)

# A row is clipped when its optimal height exceeds the stored one by more than this
# (1/100 mm; 20 = 0.2 mm ≈ 0.57 pt, under a tenth of a line of the smallest text).
TOLERANCE = 20
HUNDREDTH_MM_TO_PT = 72 / 2540


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


class Office:
    """A private headless soffice reached over a named pipe."""

    def __init__(self):
        # A busy machine can make a first start fail; try again with a fresh profile.
        for attempt in range(3):
            try:
                self._start()
                return
            except RuntimeError as error:
                self._stop_process()
                if attempt == 2:
                    raise error

    def _start(self):
        self.profile = tempfile.mkdtemp(prefix="kaona-lo-")
        self.pipe = "kaona_%d_%d" % (os.getpid(), int(time.time() * 1000) % 100000)
        self.log = open(os.path.join(self.profile, "soffice.log"), "w+")
        self._launch()
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe
        deadline = time.time() + 120
        while True:
            try:
                self.ctx = resolver.resolve(url)
                break
            except NoConnectException:
                if self.proc.poll() == 81:
                    # A new profile's first start ends asking for a restart (what the soffice
                    # launcher does for it).
                    self._launch()
                elif time.time() > deadline or self.proc.poll() is not None:
                    self.log.seek(0)
                    raise RuntimeError(
                        "soffice did not start (exit %s): %s" % (self.proc.poll(), self.log.read()[-500:])
                    )
                time.sleep(0.25)
        self.desktop = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", self.ctx
        )

    def _launch(self):
        self.proc = subprocess.Popen(
            [
                SOFFICE,
                "-env:UserInstallation=file://" + self.profile,
                "--headless",
                "--invisible",
                "--nologo",
                "--norestore",
                "--nodefault",
                "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe,
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def _stop_process(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        subprocess.run(["rm", "-rf", self.profile])

    def open(self, path):
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        return self.desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))

    def close(self):
        try:
            self.desktop.terminate()
        except Exception:
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
        self._stop_process()


def used_area(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    address = cursor.getRangeAddress()
    return address.EndRow, address.EndColumn


def export_pdf(doc, path):
    doc.storeToURL(
        uno.systemPathToFileUrl(os.path.abspath(path)), (prop("FilterName", "calc_pdf_Export"),)
    )


def clip_check(office, path):
    doc = office.open(path)
    try:
        result = {"file": path, "sheets": []}
        for sheet in doc.Sheets:
            last_row, _ = used_area(sheet)
            rows = sheet.getRows()
            stored = []
            for r in range(last_row + 1):
                row = rows.getByIndex(r)
                stored.append((row.Height, row.IsVisible))
            # The loaded copy only: every row to its optimal height at once.
            sheet.getRows().OptimalHeight = True
            clipped = []
            for r in range(last_row + 1):
                height, visible = stored[r]
                if not visible:
                    continue
                optimal = rows.getByIndex(r).Height
                if optimal - height > TOLERANCE:
                    text = ""
                    for c in range(8):
                        s = sheet.getCellByPosition(c, r).getString()
                        if s:
                            text = s[:60]
                            break
                    clipped.append(
                        {
                            "row": r + 1,
                            "storedPt": round(height * HUNDREDTH_MM_TO_PT, 2),
                            "optimalPt": round(optimal * HUNDREDTH_MM_TO_PT, 2),
                            "text": text,
                        }
                    )
            # Every visible row's stored and optimal height in points, to see the slack.
            heights = [
                [round(stored[r][0] * HUNDREDTH_MM_TO_PT, 2), round(rows.getByIndex(r).Height * HUNDREDTH_MM_TO_PT, 2)]
                for r in range(last_row + 1)
                if stored[r][1]
            ]
            result["sheets"].append(
                {"name": sheet.Name, "rows": last_row + 1, "clipped": clipped, "heights": heights}
            )
        with tempfile.TemporaryDirectory() as tmp:
            pdf = os.path.join(tmp, "out.pdf")
            export_pdf(doc, pdf)
            text = subprocess.run(
                ["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True
            ).stdout
        result["hashes"] = [
            {"page": i + 1, "line": line.strip()[:80]}
            for i, page in enumerate(text.split("\f"))
            for line in page.splitlines()
            if "###" in line
        ]
        result["pages"] = max(1, text.count("\f"))
        return result
    finally:
        doc.close(True)


def cell_value(cell):
    from com.sun.star.table.CellContentType import EMPTY, VALUE, TEXT, FORMULA

    kind = cell.Type
    if kind == EMPTY:
        return None
    if kind == VALUE:
        return cell.Value
    if kind == TEXT:
        return cell.String
    # A formula: its result (number or text), or its error.
    if cell.getError() != 0:
        return {"error": cell.getError()}
    from com.sun.star.sheet.FormulaResult import VALUE as NUMBER

    return cell.Value if cell.FormulaResultType2 == NUMBER else cell.String


def recalc(office, path):
    doc = office.open(path)
    try:
        cached = {}
        for sheet in doc.Sheets:
            last_row, last_col = used_area(sheet)
            cached[sheet.Name] = [
                [cell_value(sheet.getCellByPosition(c, r)) for c in range(last_col + 1)]
                for r in range(last_row + 1)
            ]
        doc.calculateAll()
        sheets = []
        for sheet in doc.Sheets:
            last_row, last_col = used_area(sheet)
            cells = []
            for r in range(last_row + 1):
                for c in range(last_col + 1):
                    cell = sheet.getCellByPosition(c, r)
                    if cell.Type != uno.Enum("com.sun.star.table.CellContentType", "FORMULA"):
                        continue
                    cells.append(
                        {
                            "row": r,
                            "col": c,
                            "formula": cell.Formula,
                            "cached": cached[sheet.Name][r][c],
                            "value": cell_value(cell),
                        }
                    )
            sheets.append({"name": sheet.Name, "formulas": cells})
        return {"file": path, "sheets": sheets}
    finally:
        doc.close(True)


def cell_at(sheet, x, y):
    """The cell whose area holds the point (x, y) of the sheet (1/100 mm), as (row, col)."""
    row = col = 0
    rows, cols = sheet.getRows(), sheet.getColumns()
    top = 0
    while row < 1048575 and top + rows.getByIndex(row).Height <= y:
        top += rows.getByIndex(row).Height
        row += 1
    left = 0
    while col < 16383 and left + cols.getByIndex(col).Width <= x:
        left += cols.getByIndex(col).Width
        col += 1
    return {"row": row, "col": col, "dx": x - left, "dy": y - top}


def plain(value):
    """A data point as JSON has it: a gap (NaN, empty) is null."""
    if isinstance(value, float) and value != value:
        return None
    return value if isinstance(value, (int, float, str)) else None


def categories_of(chart_doc):
    for system in chart_doc.getFirstDiagram().getCoordinateSystems():
        sequence = system.getAxisByDimension(0, 0).getScaleData().Categories
        if sequence is not None:
            values = sequence.getValues()
            return {
                "range": values.getSourceRangeRepresentation(),
                "values": [plain(v) for v in values.getData()],
            }
    return None


def series_of(chart_doc):
    result = []
    diagram = chart_doc.getFirstDiagram()
    for system in diagram.getCoordinateSystems():
        for chart_type in system.getChartTypes():
            for series in chart_type.getDataSeries():
                sequences = {}
                for labeled in series.getDataSequences():
                    values = labeled.getValues()
                    role = values.getPropertyValue("Role")
                    data = values.getData()
                    sequences[role] = {
                        "range": values.getSourceRangeRepresentation(),
                        "values": [plain(v) for v in data],
                    }
                result.append({"type": chart_type.getChartType(), "sequences": sequences})
    return result


def charts(office, path):
    doc = office.open(path)
    try:
        sheets = []
        for sheet in doc.Sheets:
            found = []
            names = sheet.getCharts().getElementNames()
            page = sheet.getDrawPage()
            shapes = [page.getByIndex(i) for i in range(page.getCount())]
            for name in names:
                chart = sheet.getCharts().getByName(name)
                chart_doc = chart.getEmbeddedObject()
                title_text = ""
                if chart_doc.HasMainTitle:
                    title_text = chart_doc.getTitle().String
                shape = next(
                    (s for s in shapes if s.supportsService("com.sun.star.drawing.OLE2Shape")
                     and s.PersistName == name),
                    None,
                )
                place = None
                if shape is not None:
                    pos, size = shape.Position, shape.Size
                    place = {
                        "from": cell_at(sheet, pos.X, pos.Y),
                        # The last cell the shape covers: its bottom-right corner less half a
                        # millimetre (LibreOffice rounds an anchor's place to 1/100 mm).
                        "to": cell_at(sheet, pos.X + size.Width - 50, pos.Y + size.Height - 50),
                        "widthMm": size.Width / 100,
                        "heightMm": size.Height / 100,
                    }
                found.append(
                    {
                        "name": name,
                        "title": title_text,
                        "place": place,
                        "categories": categories_of(chart_doc),
                        "series": series_of(chart_doc),
                    }
                )
            sheets.append({"name": sheet.Name, "charts": found})
        return {"file": path, "sheets": sheets}
    finally:
        doc.close(True)


def resolved_fonts():
    """What fontconfig draws each font Kaona's sheets name with (file and family)."""
    fonts = {}
    for family in ("TH Sarabun New", "TH SarabunPSK", "Laksaman", "Calibri"):
        out = subprocess.run(["fc-match", family], capture_output=True, text=True).stdout
        fonts[family] = out.strip()
    return fonts


def main(argv):
    if len(argv) < 2 or argv[0] not in ("clip", "recalc", "pdf", "charts"):
        print(__doc__, file=sys.stderr)
        return 2
    command, files = argv[0], argv[1:]
    outdir = None
    if command == "pdf":
        outdir, files = files[0], files[1:]
    office = Office()
    try:
        results = []
        for path in files:
            if command == "clip":
                results.append(clip_check(office, path))
            elif command == "recalc":
                results.append(recalc(office, path))
            elif command == "charts":
                results.append(charts(office, path))
            else:
                doc = office.open(path)
                try:
                    name = os.path.splitext(os.path.basename(path))[0] + ".pdf"
                    export_pdf(doc, os.path.join(outdir, name))
                finally:
                    doc.close(True)
                results.append({"file": path, "pdf": os.path.join(outdir, name)})
        if command == "clip":
            results = {"fonts": resolved_fonts(), "files": results}
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    finally:
        office.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
