import { SERVICE_IDS, type ServiceId } from '../../core/services';

/** The "which services" checkbox group of the collection and advisor start forms. */
export function ServiceCheckboxes({
  legend,
  idPrefix,
  selected,
  onToggle,
  label,
  className,
}: {
  legend: string;
  /** Checkbox ids are `${idPrefix}-${service}`. */
  idPrefix: string;
  selected: readonly ServiceId[];
  onToggle: (service: ServiceId, checked: boolean) => void;
  label: (service: ServiceId) => string;
  className?: string;
}) {
  return (
    <fieldset className={className}>
      <legend className="form-label fw-semibold fs-6">{legend}</legend>
      <div className="d-flex flex-wrap gap-3">
        {SERVICE_IDS.map((service) => (
          <div className="form-check" key={service}>
            <input
              className="form-check-input"
              type="checkbox"
              id={`${idPrefix}-${service}`}
              checked={selected.includes(service)}
              onChange={(event) => onToggle(service, event.target.checked)}
            />
            <label className="form-check-label" htmlFor={`${idPrefix}-${service}`}>
              {label(service)}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
