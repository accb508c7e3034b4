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

export interface DialogChoice {
  label: string;
  onClick(): void;
  primary?: boolean;
  disabled?: boolean;
}

/** A dialog offering a few choices; Escape or a click outside calls `onDismiss`. */
export function ChoiceDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  choices: readonly DialogChoice[];
  onDismiss(): void;
}): ReactElement {
  return (
    <Dialog open={props.open} onOpenChange={(_, data) => !data.open && props.onDismiss()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>{props.children}</DialogContent>
          <DialogActions fluid>
            {props.choices.map((choice) => (
              <Button
                key={choice.label}
                appearance={choice.primary ? "primary" : "secondary"}
                onClick={choice.onClick}
                disabled={choice.disabled}
              >
                {choice.label}
              </Button>
            ))}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

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
    <ChoiceDialog
      open={props.open}
      title={props.title}
      onDismiss={props.onCancel}
      choices={[
        {
          label: props.confirmLabel,
          onClick: props.onConfirm,
          primary: true,
          disabled: props.confirmDisabled,
        },
        { label: props.cancelLabel, onClick: props.onCancel },
      ]}
    >
      {props.children}
    </ChoiceDialog>
  );
}
