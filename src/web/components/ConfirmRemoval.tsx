import { ConfirmDialog } from './ConfirmDialog';

/**
 * Asks before removing `item`. On success `onRemoved` tells the page; a failure stays in the
 * mutation's own error state (shown by the caller); the dialog closes either way. Uses the promise,
 * not per-call callbacks, because the list (and this dialog's owner) may unmount when the last
 * item goes.
 */
export function ConfirmRemoval<T>({
  item,
  title,
  body,
  confirmLabel,
  busy,
  remove,
  onRemoved,
  onClose,
}: {
  item: T;
  title: string;
  body: string;
  confirmLabel: string;
  busy: boolean;
  remove: (item: T) => Promise<unknown>;
  onRemoved: (item: T) => void;
  onClose: () => void;
}) {
  return (
    <ConfirmDialog
      title={title}
      body={body}
      confirmLabel={confirmLabel}
      busy={busy}
      onCancel={onClose}
      onConfirm={() =>
        remove(item)
          .then(() => onRemoved(item))
          .catch(() => undefined)
          .finally(onClose)
      }
    />
  );
}
