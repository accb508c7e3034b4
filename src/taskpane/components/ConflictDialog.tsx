import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from "@fluentui/react-components";
import type { ReactElement } from "react";
import type { PendingWrite } from "../../app/session";
import { useApp } from "../appContext";

/**
 * Asks what to do with a sheet Kaona did not write: one the person edited since Kaona made
 * it (replace it, or write beside it), or one Kaona never made (only a new name, never
 * replaced). Handles the first of `pending`; `onDone` gets the rest.
 */
export function ConflictDialog({
  pending,
  onDone,
  onWritten,
}: {
  pending: PendingWrite[];
  onDone(rest: PendingWrite[]): void;
  onWritten?(sheet: string): void;
}): ReactElement {
  const { t, session } = useApp();
  const first = pending[0];
  const resolve = async (how: "replace" | "rename" | "skip") => {
    const rest = pending.slice(1);
    if (how !== "skip" && first) {
      const result = await session.resolveConflict(first, how);
      if (result) onWritten?.(result.sheet);
    }
    onDone(rest);
  };
  return (
    <Dialog
      open={first !== undefined}
      onOpenChange={(_, data) => !data.open && void resolve("skip")}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("conflict.title", { sheet: first?.sheet ?? "" })}</DialogTitle>
          <DialogContent>
            <Text as="p">
              {first?.conflict === "edited" ? t("conflict.edited") : t("conflict.notGenerated")}
            </Text>
          </DialogContent>
          <DialogActions fluid>
            {first?.conflict === "edited" && (
              <Button appearance="primary" onClick={() => void resolve("replace")}>
                {t("conflict.replace")}
              </Button>
            )}
            <Button
              appearance={first?.conflict === "edited" ? "secondary" : "primary"}
              onClick={() => void resolve("rename")}
            >
              {t("conflict.rename")}
            </Button>
            <Button appearance="secondary" onClick={() => void resolve("skip")}>
              {t("conflict.skip")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
