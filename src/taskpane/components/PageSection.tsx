import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactElement, ReactNode } from "react";

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
});

/** A titled section of a page: an h2 (which labels the section) and an optional intro. */
export function PageSection({
  id,
  title,
  intro,
  className,
  children,
}: {
  id: string;
  title: ReactNode;
  intro?: ReactNode;
  className?: string;
  children?: ReactNode;
}): ReactElement {
  const styles = useStyles();
  return (
    <section className={className} aria-labelledby={id}>
      <Text as="h2" id={id} size={400} weight="semibold" block>
        {title}
      </Text>
      {intro !== undefined && (
        <Text as="p" size={200} className={styles.muted}>
          {intro}
        </Text>
      )}
      {children}
    </section>
  );
}
