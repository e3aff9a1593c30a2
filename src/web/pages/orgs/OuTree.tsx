import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../shared/api/orgs';

/**
 * The OU tree as nested lists of buttons: choosing an OU shows the accounts of its whole subtree,
 * "All accounts" clears the choice. The chosen one carries aria-current.
 */
export function OuTree({
  units,
  selected,
  onSelect,
}: {
  units: OrgUnit[];
  selected: string | undefined;
  onSelect: (ouId: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const children = new Map<string | null, OrgUnit[]>();
  for (const unit of units) {
    const siblings = children.get(unit.parentId) ?? [];
    siblings.push(unit);
    children.set(unit.parentId, siblings);
  }
  const root = units.find((unit) => unit.parentId === null);

  const item = (label: string, ouId: string | undefined, key: string) => {
    const current = selected === ouId;
    return (
      <button
        key={key}
        type="button"
        className={`btn btn-sm text-start w-100 ${current ? 'btn-primary' : 'btn-link text-decoration-none'}`}
        aria-current={current ? 'true' : undefined}
        data-ou-id={ouId}
        onClick={() => onSelect(ouId)}
      >
        {label}
      </button>
    );
  };

  const branch = (parentId: string) => {
    const below = [...(children.get(parentId) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    if (below.length === 0) return null;
    return (
      <ul className="list-unstyled ps-3 mb-0">
        {below.map((unit) => (
          <li key={unit.id}>
            {item(unit.name, unit.id, unit.id)}
            {branch(unit.id)}
          </li>
        ))}
      </ul>
    );
  };

  return (
    <nav aria-labelledby="ou-tree-title" data-testid="ou-tree">
      <h3 id="ou-tree-title" className="h6">
        {t('orgs.units')}
      </h3>
      <ul className="list-unstyled mb-0">
        <li>
          {item(t('orgs.allUnits'), undefined, 'all')}
          {root && branch(root.id)}
        </li>
      </ul>
    </nav>
  );
}
