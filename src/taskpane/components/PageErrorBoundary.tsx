import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { Component, type ReactNode } from "react";
import type { Translate } from "../../i18n";

interface Props {
  t: Translate;
  children: ReactNode;
}

/** A page that fails to render (or to load) shows a message and a retry, not a blank pane. */
export class PageErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    const { t, children } = this.props;
    if (!this.state.failed) return children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("app.error.title")}</MessageBarTitle>
          <Button size="small" onClick={() => this.setState({ failed: false })}>
            {t("app.error.retry")}
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
}
