// A labelled progress bar (role=progressbar), with the figures in words beside it.
export function ProgressBar({ label, value, max, detail }: { label: string; value: number; max: number | null; detail: string }) {
  const percent = max ? Math.min(100, Math.round((value / max) * 100)) : null;
  return (
    <div className="space-y-1" data-testid="import-progress">
      <div className="flex justify-between text-sm text-slate-700">
        <span>{label}</span>
        <span>{detail}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={detail}
        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full bg-slate-800 transition-[width] ${percent === null ? "w-1/3 animate-pulse" : ""}`}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
