// Shown while the Sound studio route loads.
export default function Loading() {
  return (
    <div className="h-2 w-full animate-pulse rounded bg-amber-200" role="progressbar" aria-label="Loading" />
  );
}
