/** Style pieces several pages share (Griffel objects for `makeStyles`). */
import { tokens, type GriffelStyle } from "@fluentui/react-components";

/** A list without bullets or indent, its items stacked `gap` apart. */
export function stackedList(gap: string): GriffelStyle {
  return {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap,
  };
}

/** A page section set apart from what is above it, its children stacked. */
export const spacedSection: GriffelStyle = {
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalS,
  marginTop: tokens.spacingVerticalL,
};

/** The Import and Combine pages' previews: a row of buttons, and a list of items ruled apart,
 * each a few wrapping lines. */
export const reviewListStyles = {
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalS} 0`,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalS} 0`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    overflowWrap: "anywhere",
  },
  line: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
} satisfies Record<string, GriffelStyle>;
