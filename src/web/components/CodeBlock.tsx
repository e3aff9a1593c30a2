/** Pretty JSON in a scrollable block; focusable so keyboard users can scroll it. */
export function CodeBlock({ text, labelledBy, tall }: { text: string; labelledBy: string; tall?: boolean }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: <pre> keeps the whitespace; the role names the scroll area
    <pre
      className={`policy-json mb-0${tall ? ' policy-json-tall' : ''}`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      role="region"
      aria-labelledby={labelledBy}
    >
      <code>{text}</code>
    </pre>
  );
}
