import { Text } from "@fluentui/react-components";
import type { ReactElement } from "react";
import type { PendingWrite } from "../../app/session";
import { useApp } from "../appContext";
import { ChoiceDialog, type DialogChoice } from "./ConfirmDialog";

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
  const edited = first?.conflict === "edited";
  const choices: DialogChoice[] = [
    ...(edited
      ? [{ label: t("conflict.replace"), onClick: () => void resolve("replace"), primary: true }]
      : []),
    { label: t("conflict.rename"), onClick: () => void resolve("rename"), primary: !edited },
    { label: t("conflict.skip"), onClick: () => void resolve("skip") },
  ];
  return (
    <ChoiceDialog
      open={first !== undefined}
      title={t("conflict.title", { sheet: first?.sheet ?? "" })}
      onDismiss={() => void resolve("skip")}
      choices={choices}
    >
      <Text as="p">{edited ? t("conflict.edited") : t("conflict.notGenerated")}</Text>
    </ChoiceDialog>
  );
}
