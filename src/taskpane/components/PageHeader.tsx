import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactElement, ReactNode } from "react";
import type { PageId } from "../appContext";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  intro: { color: tokens.colorNeutralForeground3 },
});

/** The title every page starts with; its id labels the page's <main>. */
export function PageHeader({
  page,
  title,
  intro,
}: {
  page: PageId;
  title: string;
  intro?: ReactNode;
}): ReactElement {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Text as="h1" id={`page-title-${page}`} size={500} weight="semibold">
        {title}
      </Text>
      {intro && (
        <Text as="p" size={200} className={styles.intro}>
          {intro}
        </Text>
      )}
    </div>
  );
}
