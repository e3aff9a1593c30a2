import { useTranslation } from 'react-i18next';
import { fillRemediation, type Remediation } from '../../../core/remediation';
import type { FindingDto } from '../../../shared/api/advisor';
import { currentLang } from '../../i18n';
import { CopyButton } from '../CopyButton';

/** A command or snippet with its copy button. */
function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <div className="remediation-code mb-2">
      <div className="d-flex justify-content-end mb-1">
        <CopyButton text={code} label={label} />
      </div>
      <pre className="mb-0">
        <code>{code}</code>
      </pre>
    </div>
  );
}

/**
 * A finding's remediation: why it matters, numbered steps, then the commands and the IaC snippet
 * with this finding's id, region and name filled in, each with a copy button.
 */
export function RemediationSteps({
  remediation,
  finding,
}: {
  remediation: Remediation;
  finding: FindingDto;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const filled = fillRemediation(remediation, lang, finding);
  const commands = filled.commands.join('\n');
  return (
    <div className="remediation" data-testid="remediation">
      <p className="mb-2">
        <strong>{t('advisor.finding.why')}:</strong> {filled.why}
      </p>
      <ol className="mb-2 ps-3">
        {filled.steps.map((step) => (
          <li key={step} className="remediation-step">
            {step}
          </li>
        ))}
      </ol>
      {commands && (
        <>
          <strong>{t('advisor.finding.commands')}</strong>
          <CodeBlock code={commands} label={t('advisor.finding.copyCommands')} />
        </>
      )}
      {filled.iac && (
        <>
          <strong>{filled.iac.kind === 'terraform' ? 'Terraform' : 'CloudFormation'}</strong>
          <CodeBlock code={filled.iac.code} label={t('advisor.finding.copySnippet')} />
        </>
      )}
    </div>
  );
}
