import { useFormat } from '../i18n/format';

/**
 * A dollar amount that never wraps mid-number, with "≈ ₩…" beside it when the user set a display
 * currency (the rate and its date in the title).
 */
export function Amount({ usd, className }: { usd: number; className?: string }) {
  const fmt = useFormat();
  return (
    <span className={className ? `amount ${className}` : 'amount'} title={fmt.rateNote}>
      {fmt.usd(usd)}
    </span>
  );
}
