import { useTitle } from '../components/useTitle';
import type { Section } from '../routes';

/** A section that a later release fills: what it will hold, and no pretend data. */
export function SectionPlaceholder({ section }: { section: Section }) {
  useTitle(section.label);
  return (
    <section aria-labelledby={`${section.id}-title`} data-testid={`section-${section.id}`}>
      <h1 id={`${section.id}-title`}>{section.label}</h1>
      <p className="lead">{section.blurb}</p>
    </section>
  );
}
