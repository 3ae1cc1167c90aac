import type { Refusal } from "./api"
import { escape } from "./format"

/**
 * The form input a store API field path names: "applicant.address.postal_code" → "postal_code",
 * "consents" → "consent".
 */
const inputName = (field: string) => (field === "consents" ? "consent" : field.split(".").pop()!)

/** Clears the form's field errors (before another submission). */
export function clearFieldErrors(form: HTMLFormElement): void {
  form.querySelectorAll(".field-error").forEach((node) => node.remove())
  form.querySelectorAll("[aria-invalid]").forEach((node) => {
    node.removeAttribute("aria-invalid")
    node.removeAttribute("aria-describedby")
  })
}

/**
 * Shows each of the refusal's field errors under its input (announced with it: aria-describedby) and
 * moves the focus to the first; answers the refusal's message when no field of the form matches.
 */
export function showFieldErrors(form: HTMLFormElement, refusal: Refusal): string | null {
  const errors = refusal.errors.length ? refusal.errors : [{ field: refusal.field, message: refusal.message }]
  let first: HTMLElement | null = null
  for (const { field, message } of errors) {
    const input = field ? form.querySelector<HTMLElement>(`[name="${inputName(field)}"]`) : null
    if (!input) continue
    const id = `${input.getAttribute("name")}-error`
    input.setAttribute("aria-invalid", "true")
    input.setAttribute("aria-describedby", id)
    input
      .closest("label")!
      .insertAdjacentHTML("beforeend", `<span class="field-error" id="${id}">${escape(message)}</span>`)
    first ??= input
  }
  first?.focus()
  return first ? null : refusal.message
}
