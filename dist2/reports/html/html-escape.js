/**
 * Escaping for the HTML report: everything that comes from a result (scenario text, names, error messages)
 * goes through one of these before it reaches the page.
 */
/** `text` safe as HTML text and inside double- or single-quoted attribute values. */
export function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
/**
 * `value` as JSON that is safe inside a <script type="application/json"> element: `<` is written as \u003c (so
 * neither `</script>` nor `<!--` can end or alter the element) and the JavaScript-breaking line separators
 * U+2028 / U+2029 are escaped. JSON.parse of the element's text gives `value` back.
 */
export function jsonForScript(value) {
    return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
/**
 * Script source safe inside a <script> element: any `</script` (in any case) in it is split so the
 * HTML parser cannot end the element early. For trusted, bundled library code only.
 */
export function scriptForInline(source) {
    return source.replace(/<\/(script)/gi, '<\\/$1');
}
//# sourceMappingURL=html-escape.js.map