/**
 * What the pane shows inside Excel when office.js has not answered after a while: that it
 * is still waiting for Excel (in Thai and English, since Office's display language is not
 * known yet) and how to start again. Never the sample workbook.
 */
import type { ReactElement } from "react";
import type { Lang } from "../../domain/types";
import { translate } from "../../i18n";

const LANGUAGES: readonly Lang[] = ["th", "en"];

export function SlowStart(): ReactElement {
  return (
    <div className="starting" role="status">
      {LANGUAGES.map((lang) => (
        <p key={lang} lang={lang}>
          <strong>{translate(lang, "app.slowStart.title")}</strong>
          <br />
          {translate(lang, "app.slowStart.body")}{" "}
          <button type="button" onClick={() => window.location.reload()}>
            {translate(lang, "app.slowStart.reload")}
          </button>
        </p>
      ))}
    </div>
  );
}
