import type { ReactElement } from "react";
import { useApp } from "../appContext";
import { PageHeader } from "../components/PageHeader";

export default function TablesPage(): ReactElement {
  const { t } = useApp();
  return <PageHeader page="tables" title={t("page.tables.title")} intro={t("page.tables.intro")} />;
}
