import { useTranslation } from 'react-i18next';
import type { CheckCatalogueEntry, CheckSetting } from '../../../shared/api/advisor';
import { currentLang } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { settingText } from './settingDrafts';

interface SettingRowProps {
  check: CheckCatalogueEntry;
  setting: CheckSetting;
  /** The first setting of its check also shows the check (one header cell spanning its settings). */
  first: boolean;
  inputId: string;
  draft: string | undefined;
  problems: string[];
  onDraft: (text: string) => void;
  onReset: () => void;
  resetting: boolean;
}

/** What a setting is, its default and bounds or list rule. */
function SettingHelp({ setting, helpId }: { setting: CheckSetting; helpId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (setting.kind === 'stringList') {
    return (
      <div id={helpId} className="small text-body-secondary">
        {t('advisor.settings.listHelp', { maxItems: setting.maxItems, maxLength: setting.itemMaxLength })}
        <details className="mt-1">
          <summary>{t('advisor.settings.listDefault', { count: setting.default.length })}</summary>
          <ul className="mb-0 font-monospace">
            {setting.default.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </details>
      </div>
    );
  }
  return (
    <div id={helpId} className="small text-body-secondary">
      {t('advisor.settings.default', { value: fmt.number(setting.default) })}
      {setting.unit && ` ${t(`advisor.settings.units.${setting.unit}`, { defaultValue: setting.unit })}`}
      {setting.min !== undefined &&
        setting.max !== undefined &&
        ` · ${t('advisor.settings.range', { min: fmt.number(setting.min), max: fmt.number(setting.max) })}`}
    </div>
  );
}

/** One setting: its description, help and default, the field (a number or one item per line), errors beside it. */
export function SettingRow(props: SettingRowProps) {
  const { check, setting, inputId, problems } = props;
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const helpId = `${inputId}-help`;
  const errorId = `${inputId}-error`;
  const invalid = problems.length > 0;
  const describedBy = invalid ? `${helpId} ${errorId}` : helpId;
  const text = props.draft ?? settingText(setting.value);
  const field =
    setting.kind === 'stringList' ? (
      <textarea
        id={inputId}
        className={`form-control form-control-sm font-monospace ${invalid ? 'is-invalid' : ''}`}
        rows={Math.min(Math.max(text.split('\n').length, 3), 12)}
        spellCheck={false}
        value={text}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => props.onDraft(e.target.value)}
      />
    ) : (
      <input
        id={inputId}
        type="text"
        inputMode="decimal"
        className={`form-control form-control-sm ${invalid ? 'is-invalid' : ''}`}
        style={{ maxWidth: '10rem' }}
        value={text}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => props.onDraft(e.target.value)}
      />
    );
  return (
    <tr data-testid={`setting-${check.id}.${setting.name}`}>
      {props.first && (
        <th scope="row" rowSpan={check.settings.length} className="fw-semibold">
          {check.title[lang]}
          <div className="small text-body-secondary fw-normal">
            <code>{check.id}</code>
          </div>
        </th>
      )}
      <td>
        <label id={`${inputId}-label`} htmlFor={inputId}>
          {setting.description[lang]}
        </label>
        <SettingHelp setting={setting} helpId={helpId} />
        {setting.overridden && (
          <span className="badge text-bg-light border mt-1">{t('advisor.settings.overridden')}</span>
        )}
      </td>
      <td>
        {field}
        {invalid && (
          <div id={errorId} className="invalid-feedback">
            {problems.map((p) => (
              <div key={p}>{p}</div>
            ))}
          </div>
        )}
        {(setting.overridden || props.draft !== undefined) && (
          <button
            type="button"
            className="btn btn-link btn-sm px-0"
            aria-describedby={`${inputId}-label`}
            disabled={props.resetting}
            onClick={() => {
              props.onReset();
              // The button goes once the default is back: keep focus on the field it belongs to.
              document.getElementById(inputId)?.focus();
            }}
          >
            {t('advisor.settings.resetToDefault')}
          </button>
        )}
      </td>
    </tr>
  );
}
