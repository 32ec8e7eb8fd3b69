// Shown while the dream studio's route loads.
export default function Loading() {
  return <p className="p-6 text-slate-600">…</p>;
}
