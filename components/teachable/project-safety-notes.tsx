'use client';
// Notes that protect a teachable project: another tab has it open (this one does not save), or the
// saved project had damaged parts that were reset.
import { useT } from '@/components/i18n/i18n-provider';
import { OpenElsewhereNote } from '@/components/storage';
import { Alert } from '@/components/ui';

/** Shows the notes that apply; nothing when all is well. */
export function ProjectSafetyNotes({
  openElsewhere,
  repaired,
}: {
  openElsewhere: boolean;
  repaired: boolean;
}) {
  const t = useT();
  return (
    <>
      <OpenElsewhereNote show={openElsewhere} />
      {repaired && (
        <Alert kind="info">
          <span data-testid="project-repaired">{t('files.repaired')}</span>
        </Alert>
      )}
    </>
  );
}
