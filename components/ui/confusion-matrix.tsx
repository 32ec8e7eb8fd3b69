// ConfusionMatrix: true class by predicted class, shaded by share of each row.

/** Props for {@link ConfusionMatrix}. `matrix[i][j]` counts examples of class i predicted as j. */
export interface ConfusionMatrixProps {
  labels: readonly string[];
  matrix: readonly (readonly number[])[];
  title: string;
  trueLabel: string;
  predictedLabel: string;
  caption?: string;
}

/** An accessible table; the diagonal (correct answers) is green, mistakes red. */
export function ConfusionMatrix({
  labels,
  matrix,
  title,
  trueLabel,
  predictedLabel,
  caption,
}: ConfusionMatrixProps) {
  return (
    <figure className="overflow-x-auto rounded-xl border border-slate-200 bg-white p-3">
      <figcaption className="mb-2 text-sm">
        <span className="font-medium text-slate-800">{title}</span>
        {caption && <span className="block text-xs text-slate-500">{caption}</span>}
      </figcaption>
      <table className="border-collapse text-xs" data-testid="confusion-matrix">
        <thead>
          <tr>
            <th scope="col" className="p-1 text-left text-slate-500">
              {trueLabel} \ {predictedLabel}
            </th>
            {labels.map((l) => (
              <th key={l} scope="col" className="max-w-20 truncate p-1 font-medium text-slate-700" title={l}>
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.map((row, i) => {
            const total = row.reduce((a, b) => a + b, 0) || 1;
            return (
              <tr key={labels[i] ?? i}>
                <th
                  scope="row"
                  className="max-w-24 truncate p-1 text-left font-medium text-slate-700"
                  title={labels[i]}
                >
                  {labels[i]}
                </th>
                {row.map((count, j) => {
                  const share = count / total;
                  const bg =
                    count === 0
                      ? 'transparent'
                      : i === j
                        ? `rgba(16,185,129,${0.15 + 0.75 * share})`
                        : `rgba(244,63,94,${0.15 + 0.75 * share})`;
                  return (
                    <td
                      key={j}
                      className="h-8 min-w-8 border border-slate-100 p-1 text-center tabular-nums"
                      style={{ background: bg }}
                    >
                      {count}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
