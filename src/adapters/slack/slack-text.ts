/**
 * Slack message text is not plain text: `<…>` is link / mention syntax and `&` starts an entity, so
 * the core's "/attribute-correct <word>" would be swallowed. Slack asks for exactly these three to
 * be escaped; everything else (emoji, quotes, newlines) passes through.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Message text as Slack stores it (`&amp;` `&lt;` `&gt;` escaped), back to what the user typed. */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
