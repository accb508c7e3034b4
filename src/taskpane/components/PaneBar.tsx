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
import type { ReactElement, ReactNode } from "react";
import { useApp } from "../appContext";

const useStyles = makeStyles({
  bar: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`, flexShrink: 0 },
});

/** A bar across the top of the pane, under the navigation: a title, the message, the way on
 * (`actions`) and a dismiss button. The error and co-author bars are this bar. */
export function PaneBar(props: {
  intent: "error" | "warning";
  role: "alert" | "status";
  title: string;
  children: ReactNode;
  onDismiss: () => void;
  actions?: ReactNode;
}): ReactElement {
  const { t } = useApp();
  const styles = useStyles();
  return (
    <MessageBar className={styles.bar} intent={props.intent} layout="multiline" role={props.role}>
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {props.children}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label={t("error.dismiss")}
            icon={<DismissRegular />}
            onClick={props.onDismiss}
          />
        }
      >
        {props.actions}
      </MessageBarActions>
    </MessageBar>
  );
}
