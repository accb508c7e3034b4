import { Badge } from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import type { BoundTable } from "../../app/session";
import type { Severity } from "../../domain/types";
import type { Translate } from "../../i18n";

/** How a bound table fares: linked, followed a rename, found again by name, or gone. */
export function BindingBadge({ bound, t }: { bound?: BoundTable; t: Translate }): ReactElement {
  if (!bound) {
    return (
      <Badge appearance="outline" color="informative">
        {t("binding.none")}
      </Badge>
    );
  }
  if (bound.status === "missing") {
    return (
      <Badge appearance="filled" color="danger">
        {t("binding.missing")}
      </Badge>
    );
  }
  if (bound.unmappedRequired.length > 0) {
    return (
      <Badge appearance="filled" color="warning">
        {t("binding.incomplete")}
      </Badge>
    );
  }
  const text =
    bound.status === "ok"
      ? t("binding.ok")
      : bound.status === "renamed"
        ? t("binding.renamed")
        : t("binding.relinked");
  return (
    <Badge appearance="tint" color={bound.status === "ok" ? "success" : "informative"}>
      {text}
    </Badge>
  );
}

const SEVERITY_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

export function SeverityIcon({ severity }: { severity: Severity }): ReactElement {
  if (severity === "error") return <ErrorCircle16Filled aria-hidden />;
  if (severity === "warning") return <Warning16Filled aria-hidden />;
  return <Info16Filled aria-hidden />;
}

/** "3 errors" as a coloured badge with its icon. */
export function CountBadge({
  severity,
  count,
  t,
}: {
  severity: Severity;
  count: number;
  t: Translate;
}): ReactElement {
  return (
    <Badge
      appearance={count > 0 ? "filled" : "outline"}
      color={count > 0 ? SEVERITY_COLOR[severity] : "informative"}
      icon={<SeverityIcon severity={severity} />}
    >
      {t(`severity.${severity}.count`, { count })}
    </Badge>
  );
}
