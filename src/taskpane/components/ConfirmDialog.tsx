import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { ReactElement, ReactNode } from "react";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
  /** Disables the confirm button (e.g. until a choice is made). */
  confirmDisabled?: boolean;
}

/** Asks before an action that changes the person's workbook; Escape or Cancel backs out. */
export function ConfirmDialog(props: ConfirmDialogProps): ReactElement {
  return (
    <Dialog open={props.open} onOpenChange={(_, data) => !data.open && props.onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>{props.children}</DialogContent>
          <DialogActions fluid>
            <Button appearance="primary" onClick={props.onConfirm} disabled={props.confirmDisabled}>
              {props.confirmLabel}
            </Button>
            <Button appearance="secondary" onClick={props.onCancel}>
              {props.cancelLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
