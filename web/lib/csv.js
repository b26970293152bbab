// CSV export built in the page (no server): RFC 4180 quoting, full-precision numbers.

function cell(value) {
  const text = value == null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** rows: array of arrays (first row = header) -> CSV text with CRLF line ends. */
export function toCsv(rows) {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** An <a download> for the given CSV text. A data: URL, so it works under file:// and strict CSP. */
export function csvLink(rows, filename, label = 'Download CSV') {
  const a = document.createElement('a');
  a.href = 'data:text/csv;charset=utf-8,' + encodeURIComponent(toCsv(rows));
  a.download = filename;
  a.textContent = label;
  a.className = 'button';
  return a;
}
