import { clsx, type ClassValue } from "clsx"

/**
 * Joins class names (clsx). It does not merge Tailwind classes: a class from the caller does not
 * replace a component's class of the same utility, both apply and the stylesheet's order decides.
 * So components offer variants or props for what callers change, never a default to override.
 */
export function cn(...inputs: ClassValue[]) {
  return clsx(inputs)
}
