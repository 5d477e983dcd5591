"use client";
import { useTranslations } from "use-intl";
// A searchable picker (the WAI-ARIA combobox pattern with a list box): type any part of a
// name, an acronym or a code, ignoring case and accents ("cote" finds Côte d'Ivoire), move
// with the arrow keys, choose with Enter, close with Escape. Options are given (countries)
// or searched for as the analyst types (organisations, through `search`). The chosen value
// travels in a hidden input named `name`, so the picker sits in an ordinary form.
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { foldForSearch } from "@/lib/domain/search-text";

export interface ComboboxOption {
  value: string;
  label: string;
  /** Shown after the label, e.g. a code or an acronym; also matched. */
  hint?: string;
  /** Other words that find it (an acronym, a code, another language's name). */
  keywords?: string[];
}

interface Props {
  label: string;
  name: string;
  options?: ComboboxOption[];
  /** Options found for what was typed (at most a few dozen); replaces `options`. */
  search?: (text: string) => Promise<ComboboxOption[]>;
  value: ComboboxOption | null;
  onChange: (option: ComboboxOption | null) => void;
  placeholder?: string;
  error?: string;
  /** Shown when nothing matches. */
  emptyText?: string;
  /** Smaller label and field, for filter bars. */
  compact?: boolean;
}

const SHOWN = 50;

/** Options whose label, hint or keywords contain the text: those starting with it first. */
export function filterOptions(options: ComboboxOption[], text: string): ComboboxOption[] {
  const wanted = foldForSearch(text.trim());
  if (!wanted) return options.slice(0, SHOWN);
  const starts: ComboboxOption[] = [];
  const contains: ComboboxOption[] = [];
  for (const option of options) {
    const words = [option.label, option.hint ?? "", ...(option.keywords ?? [])].map(foldForSearch);
    if (words.some((w) => w.startsWith(wanted))) starts.push(option);
    else if (words.some((w) => w.includes(wanted))) contains.push(option);
  }
  return [...starts, ...contains].slice(0, SHOWN);
}

export function Combobox({ label, name, options = [], search, value, onChange, placeholder, error, emptyText, compact = false }: Props) {
  const t = useTranslations("identity");
  const id = useId();
  const listId = `${id}-list`;
  // What is typed; null while it shows the chosen option's label.
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? value?.label ?? "";
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [answer, setAnswer] = useState<{ text: string; options: ComboboxOption[] } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // Searched options: typing quickly sends one request, not ten, and an answer is shown
  // only for the text it was asked for.
  useEffect(() => {
    if (!search || !open) return;
    let current = true;
    const timer = setTimeout(() => {
      search(text)
        .then((options) => current && setAnswer({ text, options }))
        .catch(() => current && setAnswer({ text, options: [] }));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [search, text, open]);
  const searching = Boolean(search) && answer?.text !== text;

  const shown = useMemo(
    () => (search ? (answer?.text === text ? answer.options : []) : filterOptions(options, typed === null ? "" : text)),
    [search, answer, options, text, typed],
  );
  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  function choose(option: ComboboxOption) {
    onChange(option);
    setTyped(null);
    setOpen(false);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((i) => Math.min(i + 1, shown.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter" && open) {
      event.preventDefault();
      const option = shown[active];
      if (option) choose(option);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setTyped(null);
      }
    }
  }

  const errorId = `${id}-error`;
  return (
    <div className={`relative flex flex-col gap-1 font-medium ${compact ? "w-48 text-xs text-slate-600" : "text-sm text-slate-700"}`}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <input type="hidden" name={name} value={value?.value ?? ""} />
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && shown[active] ? `${id}-option-${active}` : undefined}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? errorId : undefined}
        value={text}
        placeholder={placeholder}
        className={`w-full rounded-md border border-slate-300 bg-white py-1.5 text-sm font-normal text-slate-900 aria-[invalid=true]:border-red-600 ${compact ? "px-2" : "px-2.5"}`}
        onChange={(event) => {
          setTyped(event.target.value);
          setActive(0);
          setOpen(true);
          if (value) onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => {
          // A click on an option lands after the blur: close on the next tick.
          setTimeout(() => setOpen(false), 120);
        }}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul
          id={listId}
          ref={listRef}
          role="listbox"
          aria-label={label}
          className="absolute top-full z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-slate-300 bg-white py-1 font-normal shadow-lg"
        >
          {shown.map((option, index) => (
            <li
              key={option.value}
              id={`${id}-option-${index}`}
              data-index={index}
              role="option"
              aria-selected={index === active}
              className={`flex cursor-pointer justify-between gap-3 px-2.5 py-1.5 text-slate-900 ${index === active ? "bg-slate-100" : ""}`}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(option)}
            >
              <span>{option.label}</span>
              {option.hint && <span className="text-slate-600">{option.hint}</span>}
            </li>
          ))}
          {!shown.length && (
            <li role="presentation" className="px-2.5 py-1.5 text-slate-600">
              {searching ? t("searching") : (emptyText ?? t("nothingMatches"))}
            </li>
          )}
        </ul>
      )}
      {error && (
        <span id={errorId} className="font-normal text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}

/** A combobox that keeps its own choice: for plain GET forms such as the tables' filters. */
export function ComboboxField({ initial, ...props }: Omit<Props, "value" | "onChange"> & { initial: ComboboxOption | null }) {
  const [value, setValue] = useState(initial);
  return <Combobox {...props} value={value} onChange={setValue} />;
}
