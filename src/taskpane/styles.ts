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
