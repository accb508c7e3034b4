import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarProps,
} from "@fluentui/react-components";
import type { ReactElement, ReactNode } from "react";

/** A multiline message bar with a bold title before its text (multiline: a single line is cut
 * off at a task pane's width). */
export function TitledMessageBar({
  title,
  children,
  ...bar
}: {
  title: ReactNode;
  children: ReactNode;
} & Omit<MessageBarProps, "layout" | "title" | "children">): ReactElement {
  return (
    <MessageBar layout="multiline" {...bar}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}
