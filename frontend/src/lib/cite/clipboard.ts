/**
 * Copying text: the async Clipboard API where the page may use it; else the text is selected in the field
 * that shows it and the older copy command tried, so a reader can at least press Ctrl+C / ⌘C.
 */
export type CopyResult = 'copied' | 'selected';

export async function copyText(text: string, field: HTMLTextAreaElement | HTMLInputElement | null): Promise<CopyResult> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    // No permission, an insecure origin, or no Clipboard API: fall back to the selection.
  }
  if (field === null) return 'selected';
  field.focus();
  field.select();
  try {
    return document.execCommand('copy') ? 'copied' : 'selected';
  } catch {
    return 'selected';
  }
}
