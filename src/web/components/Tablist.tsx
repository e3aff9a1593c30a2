import { type KeyboardEvent, type ReactNode, useRef } from 'react';

export interface TablistProps<T extends string> {
  /** Accessible name of the tab list. */
  label: string;
  tabs: readonly T[];
  selected: T;
  onSelect: (tab: T) => void;
  /** Prefix of the tab and panel ids (unique on the page). */
  idPrefix: string;
  renderTab: (tab: T) => ReactNode;
  /** Bootstrap nav style: `nav-tabs`, `nav-pills`… plus any spacing classes. */
  className?: string;
  tabClassName?: string;
}

export const tabId = (idPrefix: string, tab: string) => `${idPrefix}-tab-${tab}`;
export const panelId = (idPrefix: string) => `${idPrefix}-panel`;

/** Which tab an arrow/Home/End key selects, or null for any other key. */
export function nextTab<T>(tabs: readonly T[], current: T, key: string): T | null {
  const index = Math.max(0, tabs.indexOf(current));
  const last = tabs.length - 1;
  const target: Record<string, number> = {
    ArrowRight: index === last ? 0 : index + 1,
    ArrowLeft: index === 0 ? last : index - 1,
    Home: 0,
    End: last,
  };
  const to = target[key];
  return to === undefined ? null : (tabs[to] ?? null);
}

/**
 * The WAI-ARIA tabs pattern with automatic activation: one Tab stop (the selected tab), Left/Right
 * move and select (wrapping), Home/End jump to the first/last tab. The panel is `TabPanel` below.
 */
export function Tablist<T extends string>(props: TablistProps<T>) {
  const { tabs, selected, onSelect, idPrefix } = props;
  const buttons = useRef(new Map<T, HTMLButtonElement>());

  // From the focused tab, not `selected`: a fast second key press can arrive before the
  // selection of the first one has re-rendered.
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, from: T) => {
    const next = nextTab(tabs, from, event.key);
    if (next === null) return;
    event.preventDefault();
    onSelect(next);
    buttons.current.get(next)?.focus();
  };

  return (
    <div role="tablist" aria-label={props.label} className={`nav ${props.className ?? 'nav-tabs'}`}>
      {tabs.map((tab) => {
        const active = tab === selected;
        return (
          <button
            key={tab}
            ref={(el) => {
              if (el) buttons.current.set(tab, el);
              else buttons.current.delete(tab);
            }}
            type="button"
            role="tab"
            id={tabId(idPrefix, tab)}
            aria-selected={active}
            aria-controls={panelId(idPrefix)}
            tabIndex={active ? 0 : -1}
            className={`nav-link ${props.tabClassName ?? ''} ${active ? 'active' : ''}`}
            onClick={() => onSelect(tab)}
            onKeyDown={(event) => onKeyDown(event, tab)}
          >
            {props.renderTab(tab)}
          </button>
        );
      })}
    </div>
  );
}

/** The panel of a `Tablist`: labelled by the selected tab. */
export function TabPanel({
  idPrefix,
  selected,
  children,
  className,
}: {
  idPrefix: string;
  selected: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      role="tabpanel"
      id={panelId(idPrefix)}
      aria-labelledby={tabId(idPrefix, selected)}
      className={className}
    >
      {children}
    </div>
  );
}
