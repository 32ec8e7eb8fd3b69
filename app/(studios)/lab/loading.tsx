// Shown while the lab route loads.
export default function Loading() {
  return <p className="text-slate-600">…</p>;
}
