import { Button, makeStyles, type ButtonProps } from "@fluentui/react-components";
import { useRef, type ChangeEvent, type ReactElement, type Ref } from "react";

const useStyles = makeStyles({
  hidden: { display: "none" },
});

/** A button that opens the browser's file chooser (a hidden file input, named as the button). */
export function FileChooserButton({
  label,
  accept,
  multiple,
  onChoose,
  buttonRef,
  ...button
}: {
  label: string;
  /** The input's `accept`: extensions and media types. */
  accept: string;
  multiple?: boolean;
  onChoose(event: ChangeEvent<HTMLInputElement>): Promise<void>;
  buttonRef?: Ref<HTMLButtonElement>;
} & Pick<ButtonProps, "appearance" | "icon" | "disabled">): ReactElement {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button ref={buttonRef} {...button} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        multiple={multiple}
        accept={accept}
        aria-label={label}
        tabIndex={-1}
        onChange={(event) => void onChoose(event)}
      />
    </>
  );
}
