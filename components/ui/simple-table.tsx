// The small tables of the admin pages (users, API tokens, webhooks, deliveries): a card that
// scrolls sideways when it must, a caption for screen readers, and a plain header row.
import type { ReactNode } from "react";

export function SimpleTable({ caption, headers, testId, children }: { caption: string; headers: string[]; testId: string; children: ReactNode }) {
  return (
    <div className="overflow-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            {headers.map((h, i) => (
              <th key={`${i}-${h}`} scope="col" className="px-3 py-2 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
