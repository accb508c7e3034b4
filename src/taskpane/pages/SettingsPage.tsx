import type { ReactElement } from "react";
import { useApp } from "../appContext";
import { PageHeader } from "../components/PageHeader";

export default function SettingsPage(): ReactElement {
  const { t } = useApp();
  return <PageHeader page="settings" title={t("page.settings.title")} />;
}
