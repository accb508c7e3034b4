import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { useApp } from "../appContext";

const useStyles = makeStyles({
  action: { marginTop: tokens.spacingVerticalM },
});

/** Says what a page needs bound first, with the way to the Tables page. */
export function NeedTablesNotice({ message }: { message: string }): ReactElement {
  const { t, navigate } = useApp();
  const styles = useStyles();
  return (
    <>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{message}</MessageBarBody>
      </MessageBar>
      <div className={styles.action}>
        <Button appearance="primary" onClick={() => navigate("tables")}>
          {t("home.next.toTables")}
        </Button>
      </div>
    </>
  );
}
