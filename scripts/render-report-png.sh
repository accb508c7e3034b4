#!/usr/bin/env bash
# Renders the seed projects' report sheets to PDF and PNG pages for a visual check
# against the printed forms in ../shared/seeds: .xlsx → LibreOffice → PDF → pdftoppm, and
# the HTML preview → Chromium → PNG. Output goes to test-output/report (git-ignored).
#
# LibreOffice measures column widths in characters of the workbook's default font
# (Calibri). Without Calibri or its metric twin Carlito it falls back to DejaVu Sans and
# draws every column a third wider than Excel does, so this script puts Carlito (Debian's
# fonts-crosextra-carlito) in a private font folder when the system lacks it.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=test-output/report
mkdir -p "$OUT/pdf" "$OUT/png"
rm -f "$OUT"/pdf/*.pdf "$OUT"/png/*.png

if ! fc-match Calibri | grep -qi carlito; then
  FONTS="$PWD/test-output/fonts"
  if ! ls "$FONTS"/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf >/dev/null 2>&1; then
    mkdir -p "$FONTS"
    (cd "$FONTS" && apt-get download fonts-crosextra-carlito >/dev/null 2>&1 && dpkg-deb -x fonts-crosextra-carlito_*.deb .) ||
      echo "note: Carlito unavailable; LibreOffice will draw columns wider than Excel" >&2
  fi
  cat >"$FONTS/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$FONTS/usr/share/fonts</dir>
  <alias binding="same"><family>Calibri</family><accept><family>Carlito</family></accept></alias>
</fontconfig>
CONF
  export FONTCONFIG_FILE="$FONTS/fonts.conf"
fi

npx tsx scripts/render-report-samples.ts "$OUT"

for xlsx in "$OUT"/*.xlsx; do
  soffice -env:UserInstallation=file:///tmp/lo-profile-kaona --headless --convert-to pdf --outdir "$OUT/pdf" "$xlsx" >/dev/null 2>&1
done
for pdf in "$OUT"/pdf/*.pdf; do
  name=$(basename "$pdf" .pdf)
  pdftoppm -png -r 60 "$pdf" "$OUT/png/$name"
  echo "$name: $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') pages, $(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')"
done
cp "$OUT"/preview*.png "$OUT/png/"
echo "PNG pages in $OUT/png"
