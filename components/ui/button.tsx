import type { ButtonHTMLAttributes } from "react";

// The app's buttons: every button of a form or a toolbar is one of these.
type Variant = "primary" | "secondary" | "ghost";
type Size = "md" | "sm";

const SIZES: Record<Size, string> = { md: "px-3.5 py-2", sm: "px-3 py-1.5" };

const VARIANTS: Record<Variant, string> = {
  primary: "bg-slate-900 text-white hover:bg-slate-700 disabled:bg-slate-400",
  secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-100 disabled:text-slate-500",
  ghost: "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
};

export function Button({
  variant = "primary",
  size = "md",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: Size }) {
  return (
    <button
      className={`inline-flex items-center justify-center gap-2 rounded-md ${SIZES[size]} text-sm font-medium transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}
