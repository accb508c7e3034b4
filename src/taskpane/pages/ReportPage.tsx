import type { ReactElement } from "react";
import { useApp } from "../appContext";
import { PageHeader } from "../components/PageHeader";

export default function ReportPage(): ReactElement {
  const { t } = useApp();
  return <PageHeader page="report" title={t("page.report.title")} intro={t("page.report.intro")} />;
}
