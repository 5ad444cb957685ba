// The report chart's tooltip, built from escaped text. Series names and bucket labels come from
// the data (queue and agent names, regions), and ECharts' own tooltip let a series name's HTML
// through in versions before 5.5.1: the console never relies on it.

/** `text` as HTML that shows it as it is. */
export function escapeHtml(text) {
  return String(text ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * The tooltip of an axis of stacked bars: the bucket, then each series with calls in it, as
 * ECharts' formatter callback gets them. Only the markers (colour dots ECharts makes itself) are
 * HTML; every name and label is escaped, every value a number.
 */
export function axisTooltip(params) {
  const list = Array.isArray(params) ? params : [params];
  if (list.length === 0) {
    return '';
  }
  const head = escapeHtml(list[0].axisValueLabel ?? list[0].name);
  const rows = list
    .filter((p) => Number(p.value) > 0)
    .map((p) => `${p.marker ?? ''}${escapeHtml(p.seriesName)}: ${Number(p.value)}`);
  return [head, ...rows].join('<br>');
}
