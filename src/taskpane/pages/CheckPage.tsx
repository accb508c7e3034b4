import type { ReactElement } from "react";
import { useApp } from "../appContext";
import { PageHeader } from "../components/PageHeader";

export default function CheckPage(): ReactElement {
  const { t } = useApp();
  return <PageHeader page="check" title={t("page.check.title")} intro={t("page.check.intro")} />;
}
