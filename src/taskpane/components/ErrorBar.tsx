import { Button } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { useApp } from "../appContext";
import { PaneBar } from "./PaneBar";

/** The last action's failure, in the person's language, with the way on. */
export function ErrorBar(): ReactElement | null {
  const { state, session, t, navigate } = useApp();
  const error = state.error;
  if (!error) return null;
  const params = {
    ...error.params,
    sheet: error.params.sheet ? `"${error.params.sheet}"` : "",
    table: error.params.table ? `"${error.params.table}"` : "",
  };
  return (
    <PaneBar
      intent="error"
      role="alert"
      title={t(error.title)}
      onDismiss={() => session.dismissError()}
      actions={
        <>
          {error.way === "retry" && (
            <Button size="small" onClick={() => void session.retry()}>
              {t("error.retry")}
            </Button>
          )}
          {error.way === "rebind" && (
            <Button
              size="small"
              onClick={() => {
                session.dismissError();
                navigate("tables");
              }}
            >
              {t("error.rebind")}
            </Button>
          )}
        </>
      }
    >
      {t(error.body, params)}
    </PaneBar>
  );
}
