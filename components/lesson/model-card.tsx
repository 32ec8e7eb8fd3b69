'use client';
// A model card for kids, after training: the classes and their examples, what gets mixed up, and
// what to try next, on one screen; "Print" prints just the card.
import { useT } from '@/components/i18n/i18n-provider';
import { Button } from '@/components/ui/button';
import { modelCardFacts, type ModelCardInput } from '@/lib/lesson';

// While printing, only the card is visible.
const PRINT_CSS =
  '@media print{body *{visibility:hidden!important}[data-model-card],[data-model-card] *{visibility:visible!important}[data-model-card]{position:absolute;inset:0 auto auto 0;width:100%}[data-model-card] button{display:none!important}}';

/** The card; renders nothing without classes. */
export function ModelCard(props: ModelCardInput) {
  const t = useT();
  const facts = modelCardFacts(props);
  if (!facts.classes.length) return null;
  return (
    <section
      className="space-y-3 rounded-2xl border-2 border-indigo-200 bg-indigo-50/50 p-4 text-lg"
      data-model-card
      data-lesson-panel="modelcard"
      data-testid="model-card"
      aria-label={t('card.title')}
    >
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-xl font-bold">{t('card.title')}</h3>
        <Button variant="secondary" onClick={() => window.print()}>
          {t('card.print')}
        </Button>
      </div>
      <div>
        <h4 className="font-semibold">{t('card.classes')}</h4>
        <ul className="mt-1 grid gap-1 sm:grid-cols-2">
          {facts.classes.map((c, i) => (
            <li key={`${c.name}-${i}`} className="flex justify-between gap-3 rounded-lg bg-white px-3 py-1">
              <span className="font-medium">{c.name}</span>
              <span className="text-slate-700 tabular-nums">{t('card.examples', { count: c.examples })}</span>
            </li>
          ))}
        </ul>
      </div>
      {facts.percent !== null ? (
        <p>{t('card.accuracy', { percent: facts.percent })}</p>
      ) : (
        <p>{t('card.noTest')}</p>
      )}
      {facts.mixedUp.length > 0
        ? facts.mixedUp.map((m) => <p key={`${m.a}-${m.b}`}>{t('card.mixed', { a: m.a, b: m.b })}</p>)
        : facts.percent !== null && <p>{t('card.noMix')}</p>}
      {facts.tryMore && (
        <p className="font-semibold text-indigo-900" data-testid="model-card-more">
          💡 {t('card.more', { name: facts.tryMore })}
        </p>
      )}
    </section>
  );
}
