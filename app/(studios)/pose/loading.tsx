// Shown while the Pose studio route loads.
export default function Loading() {
  return (
    <div
      className="h-2 w-full animate-pulse rounded bg-emerald-200"
      role="progressbar"
      aria-label="Loading"
    />
  );
}
