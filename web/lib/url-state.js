// Page state lives in the URL hash: #/<calculator>?key=value&...
// A copied link therefore reproduces a result, and a restarted worker loses nothing.

/** Parse location.hash into {calculator, params: URLSearchParams}. */
export function readHash(hash = location.hash) {
  const text = hash.replace(/^#\/?/, '');
  const [calculator, query = ''] = text.split('?');
  return { calculator: calculator || '', params: new URLSearchParams(query) };
}

/** Replace the hash without adding a history entry per keystroke. */
export function writeHash(calculator, params) {
  const query = params.toString();
  const hash = `#/${calculator}${query ? '?' + query : ''}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
}
