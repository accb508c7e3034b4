/** The form's foot: the certification sentence and the signature block. */
import { FORM_COLS, type FormContext } from "./layout";

/** Writes the certification and signature; returns the last row of the form. */
export function writeCertification(ctx: FormContext): number {
  const { w, t } = ctx;
  w.row += 1;
  w.put(w.row, 0, { value: t("certification") }, "certification", FORM_COLS);
  w.fit(w.row, t("certification"), 0, FORM_COLS, "certification");
  w.row += 2;
  for (const line of [t("signature"), t("signatureName"), t("position")]) {
    w.put(w.row, 2, { value: line }, "signature", FORM_COLS - 2);
    w.fit(w.row, line, 2, FORM_COLS - 2, "signature");
    w.row += 1;
  }
  return w.row - 1;
}
