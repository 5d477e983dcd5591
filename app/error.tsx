"use client";

// Shown for any unexpected error. Never the error's own message: it may hold internals.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">The page could not be shown. If the database is unavailable, the app recovers by itself when it is back.</p>
      <button onClick={reset} className="mt-4 rounded-md bg-slate-900 px-3.5 py-2 text-sm font-medium text-white">
        Try again
      </button>
    </main>
  );
}
