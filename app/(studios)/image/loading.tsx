// Shown while the Image studio route loads.
export default function Loading() {
  return (
    <div className="h-2 w-full animate-pulse rounded bg-indigo-200" role="progressbar" aria-label="Loading" />
  );
}
