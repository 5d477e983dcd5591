export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <div className="h-7 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-48 animate-pulse rounded bg-slate-200" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
