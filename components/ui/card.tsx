// Card: the white rounded panel every studio section sits in, with an optional heading.
import { useId } from 'react';

/** Props for {@link Card}. */
export interface CardProps extends Omit<React.HTMLAttributes<HTMLElement>, 'title'> {
  /** Heading text; the section is labelled by it. */
  title?: React.ReactNode;
  /** Heading level (2 by default). */
  level?: 2 | 3;
  /** Something shown at the right of the heading (a button, a badge). */
  actions?: React.ReactNode;
}

/** A labelled `<section>` panel. */
export function Card({ title, level = 2, actions, className = '', children, ...rest }: CardProps) {
  const headingId = useId();
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <section
      aria-labelledby={title !== undefined ? headingId : undefined}
      className={`rounded-2xl border border-slate-200 bg-white p-4 shadow-sm ${className}`}
      {...rest}
    >
      {(title !== undefined || actions) && (
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          {title !== undefined && (
            <H id={headingId} className={level === 2 ? 'text-lg font-semibold' : 'font-semibold'}>
              {title}
            </H>
          )}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
