// A file picker that looks like part of the page: a drop zone with a real button (keyboard
// reachable, named) over the browser's bare "choose file / no file chosen" input, which stays in
// the document (off screen) so tests and assistive tools can still set files on it.
import { useRef, useState } from 'preact/hooks';
import type { ExtensionStrings } from './strings';

/** Props of {@link FileDrop}. */
export interface FileDropProps {
  t: ExtensionStrings;
  /** The zone's heading-like label, e.g. "导入词库文件". */
  label: string;
  /** File name extensions accepted, with their dots (".yaml"). */
  accept: readonly string[];
  /** `data-action` of the hidden input (the e2e tests' handle). */
  action: string;
  onFile: (file: File) => void;
}

/** A labelled drop zone with a "choose a file" button. */
export function FileDrop({ t, label, accept, action, onFile }: FileDropProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [message, setMessage] = useState<string>();
  const id = `drop-${action}`;
  const take = (files: FileList | null | undefined): void => {
    if (!files || files.length === 0) return;
    if (files.length > 1) {
      setMessage(t.dropOneFile);
      return;
    }
    setMessage(undefined);
    onFile(files[0] as File);
  };
  return (
    <div
      class={over ? 'pg-drop pg-over' : 'pg-drop'}
      data-drop={action}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer?.files);
      }}
    >
      <span class="pg-drop-label" id={id}>
        {label}
      </span>
      <span class="pg-drop-action">
        {t.dropHere}{' '}
        <button type="button" aria-describedby={id} onClick={() => input.current?.click()}>
          {t.chooseFile}
        </button>
      </span>
      <span class="pg-ctx">{t.accepts(accept.join(' '))}</span>
      {message && <span class="pg-ctx pg-error">{message}</span>}
      <input
        ref={input}
        type="file"
        class="pg-offscreen"
        tabIndex={-1}
        aria-hidden="true"
        accept={accept.join(',')}
        data-action={action}
        onChange={(e) => {
          take(e.currentTarget.files);
          // The same file chosen again after fixing it must fire again.
          e.currentTarget.value = '';
        }}
      />
    </div>
  );
}
