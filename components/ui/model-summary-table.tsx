// ModelSummaryTable: layers, output shapes and parameter counts, like Keras' model.summary().

/** One row: a layer of the model. */
export interface SummaryRow {
  name: string;
  className: string;
  outputShape: readonly (number | null)[];
  params: number;
}

/** Props for {@link ModelSummaryTable}; texts come translated from the caller. */
export interface ModelSummaryTableProps {
  rows: readonly SummaryRow[];
  totalText: string;
  layerHeader: string;
  outputHeader: string;
  paramsHeader: string;
}

const shape = (s: readonly (number | null)[]) => `[${s.map((d) => (d === null ? 'batch' : d)).join(', ')}]`;

/** A table a teacher can read aloud: what each layer outputs and how many numbers it learns. */
export function ModelSummaryTable({
  rows,
  totalText,
  layerHeader,
  outputHeader,
  paramsHeader,
}: ModelSummaryTableProps) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="model-summary">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              {layerHeader}
            </th>
            <th scope="col" className="px-3 py-2">
              {outputHeader}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {paramsHeader}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} className="border-t border-slate-100">
              <td className="px-3 py-1.5">
                <span className="font-medium">{r.className}</span>{' '}
                <span className="text-xs text-slate-500">{r.name}</span>
              </td>
              <td className="px-3 py-1.5 font-mono text-xs">{shape(r.outputShape)}</td>
              <td className="px-3 py-1.5 text-right font-mono tabular-nums">{r.params.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-200 bg-slate-50">
            <td colSpan={3} className="px-3 py-2 text-right font-medium">
              {totalText}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
