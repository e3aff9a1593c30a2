/** A form's submit button: disabled with a spinner and `pendingLabel` while the request runs. */
export function SubmitButton({
  pending,
  label,
  pendingLabel,
  className = 'btn btn-primary',
  spinner = true,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  className?: string;
  spinner?: boolean;
}) {
  return (
    <button type="submit" className={className} disabled={pending}>
      {spinner && pending && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
      {pending ? pendingLabel : label}
    </button>
  );
}
