#!/usr/bin/python3
"""Makes stand-ins for TH Sarabun New and TH SarabunPSK from Laksaman (fonts-thai-tlwg).

Laksaman is TH Sarabun New's design drawn 1/0.66 times larger in its em; fontconfig's
fonts-thai-tlwg rules stand it in for TH Sarabun with a 0.66 matrix, which LibreOffice
ignores (it would draw TH Sarabun New text half as wide again as Excel does). The stand-in
is Laksaman with its em enlarged by 1/0.66 (unitsPerEm 1000 → 1515): the same outlines,
advances and vertical metrics at TH Sarabun's size, named TH Sarabun New / TH SarabunPSK.

  make_fonts.py OUTDIR     writes the fonts (needs python3-fonttools) unless present.
"""
import os
import sys

from fontTools.ttLib import TTFont

SOURCE = "/usr/share/fonts/truetype/tlwg"
STYLES = {
    "Laksaman.ttf": ("Regular", False, False),
    "Laksaman-Bold.ttf": ("Bold", True, False),
    "Laksaman-Italic.ttf": ("Italic", False, True),
    "Laksaman-BoldItalic.ttf": ("Bold Italic", True, True),
}
FAMILIES = {"TH Sarabun New": "THSarabunNew", "TH SarabunPSK": "THSarabunPSK"}
SCALE = 0.66


def make(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for family, postscript in FAMILIES.items():
        for source, (style, bold, italic) in STYLES.items():
            target = os.path.join(out_dir, "%s-%s.ttf" % (postscript, style.replace(" ", "")))
            if os.path.exists(target):
                continue
            font = TTFont(os.path.join(SOURCE, source))
            font["head"].unitsPerEm = round(font["head"].unitsPerEm / SCALE)
            name = font["name"]
            full = family if style == "Regular" else "%s %s" % (family, style)
            ps = "%s-%s" % (postscript, style.replace(" ", ""))
            for record in list(name.names):
                if record.nameID in (16, 17, 21, 22):
                    name.removeNames(nameID=record.nameID)
            for name_id, text in ((1, family), (2, style), (3, ps), (4, full), (6, ps)):
                name.setName(text, name_id, 3, 1, 0x409)
                name.setName(text, name_id, 1, 0, 0)
            font.save(target)
    return out_dir


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    print(make(sys.argv[1]))
