import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { useApp } from "../appContext";

const useStyles = makeStyles({
  bar: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`, flexShrink: 0 },
  detail: {
    display: "block",
    marginTop: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
    wordBreak: "break-word",
  },
});

/** The last action's failure, in the person's language, with the way on. */
export function ErrorBar(): ReactElement | null {
  const { state, session, t, navigate } = useApp();
  const styles = useStyles();
  const error = state.error;
  if (!error) return null;
  const params = {
    ...error.params,
    sheet: error.params.sheet ? `"${error.params.sheet}"` : "",
    table: error.params.table ? `"${error.params.table}"` : "",
  };
  return (
    <MessageBar className={styles.bar} intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t(error.title)}</MessageBarTitle>
        {t(error.body, params)}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label={t("error.dismiss")}
            icon={<DismissRegular />}
            onClick={() => session.dismissError()}
          />
        }
      >
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
      </MessageBarActions>
    </MessageBar>
  );
}
