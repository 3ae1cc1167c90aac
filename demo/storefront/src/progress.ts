/**
 * The message of a wait the shopper started (an application sent, decided by Inbank in a few seconds):
 * an empty polite live region drawn with the view, so that screen readers announce the text set into it later.
 */
export const progressRegion = `<p class="progress" id="progress" role="status" aria-live="polite"></p>`

/** Sets the view's wait message, or clears it with "". */
export function showProgress(text: string): void {
  const region = document.getElementById("progress")
  if (region) region.textContent = text
}
