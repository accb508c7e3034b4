import type { ReactElement } from "react";
import { useApp } from "../appContext";
import { PageHeader } from "../components/PageHeader";

export default function FunctionsPage(): ReactElement {
  const { t } = useApp();
  return (
    <PageHeader
      page="functions"
      title={t("page.functions.title")}
      intro={t("page.functions.intro")}
    />
  );
}
