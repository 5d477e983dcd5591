"use client";
// A small menu on the native <details> element: keyboard and screen-reader support come
// from the browser, and it costs almost no JavaScript (a dropdown library added ~35 kB
// gzipped to every table page). Escape and a click outside close it.
import { useEffect, useRef, type ReactNode } from "react";

export function PopoverMenu({
  label,
  className,
  children,
  align = "right",
}: {
  label: ReactNode;
  className: string;
  children: ReactNode;
  align?: "left" | "right";
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: Event) => {
      const details = ref.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !details.contains(event.target as Node)) {
        details.open = false;
        if (event instanceof KeyboardEvent) details.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  return (
    <details ref={ref} className="relative">
      <summary className={`list-none [&::-webkit-details-marker]:hidden ${className}`}>{label}</summary>
      <div
        onClick={(event) => {
          // Following a link (e.g. a download) is the end of the choice: close the menu.
          if ((event.target as HTMLElement).closest("a") && ref.current) ref.current.open = false;
        }}
        className={`absolute z-50 mt-1 min-w-64 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg ${align === "right" ? "right-0" : "left-0"}`}
      >
        {children}
      </div>
    </details>
  );
}
