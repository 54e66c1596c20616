// The one HTML skeleton every webview page uses: a strict Content-Security-Policy (nothing but the
// nonce'd scripts and the extension's stylesheet), the data as a JSON block the script reads with
// textContent, then the scripts. No spec text is ever put into the markup; each page's script
// inserts it with textContent.

export interface WebviewPage {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  title: string;
  styleUri: string;
  /** Loaded in this order, after the data block. */
  scriptUris: readonly string[];
  /** The id of the JSON data block the page's script reads. */
  dataId: string;
  initial: unknown;
  /** The page's own markup: static, never spec text. */
  body: string;
  /** CSS rules of our own (never spec text), in a nonce'd style element. */
  inlineCss?: string;
}

/** JSON that is safe inside a <script> element: no "</script>", no "<!--", no line separators. */
export function jsonForScriptBlock(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Escapes text for an HTML attribute value (only our own URIs and nonce go there). */
function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function renderWebviewPage(p: WebviewPage): string {
  const nonce = attr(p.nonce);
  // CSS cannot hold markup, and nothing may close the style element early.
  const style = p.inlineCss === undefined ? '' : `<style nonce="${nonce}">${p.inlineCss.replace(/</g, '')}</style>\n`;
  const scripts = p.scriptUris.map((uri) => `<script nonce="${nonce}" src="${attr(uri)}"></script>\n`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(p.cspSource, p.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(p.styleUri)}" nonce="${nonce}">
${style}<title>${p.title}</title>
</head>
<body>
${p.body}
<script type="application/json" id="${attr(p.dataId)}" nonce="${nonce}">${jsonForScriptBlock(p.initial)}</script>
${scripts}</body>
</html>`;
}

/** A fresh nonce per page: 128 random bits, base64 (the CSP's nonce grammar allows + / =). */
export function makeNonce(): string {
  // Web Crypto: the same in Node's extension host and in the browser's web worker host.
  return btoa(String.fromCharCode(...globalThis.crypto.getRandomValues(new Uint8Array(16))));
}
