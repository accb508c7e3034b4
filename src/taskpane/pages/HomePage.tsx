import type { ReactElement } from "react";
import { useApp } from "../appContext";
import { PageHeader } from "../components/PageHeader";

export default function HomePage(): ReactElement {
  const { t } = useApp();
  return <PageHeader page="home" title={t("page.home.title")} intro={t("app.tagline")} />;
}
