import { useCombobox } from 'downshift';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnections } from '../../api/hooks';
import { useScope } from '../../scope';
import { type ScopeChoice, useScopeChoices } from './useScopeChoices';

const { InputChange, InputBlur, InputKeyDownEnter, ItemClick } = useCombobox.stateChangeTypes;

/**
 * The account scope of every page: all accounts, one OU of an organization connection, or one
 * account. A combobox (ARIA combobox + listbox from downshift: arrow keys, Enter, Escape) whose
 * typed text searches the organizations' accounts on the server, a page at a time ("show more");
 * the choice lives in the URL (`?scope=`) and its label shows even when that account is on no
 * page listed.
 */
export function AccountSwitcher() {
  const { t } = useTranslation();
  const inputId = `${useId()}-scope`;
  const { scope, param, setScope } = useScope();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const connections = useConnections().data?.connections ?? [];
  const { choices, currentLabel, showMore, searching } = useScopeChoices(connections, scope, text);
  const current: ScopeChoice = { kind: 'scope', key: param ?? 'all', label: currentLabel, scope };

  const combobox = useCombobox<ScopeChoice>({
    inputId,
    items: choices,
    itemToString: (item) => item?.label ?? '',
    itemToKey: (item) => item?.key,
    isOpen: open,
    selectedItem: current,
    inputValue: open ? text : currentLabel,
    onIsOpenChange: ({ isOpen }) => {
      setOpen(isOpen ?? false);
      if (!isOpen) setText('');
    },
    onInputValueChange: ({ type, inputValue }) => {
      if (type === InputChange) setText(inputValue ?? '');
    },
    onSelectedItemChange: ({ selectedItem, type }) => {
      if (!selectedItem || type === InputBlur) return;
      if (selectedItem.kind === 'more') showMore(selectedItem.connectionId);
      else setScope(selectedItem.scope);
    },
    stateReducer: (state, { type, changes }) => {
      // Leaving the box never chooses what happened to be highlighted.
      if (type === InputBlur) return { ...changes, selectedItem: state.selectedItem };
      // "Show more" keeps the list open where it was.
      if ((type === InputKeyDownEnter || type === ItemClick) && changes.selectedItem?.kind === 'more') {
        return {
          ...changes,
          isOpen: true,
          inputValue: state.inputValue,
          highlightedIndex: state.highlightedIndex,
        };
      }
      return changes;
    },
  });
  if (connections.length === 0) return null;
  const { getLabelProps, getInputProps, getMenuProps, getItemProps, highlightedIndex } = combobox;

  return (
    <div className="account-switcher position-relative">
      <label className="visually-hidden" {...getLabelProps()} htmlFor={inputId}>
        {t('scope.label')}
      </label>
      <input
        className="form-control form-control-sm"
        placeholder={t('scope.find')}
        {...getInputProps({ onFocus: (e) => e.currentTarget.select() })}
      />
      <ul
        className={`list-group position-absolute shadow account-switcher-menu ${open ? '' : 'd-none'}`}
        {...getMenuProps()}
      >
        {open &&
          choices.map((item, index) => (
            <li
              key={item.key}
              className={`list-group-item list-group-item-action small ${highlightedIndex === index ? 'active' : ''} ${item.key === current.key ? 'fw-semibold' : ''}`}
              {...getItemProps({ item, index })}
            >
              {item.label}
              {item.kind === 'scope' && item.detail && (
                <span className={`d-block ${highlightedIndex === index ? '' : 'text-body-secondary'}`}>
                  {item.detail}
                </span>
              )}
            </li>
          ))}
      </ul>
      {open && choices.length === 0 && !searching && (
        <p
          className="account-switcher-menu position-absolute bg-body border rounded p-2 small mb-0"
          role="status"
        >
          {t('scope.noMatch')}
        </p>
      )}
    </div>
  );
}
